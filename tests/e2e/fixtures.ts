import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

/** Console messages in which Chromium reports a Content-Security-Policy violation. */
const CSP_VIOLATION = /Content Security Policy|Refused to (execute|load|apply|connect|frame)/i;

/** Records every CSP violation reported in a context's pages, so that a test can fail on any of them. */
export function watchCsp(context: BrowserContext, violations: string[]): void {
  context.on("console", (message) => {
    if (CSP_VIOLATION.test(message.text())) violations.push(`${message.location().url}: ${message.text()}`);
  });
}

/**
 * Playwright's test, failing any test whose pages break the Content-Security-Policy (scripts blocked,
 * styles refused, a socket refused). `newContext` gives tests that open several browsers the same watch.
 */
export const test = base.extend<{
  cspViolations: string[];
  newContext: (browser: Browser, options?: Parameters<Browser["newContext"]>[0]) => Promise<BrowserContext>;
}>({
  cspViolations: [
    async ({ context }, provide) => {
      const violations: string[] = [];
      watchCsp(context, violations);
      await provide(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
  newContext: async ({ cspViolations }, provide) => {
    const made: BrowserContext[] = [];
    await provide(async (browser, options) => {
      const context = await browser.newContext(options);
      made.push(context);
      watchCsp(context, cspViolations);
      return context;
    });
    // They live in the worker's browser, which outlives the test: closed, so that their pages (a whiteboard's
    // canvas, a call's fake camera, a room's timers) stop using the machine's CPU in the tests after.
    await Promise.all(made.map((context) => context.close()));
  },
});

export { expect };

/** A new account through the sign-up page, signed in and on the dashboard. */
export async function signUpNew(page: Page, name: string): Promise<void> {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  // From an address of its own (the app trusts X-Forwarded-For in the suite): sign-ups are limited per address.
  const octet = () => Math.floor(Math.random() * 254) + 1;
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": `10.${octet()}.${octet()}.${octet()}` });
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`${name.split(" ")[0]?.toLowerCase()}-${stamp}@example.com`);
  await page.getByLabel("Password").fill("a sturdy passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/dashboard/);
}

/** On /interviews/new: adds the first bank question found for each search, in order. */
export async function addQuestions(page: Page, searches: string[]): Promise<void> {
  const search = page.getByRole("searchbox", { name: "Search the question bank" });
  for (const words of searches) {
    await search.fill(words);
    // The results for these words, not the ones shown while the search waits for typing to pause.
    await expect(page.getByRole("list", { name: "Search results" })).toHaveAttribute("data-results-for", words);
    await page
      .getByRole("button", { name: /^Add question: / })
      .first()
      .click();
  }
  await expect(page.getByTestId("plan-item")).toHaveCount(searches.length);
}

/** Submits the plan form, and returns the new interview's id from the page it lands on. */
export async function createInterview(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Create interview" }).click();
  await page.waitForURL((url) => /^\/interviews\/(?!new$)[^/]+$/.test(url.pathname));
  return page.url().split("/").pop() as string;
}

/** The pad's text as shown, without the other members' name labels drawn into it. */
export function padText(page: Page): Promise<string> {
  return page.getByLabel("Scratchpad").evaluate((element) =>
    Array.from(element.querySelectorAll(".cm-line"), (line) => {
      const copy = line.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(".cm-remote-caret, .cm-remote-pointer-label").forEach((widget) => widget.remove());
      return copy.textContent ?? "";
    }).join("\n"),
  );
}
