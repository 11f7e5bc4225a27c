import { baseURL } from "../../playwright.config";
import { expect, test } from "./fixtures";
import { linkIn, waitForMail } from "./mailbox";

const oldPassword = "a sturdy passphrase";
const newPassword = "an even sturdier passphrase";

test("a person who forgot their password resets it from the email and signs in with the new one", async ({ page }) => {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const email = `forgetful-${stamp}@example.com`;
  const octet = () => Math.floor(Math.random() * 254) + 1;
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": `10.${octet()}.${octet()}.${octet()}` });

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Fergus Forgetful");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(oldPassword);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/dashboard/);
  await expect(page.getByTestId("verify-email-banner")).toBeVisible();
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${baseURL}/`);

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password/);
  await page.getByLabel("Email").fill("not an address");
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.screenshot({ path: "test-results/screens/forgot-password.png", fullPage: true });
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByTestId("reset-requested")).toContainText("If an account uses that address");
  await page.screenshot({ path: "test-results/screens/forgot-password-sent.png", fullPage: true });

  const mail = await waitForMail(email, /Reset your Mockroom password/);
  const link = linkIn(mail, `${baseURL}/account/reset-password/`);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("New password, again").fill(newPassword);
  await page.screenshot({ path: "test-results/screens/reset-password.png", fullPage: true });
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByTestId("password-changed")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/reset-password-done.png", fullPage: true });

  // The link works once.
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("a third passphrase here");
  await page.getByLabel("New password, again").fill("a third passphrase here");
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByTestId("form-error")).toContainText("This link does not work");

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(oldPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Incorrect email or password.");
  await page.getByLabel("Password").fill(newPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/dashboard/);
  // Using the reset link proved the mailbox: the address counts as confirmed.
  await expect(page.getByTestId("verify-email-banner")).toHaveCount(0);

  // Their settings: a time zone of their own, then the browser's again.
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings/);
  await expect(page.getByLabel("Name")).toHaveValue("Fergus Forgetful");
  await page.getByLabel("Time zone").selectOption("Europe/Paris");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("profile-message")).toHaveText("Saved.");
  await page.reload();
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Paris");
  await page.screenshot({ path: "test-results/screens/settings.png", fullPage: true });
  await page.getByLabel("Name").fill("Fergus\u0085Forgetful");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("A name cannot contain line breaks or control characters")).toBeVisible();
});
