import type { Browser, BrowserContext, Page } from "@playwright/test";
import { addQuestions, createInterview, expect, padText, signUpNew, test } from "./fixtures";

/**
 * The pad, typed in by two people at once in real Chromium: the interviewer and a guest candidate each
 * in their own browser, typing at the same moment, end with the same text holding both; each sees the
 * other's caret with their name; the interviewer points at a line and the candidate sees it; typing done
 * offline arrives when the connection is back, and typing a reload interrupted is not lost.
 */

type NewContext = (browser: Browser, options?: Parameters<Browser["newContext"]>[0]) => Promise<BrowserContext>;

async function pageIn(browser: Browser, newContext: NewContext, width = 1366): Promise<Page> {
  const context = await newContext(browser, { viewport: { width, height: 900 } });
  return context.newPage();
}

/** An interviewer and a guest candidate in a live interview of one question. */
async function liveInterview(interviewer: Page, candidate: Page): Promise<void> {
  await signUpNew(interviewer, "Iris Interviewer");
  await interviewer.goto("/interviews/new");
  await interviewer.getByLabel("Title", { exact: true }).fill("Coding, together");
  await addQuestions(interviewer, ["rate limiter"]);
  const sessionId = await createInterview(interviewer);
  await interviewer.getByRole("button", { name: "Create candidate link" }).click();
  const link = await interviewer.getByRole("textbox", { name: "Candidate invite link" }).inputValue();
  await interviewer.goto(`/room/${sessionId}`);
  await candidate.goto(new URL(link).pathname);
  await candidate.getByLabel("Your name").fill("Cai Candidate");
  await candidate.getByRole("button", { name: "Join as guest" }).click();
  await candidate.waitForURL(/\/room\//);
  await interviewer.getByRole("button", { name: "Start interview" }).click();
  await expect(candidate.getByLabel("Scratchpad")).toBeVisible();
}

const pad = (page: Page) => page.getByLabel("Scratchpad");

async function screens(page: Page, name: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  for (const theme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.getByTestId("pad").screenshot({ path: `test-results/screens/pad-${name}-${width}-${theme}.png` });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

test("two people type in the pad at once, see each other's cursors, point at a line, and nothing typed is lost", async ({ browser, newContext }) => {
  test.setTimeout(180_000);
  const interviewer = await pageIn(browser, newContext);
  const candidate = await pageIn(browser, newContext);
  await liveInterview(interviewer, candidate);

  // The candidate writes a function; the interviewer adds a line above it while the candidate goes on typing.
  await pad(candidate).click();
  await candidate.keyboard.type("def two_sum(nums, target):\n    seen = {}\n");
  await expect(pad(interviewer)).toContainText("seen = {}");
  await pad(interviewer).click();
  await interviewer.keyboard.press("ControlOrMeta+Home");
  await Promise.all([
    candidate.keyboard.type("    for i, n in enumerate(nums):\n", { delay: 15 }),
    interviewer.keyboard.type("# test: two_sum([2, 7, 11, 15], 9) == [0, 1]\n", { delay: 15 }),
  ]);
  await expect(candidate.getByTestId("scratchpad-status")).toHaveText(/Saved/);
  await expect(interviewer.getByTestId("scratchpad-status")).toHaveText(/Saved/);
  await expect.poll(async () => (await padText(candidate)) === (await padText(interviewer)), { timeout: 10_000 }).toBe(true);
  const both = await padText(candidate);
  expect(both).toContain("for i, n in enumerate(nums):");
  expect(both).toContain("# test: two_sum([2, 7, 11, 15], 9) == [0, 1]");

  // Each sees the other's caret, named.
  await expect(candidate.locator(".cm-remote-caret-label")).toHaveAttribute("data-name", "Iris Interviewer");
  await expect(interviewer.locator(".cm-remote-caret-label")).toHaveAttribute("data-name", "Cai Candidate");

  // The interviewer points at the function's line; the candidate sees it highlighted, with who points.
  await pad(interviewer).getByText("def two_sum").click();
  await interviewer.getByRole("button", { name: "Point at lines" }).click();
  await expect(candidate.getByTestId("pad-pointer")).toHaveAttribute("data-label", "Iris Interviewer points here");
  await expect(candidate.locator(".cm-remote-highlight")).toHaveCount(1);
  await expect(candidate.locator(".cm-remote-highlight")).toContainText("def two_sum");
  await screens(candidate, "together");
  await screens(interviewer, "together-interviewer");

  // Offline, the candidate keeps typing; it arrives when the connection is back.
  await candidate.context().setOffline(true);
  await pad(candidate).click();
  await candidate.keyboard.press("ControlOrMeta+End");
  await candidate.keyboard.type("\n# typed while offline");
  await expect(candidate.getByTestId("scratchpad-status")).toHaveText(/Offline|Saving/);
  await candidate.context().setOffline(false);
  await expect(pad(interviewer)).toContainText("# typed while offline", { timeout: 20_000 });

  // A reload right after typing, before any of it could be sent, keeps it.
  await candidate.keyboard.type("\n# just before the reload");
  await candidate.reload();
  await expect(pad(candidate)).toContainText("# just before the reload");
  await expect(pad(interviewer)).toContainText("# just before the reload", { timeout: 20_000 });
  await expect.poll(async () => (await padText(candidate)) === (await padText(interviewer)), { timeout: 10_000 }).toBe(true);

  // On a phone's width the pad and its controls fit.
  await candidate.setViewportSize({ width: 390, height: 844 });
  await expect(candidate.locator(".cm-remote-caret-label")).toHaveCount(1);
  expect(await candidate.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await screens(candidate, "together");
});
