import { test as base, expect, type Browser, type BrowserContext } from "@playwright/test";

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
export const test = base.extend<{ cspViolations: string[]; newContext: (browser: Browser, options?: Parameters<Browser["newContext"]>[0]) => Promise<BrowserContext> }>({
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      watchCsp(context, violations);
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
  newContext: async ({ cspViolations }, use) => {
    await use(async (browser, options) => {
      const context = await browser.newContext(options);
      watchCsp(context, cspViolations);
      return context;
    });
  },
});

export { expect };
