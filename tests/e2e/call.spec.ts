import type { Browser, BrowserContext, Page } from "@playwright/test";
import { addQuestions, createInterview, expect, signUpNew, test } from "./fixtures";

/**
 * The call in the room, end to end in real Chromium with its fake camera and microphone: an interviewer
 * and a guest candidate, each in their own browser context, join the call from the device check and each
 * sees the other's video play; mute, camera off and screen sharing reach the other side; a reload rejoins
 * by itself; a removed candidate's call ends. Then the same call forced through the TURN relay
 * (`?ice=relay`: only relay candidates, so media that plays went through coturn).
 */

test.use({
  launchOptions: async ({ launchOptions }, provide) => {
    const fakeMedia = [
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      // getDisplayMedia picks the whole (fake) screen without a picker.
      "--auto-select-desktop-capture-source=Entire screen",
    ];
    await provide({ ...launchOptions, args: [...(launchOptions.args ?? []), ...fakeMedia] });
  },
});

type NewContext = (browser: Browser, options?: Parameters<Browser["newContext"]>[0]) => Promise<BrowserContext>;

async function pageIn(browser: Browser, newContext: NewContext, width = 1366): Promise<Page> {
  const context = await newContext(browser, { viewport: { width, height: 900 }, permissions: ["camera", "microphone"] });
  return context.newPage();
}

/** The interviewer plans an interview of one question and makes its links; returns the plan page's address and the links. */
async function planInterview(interviewer: Page): Promise<{ planUrl: string; candidateLink: string; coInterviewerLink: string }> {
  await signUpNew(interviewer, "Iris Interviewer");
  await interviewer.goto("/interviews/new");
  await interviewer.getByLabel("Title", { exact: true }).fill("System design, with a call");
  await addQuestions(interviewer, ["rate limiter"]);
  await createInterview(interviewer);
  await interviewer.getByRole("button", { name: "Create candidate link" }).click();
  const candidateLink = await interviewer.getByRole("textbox", { name: "Candidate invite link" }).inputValue();
  await interviewer.getByRole("button", { name: "Create co-interviewer link" }).click();
  const coInterviewerLink = await interviewer.getByRole("textbox", { name: "Co-interviewer invite link" }).inputValue();
  return { planUrl: interviewer.url(), candidateLink, coInterviewerLink };
}

/** An interviewer with a planned interview and a guest candidate, both in its room; returns the plan page's address. */
async function interviewWithCandidate(interviewer: Page, candidate: Page, query = ""): Promise<{ planUrl: string; room: string; coInterviewerLink: string }> {
  const { planUrl, candidateLink, coInterviewerLink } = await planInterview(interviewer);
  const room = `${new URL(planUrl).pathname.replace("/interviews/", "/room/")}${query}`;
  await interviewer.goto(room);
  await candidate.goto(new URL(candidateLink).pathname);
  await candidate.getByLabel("Your name").fill("Cai Candidate");
  await candidate.getByRole("button", { name: "Join as guest" }).click();
  await candidate.waitForURL(/\/room\//);
  if (query) await candidate.goto(room);
  return { planUrl, room, coInterviewerLink };
}

/** Light and dark, at the page's own width, into test-results/screens to be looked at. */
async function screens(page: Page, name: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  for (const theme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.screenshot({ path: `test-results/screens/call-${name}-${width}-${theme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** Nothing wider than the screen: a call must not push the room sideways on a phone. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

async function joinCall(page: Page, name?: string): Promise<void> {
  await page.getByTestId("open-call").click();
  await expect(page.getByTestId("device-check")).toBeVisible();
  if (name) {
    await expect(page.getByTestId("device-check").locator("video")).toHaveJSProperty("paused", false);
    await screens(page, name);
  }
  await page.getByTestId("device-check").getByRole("button", { name: "Join call" }).click();
  await expect(page.getByTestId("call")).toHaveAttribute("data-phase", "in");
}

/** The remote member's camera tile in `page`. */
function remoteTile(page: Page) {
  return page.locator('[data-testid="call-tile"]:not([data-self])');
}

/** Whether the video element under `selector` decodes new frames: its decoded frame count grows within two seconds. */
async function expectFramesAdvance(page: Page, selector: string): Promise<void> {
  const frames = () =>
    page.locator(selector).evaluate((video: HTMLVideoElement) => (video.readyState >= 2 ? (video.getVideoPlaybackQuality().totalVideoFrames ?? 0) : 0));
  await expect.poll(frames, { timeout: 20_000 }).toBeGreaterThan(0);
  const first = await frames();
  await expect.poll(frames, { timeout: 5_000 }).toBeGreaterThan(first);
}

test("two members hold a call: video both ways, mute and camera seen, a shared screen, a reload rejoins, a removal ends it", async ({
  browser,
  newContext,
}) => {
  test.setTimeout(180_000);
  const interviewer = await pageIn(browser, newContext);
  const candidate = await pageIn(browser, newContext, 390);
  const { planUrl } = await interviewWithCandidate(interviewer, candidate);

  await joinCall(interviewer, "device-check");
  await joinCall(candidate, "device-check");
  await expect(remoteTile(interviewer)).toHaveCount(1);
  await expect(remoteTile(candidate)).toHaveCount(1);
  await expectFramesAdvance(interviewer, '[data-testid="call-tile"]:not([data-self]) video');
  await expectFramesAdvance(candidate, '[data-testid="call-tile"]:not([data-self]) video');
  await expect(remoteTile(interviewer).locator("video")).toHaveJSProperty("muted", false);
  // The interview runs beside the call: the interviewer's private panel stays in reach.
  await interviewer.getByRole("button", { name: "Start interview" }).click();
  await expect(candidate.getByTestId("current-question")).toBeVisible();
  await expect(interviewer.locator("#notes-heading")).toBeVisible();
  await screens(interviewer, "live");
  await screens(candidate, "live");
  await expectNoSidewaysScroll(candidate);

  // Mute and camera off, seen on the other side (and the audio stops playing there).
  await candidate.getByRole("toolbar", { name: "Call controls" }).getByRole("button", { name: "Mute" }).click();
  await expect(remoteTile(interviewer)).toHaveAttribute("data-audio", "false");
  await expect(remoteTile(interviewer).getByLabel("Microphone off")).toBeVisible();
  await expect(remoteTile(interviewer).locator("video")).toHaveJSProperty("muted", true);
  await candidate.getByRole("button", { name: "Stop camera" }).click();
  await expect(remoteTile(interviewer)).toHaveAttribute("data-video", "false");
  await expect(remoteTile(interviewer).getByLabel("Camera off")).toBeVisible();

  // The interviewer shares a screen: shown large to the candidate, playing.
  await interviewer.getByRole("button", { name: "Share screen" }).click();
  await expect(candidate.getByTestId("call-screen")).toBeVisible();
  await expectFramesAdvance(candidate, '[data-testid="call-screen"] video');
  await screens(candidate, "screen-share");
  await screens(interviewer, "screen-share");
  await interviewer.getByRole("button", { name: "Stop sharing" }).click();
  await expect(candidate.getByTestId("call-screen")).toHaveCount(0);

  // A reload rejoins the call by itself, with the camera and microphone it joined with.
  await interviewer.reload();
  await expect(interviewer.getByTestId("call")).toHaveAttribute("data-phase", "in", { timeout: 20_000 });
  await expectFramesAdvance(candidate, '[data-testid="call-tile"]:not([data-self]) video');

  // The owner removes the candidate from the plan page: the candidate's call ends on both sides.
  const plan = await interviewer.context().newPage();
  await plan.goto(planUrl);
  await plan.getByRole("button", { name: "Remove Cai Candidate" }).click();
  await plan.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
  await expect(candidate.getByTestId("call")).toHaveCount(0);
  await expect(remoteTile(interviewer)).toHaveCount(0);
});

test("an interviewer, a co-interviewer and a candidate hold a call forced through the TURN relay", async ({ browser, newContext }) => {
  test.skip(!process.env.E2E_TURN, "coturn is not installed: .ci/run installs it");
  test.setTimeout(150_000);
  const interviewer = await pageIn(browser, newContext);
  const candidate = await pageIn(browser, newContext);
  const coInterviewer = await pageIn(browser, newContext);
  const { room, coInterviewerLink } = await interviewWithCandidate(interviewer, candidate, "?ice=relay");
  await signUpNew(coInterviewer, "Cole Cointerviewer");
  await coInterviewer.goto(new URL(coInterviewerLink).pathname);
  await coInterviewer.getByRole("button", { name: "Join interview" }).click();
  await coInterviewer.waitForURL(/\/room\//);
  await coInterviewer.goto(room);

  const members = [interviewer, candidate, coInterviewer];
  for (const page of members) await joinCall(page);
  for (const page of members) {
    await expect(remoteTile(page)).toHaveCount(2);
    for (const index of [0, 1]) await expectFramesAdvance(page, `[data-testid="call-tile"]:not([data-self]) >> nth=${index} >> video`);
  }
});
