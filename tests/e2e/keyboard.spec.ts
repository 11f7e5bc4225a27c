import type { Page } from "@playwright/test";
import { addQuestions, createInterview, expect, signUpNew, test } from "./fixtures";

/**
 * The interviewer runs a whole interview from the keyboard alone: every control is reached with Tab, shows
 * where the focus is, and acts on Enter; the room's own keys reveal and move on.
 */

/** Presses Tab until the focused element is named `name`, and checks that the focus is visible on it. */
async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  for (let presses = 0; presses < 250; presses++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      // Visible focus: the element looks different focused than not (an outline or a ring appears).
      const look = () => {
        const style = getComputedStyle(element);
        const outline = style.outlineStyle === "none" ? "no outline" : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
        return `${outline} | ${style.boxShadow} | ${style.borderColor}`;
      };
      const withFocus = look();
      element.blur();
      const withoutFocus = look();
      element.focus();
      return {
        name: (element.getAttribute("aria-label") ?? (element as HTMLInputElement).labels?.[0]?.textContent ?? element.textContent ?? "").trim(),
        visible: withFocus !== withoutFocus,
      };
    });
    if (focused && (typeof name === "string" ? focused.name === name : name.test(focused.name))) {
      expect(focused.visible, `focus on "${focused.name}" is visible`).toBe(true);
      return;
    }
    // In the pad, Tab indents (CodeMirror); Escape first lets the next Tab leave it, as the pad says.
    if (focused?.name === "Scratchpad") await page.keyboard.press("Escape");
  }
  throw new Error(`Tab never reached "${String(name)}"`);
}

test("an interviewer runs the interview by keyboard alone, always seeing where the focus is", async ({ browser, newContext }) => {
  test.setTimeout(180_000);
  // Without transitions, so that a ring is measured as it ends up, not halfway in.
  const interviewer = await (await newContext(browser, { reducedMotion: "reduce" })).newPage();
  const candidate = await (await newContext(browser)).newPage();

  await signUpNew(interviewer, "Kim Keys");
  await interviewer.goto("/interviews/new");
  await interviewer.getByLabel("Title", { exact: true }).fill("Keyboard round");
  await addQuestions(interviewer, ["Secure Logging", "rate limiter"]);
  const sessionId = await createInterview(interviewer);
  await interviewer.getByRole("button", { name: "Create candidate link" }).click();
  const inviteUrl = await interviewer.getByRole("textbox", { name: "Candidate invite link" }).inputValue();
  await candidate.goto(new URL(inviteUrl).pathname);
  await candidate.getByLabel("Your name").fill("Cal Candidate");
  await candidate.getByRole("button", { name: "Join as guest" }).click();
  await candidate.waitForURL(`**/room/${sessionId}`);

  await interviewer.goto(`/room/${sessionId}`);
  await expect(interviewer.getByRole("button", { name: "Start interview" })).toBeVisible();
  await tabTo(interviewer, "Start interview");
  await interviewer.keyboard.press("Enter");
  await expect(candidate.getByTestId("current-question")).toBeVisible();

  // The room's keys: R reveals the next follow-up, → moves to the next question.
  await interviewer.locator("body").click({ position: { x: 1, y: 1 } });
  await interviewer.keyboard.press("r");
  await expect(candidate.getByTestId("revealed-follow-up")).toHaveCount(1);

  await tabTo(interviewer, "Note");
  await interviewer.keyboard.type("Clear about what must never be logged");
  await interviewer.keyboard.press("Enter");
  await expect(interviewer.getByTestId("note")).toHaveCount(1);

  // The scorecard is a tab beside the question; each criterion is one radio group: one Tab stop, the
  // number keys pick a level and the arrows move between levels, without moving the interview on.
  await tabTo(interviewer, "Notes");
  await interviewer.keyboard.press("ArrowRight");
  await expect(interviewer.getByRole("tab", { name: "Score Q1" })).toHaveAttribute("aria-selected", "true");
  await tabTo(interviewer, /^1 Missed/);
  await interviewer.keyboard.press("3");
  const firstCriterion = interviewer.getByTestId("criterion").first();
  await expect(firstCriterion.getByRole("radio", { name: /^3 Solid/ })).toBeChecked();
  await interviewer.keyboard.press("ArrowDown");
  await expect(firstCriterion.getByRole("radio", { name: /^4 Exceptional/ })).toBeChecked();
  await expect(firstCriterion.getByTestId("evidence-warning")).toBeVisible();
  await expect(candidate.getByTestId("current-question").getByText("Question 1 of 2")).toBeVisible();
  await interviewer.keyboard.press("Tab");
  const next = await interviewer.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type ?? "");
  expect(next, "one Tab leaves the radio group").not.toBe("radio");

  await interviewer.locator("body").click({ position: { x: 1, y: 1 } });
  await interviewer.keyboard.press("ArrowRight");
  await expect(candidate.getByTestId("current-question").getByText("Question 2 of 2")).toBeVisible();

  await tabTo(interviewer, "End interview");
  await interviewer.keyboard.press("Enter");
  const dialog = interviewer.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await tabTo(interviewer, "End interview");
  await interviewer.keyboard.press("Enter");
  await expect(interviewer.getByTestId("ended-banner")).toBeVisible();
  await expect(candidate.getByRole("heading", { name: "The interview has ended" })).toBeVisible();
});
