import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * The call in the room, end to end in real Chromium with its fake camera and microphone: an interviewer
 * and a guest candidate, each in their own browser context, join the call from the device check and each
 * sees the other's video play; mute, camera off and screen sharing reach the other side; a reload rejoins
 * by itself; a removed candidate's call ends. Then the same call forced through the TURN relay
 * (`?ice=relay`: only relay candidates, so media that plays went through coturn).
 */

test.use({
  launchOptions: async ({ launchOptions }, provide) => {
    await provide({
      ...launchOptions,
      args: [
        ...(launchOptions.args ?? []),
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        // getDisplayMedia picks the whole (fake) screen without a picker.
        "--auto-select-desktop-capture-source=Entire screen",
      ],
    });
  },
});

type NewContext = (browser: Browser, options?: Parameters<Browser["newContext"]>[0]) => Promise<BrowserContext>;

async function pageIn(browser: Browser, newContext: NewContext, width = 1366): Promise<Page> {
  const context = await newContext(browser, { viewport: { width, height: 900 }, permissions: ["camera", "microphone"] });
  return context.newPage();
}

/** An interviewer with a planned interview and a guest candidate, both in its room; returns the room's address. */
async function interviewWithCandidate(interviewer: Page, candidate: Page, query = ""): Promise<string> {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  await interviewer.goto("/sign-up");
  await interviewer.getByLabel("Name").fill("Iris Interviewer");
  await interviewer.getByLabel("Email").fill(`iris-${stamp}@example.com`);
  await interviewer.getByLabel("Password").fill("correct horse battery");
  await interviewer.getByRole("button", { name: "Create account" }).click();
  await interviewer.waitForURL("**/dashboard");
  await interviewer.goto("/interviews/new");
  await interviewer.getByLabel("Title", { exact: true }).fill("System design, with a call");
  await interviewer.getByRole("searchbox", { name: "Search the question bank" }).fill("rate limiter");
  await interviewer
    .getByRole("button", { name: /^Add question: / })
    .first()
    .click();
  await interviewer.getByRole("button", { name: "Create interview" }).click();
  await interviewer.waitForURL((url) => /^\/interviews\/(?!new$)[^/]+$/.test(url.pathname));
  const planUrl = interviewer.url();
  await interviewer.getByRole("button", { name: "Create candidate link" }).click();
  const inviteUrl = await interviewer.getByRole("textbox", { name: "Candidate invite link" }).inputValue();
  const room = `${new URL(planUrl).pathname.replace("/interviews/", "/room/")}${query}`;
  await interviewer.goto(room);

  await candidate.goto(new URL(inviteUrl).pathname);
  await candidate.getByLabel("Your name").fill("Cai Candidate");
  await candidate.getByRole("button", { name: "Join as guest" }).click();
  await candidate.waitForURL(/\/room\//);
  if (query) await candidate.goto(room);
  return planUrl;
}

async function joinCall(page: Page): Promise<void> {
  await page.getByTestId("open-call").click();
  await expect(page.getByTestId("device-check")).toBeVisible();
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
  const planUrl = await interviewWithCandidate(interviewer, candidate);

  await joinCall(interviewer);
  await joinCall(candidate);
  await expect(remoteTile(interviewer)).toHaveCount(1);
  await expect(remoteTile(candidate)).toHaveCount(1);
  await expectFramesAdvance(interviewer, '[data-testid="call-tile"]:not([data-self]) video');
  await expectFramesAdvance(candidate, '[data-testid="call-tile"]:not([data-self]) video');
  await expect(remoteTile(interviewer).locator("video")).toHaveJSProperty("muted", false);

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

test("a call forced through the TURN relay carries video", async ({ browser, newContext }) => {
  test.skip(!process.env.E2E_TURN, "coturn is not installed: .ci/run installs it");
  test.setTimeout(120_000);
  const interviewer = await pageIn(browser, newContext);
  const candidate = await pageIn(browser, newContext);
  await interviewWithCandidate(interviewer, candidate, "?ice=relay");
  await joinCall(interviewer);
  await joinCall(candidate);
  await expectFramesAdvance(interviewer, '[data-testid="call-tile"]:not([data-self]) video');
  await expectFramesAdvance(candidate, '[data-testid="call-tile"]:not([data-self]) video');
});
