import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { io } from "socket.io-client";
import { baseURL } from "../../playwright.config";

const password = "a sturdy passphrase";

function uniqueEmail(): string {
  return `ada-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

async function signUp(page: Page, name: string, email: string, secret = password) {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(secret);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** Opens a Socket.IO connection from outside the browser, with or without the browser's session cookie. */
function socketOutcome(cookie?: string): Promise<"connected" | string> {
  return new Promise((resolve) => {
    const socket = io(baseURL, { transports: ["websocket"], reconnection: false, extraHeaders: cookie ? { cookie } : {} });
    socket.once("connect", () => {
      socket.close();
      resolve("connected");
    });
    socket.once("connect_error", (error) => {
      socket.close();
      resolve(error.message);
    });
  });
}

test("sign up, sign out, sign in; a bad password is refused", async ({ page }) => {
  const email = uniqueEmail();

  await signUp(page, "Ada Lovelace", "not-an-email", "short");
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up/);

  await signUp(page, "Ada Lovelace", email);
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("heading", { name: /Ada/ })).toBeVisible();

  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${baseURL}/`);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Incorrect email or password.");
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("heading", { name: /Ada/ })).toBeVisible();
});

test("a duplicate email is refused with a clear message", async ({ page, browser }) => {
  const email = uniqueEmail();
  await signUp(page, "First Person", email);
  await expect(page).toHaveURL(/\/dashboard/);

  const other = await browser.newPage();
  await signUp(other, "Second Person", email);
  await expect(other.getByText("An account with this email already exists")).toBeVisible();
  await expect(other).toHaveURL(/\/sign-up/);
  await other.close();
});

test("a socket connects only with a signed-in session", async ({ page, context }) => {
  expect(await socketOutcome()).toBe("unauthorized");
  expect(await socketOutcome("next-auth.session-token=forged.value.here")).toBe("unauthorized");

  await signUp(page, "Grace Hopper", uniqueEmail());
  await expect(page).toHaveURL(/\/dashboard/);
  const session = (await context.cookies()).find((cookie) => cookie.name === "next-auth.session-token");
  expect(session).toBeDefined();
  expect(await socketOutcome(`${session?.name}=${session?.value}`)).toBe("connected");
});

test("health reports the database and realtime status", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { ok: true }, realtime: { running: true } });
});

test("a 50 MB request is refused with 413 and the server stays up", async ({ request }) => {
  const response = await request.post("/api/trpc/bank.preview", {
    headers: { "content-type": "application/json" },
    data: "x".repeat(50 * 1024 * 1024),
  });
  expect(response.status()).toBe(413);
  expect(await response.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
  expect((await request.get("/api/health")).status()).toBe(200);
});
