// What the peer practice end-to-end tests share: a page per person, the profile form, screenshots.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect } from "./fixtures";

const SCREENS = path.join("test-results", "screens");

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  // From the top: a full-page shot of a scrolled page draws the sticky header where the scroll left it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENS, `practice-${name}.png`), fullPage: true });
}

export async function newPage(
  browser: Browser,
  newContext: (browser: Browser, options: { viewport: { width: number; height: number } }) => Promise<BrowserContext>,
) {
  const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

/** On /practice: the first topic of the list (the same for both), a level, saved; returns the topic. */
export async function setProfile(page: Page, shoot: boolean): Promise<string> {
  const form = page.getByRole("form", { name: "Practice profile" });
  const firstTopic = form.getByTestId("practice-topics").getByRole("checkbox").first();
  const topic = (await firstTopic.locator("xpath=..").innerText()).split("\n")[0]!.trim();
  await firstTopic.check();
  await form.getByRole("radio", { name: "Senior" }).check();
  // A field's error goes as soon as it is fixed.
  await expect(form.locator("[data-field-error]")).toHaveCount(0);
  if (shoot) await screenshot(page, "profile-form");
  await form.getByRole("button", { name: "Save profile" }).click();
  const summary = page.getByTestId("practice-profile-summary");
  await expect(summary).toContainText(topic);
  await expect(summary).toContainText("Senior");
  await expect(summary.getByRole("button", { name: "Edit" })).toBeVisible();
  return topic;
}
