// The members' browsers: one Chromium with its fake camera and microphone, one browser context per member
// (its own cookies, storage and renderer process), each on the room's page with the probe installed. The
// clicks are the app's real UI, as tests/e2e/call.spec.ts makes them.
import { chromium, type Browser, type BrowserContext, type Page } from "playwright";
import { installProbe, probePeerConnections, resetProbe, watchJoin, type ProbeState } from "./probe";
import { cookiesFor, type BenchMember } from "./room";

/** The e2e suite's flags (playwright.config.ts), and the fake devices with no permission prompt. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream",
];

// tsx (esbuild, keepNames) wraps named functions in __name(...), which the page does not have: a serialised
// function would throw there. This stand-in runs before the probe.
const NAME_SHIM = "globalThis.__name ??= (target) => target;";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

export interface MemberPage {
  member: BenchMember;
  context: BrowserContext;
  page: Page;
  /** What the app's call reported as going wrong (its console warnings, "call: ..."), taken by each run. */
  warnings: string[];
}

/**
 * Opens the room (`query`: "" or "?ice=relay") for each member, in a context of their own; `peerProbe`
 * false leaves RTCPeerConnection as it is (no milestones), to check that the probe changes nothing.
 */
export async function openRoom(
  browser: Browser,
  baseUrl: string,
  sessionId: string,
  members: BenchMember[],
  query: string,
  peerProbe = true,
): Promise<MemberPage[]> {
  return Promise.all(
    members.map(async (member) => {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1366, height: 900 }, permissions: ["camera", "microphone"] });
      await context.addCookies(cookiesFor(baseUrl, member.cookieHeader));
      await context.addInitScript({ content: NAME_SHIM });
      await context.addInitScript(installProbe);
      if (peerProbe) await context.addInitScript(probePeerConnections);
      await context.addInitScript(watchJoin);
      const page = await context.newPage();
      const warnings: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "warning" && message.text().startsWith("call:")) warnings.push(message.text());
      });
      await page.goto(`/room/${sessionId}${query}`);
      await page.getByTestId("open-call").waitFor();
      return { member, context, page, warnings };
    }),
  );
}

/** Opens the device check and waits until the camera and microphone are on in it: the moment before "Join call". */
export async function openDeviceCheck({ page }: MemberPage): Promise<void> {
  await page.getByTestId("open-call").click();
  const check = page.getByTestId("device-check");
  await check.locator('[data-testid="toggle-video"][data-on="true"]').waitFor();
  await check.locator('[data-testid="toggle-audio"][data-on="true"]').waitFor();
  await page.evaluate(resetProbe);
}

export function clickJoin({ page }: MemberPage): Promise<void> {
  return page.getByTestId("device-check").getByRole("button", { name: "Join call" }).click();
}

export function probeOf({ page }: MemberPage): Promise<ProbeState> {
  return page.evaluate(() => window.__callProbe);
}

/** Whether every other member's first frame has been seen in every page. */
export async function allFramesSeen(pages: MemberPage[]): Promise<boolean> {
  for (const memberPage of pages) {
    const frames = await memberPage.page.evaluate(() => Object.keys(window.__callProbe.frames).length);
    if (frames < pages.length - 1) return false;
  }
  return true;
}

/** Leaves the call in every page and waits until every page sees nobody in it. */
export async function leaveAll(pages: MemberPage[]): Promise<void> {
  await Promise.all(pages.map(({ page }) => page.getByRole("button", { name: "Leave call" }).click()));
  await Promise.all(pages.map(({ page }) => page.getByText("Nobody is in the call yet.").waitFor()));
}

/** The owner lets observers speak, with the toggle near the call controls. */
export async function letObserversSpeak({ page }: MemberPage): Promise<void> {
  const toggle = page.getByLabel("Observers may speak in the call");
  // A controlled checkbox: it shows the room's policy, so it is checked once the server has applied the command.
  await toggle.click();
  await until(() => toggle.isChecked(), 10_000, "the observers' policy did not change");
}

export async function until(condition: () => Promise<boolean>, timeoutMs: number, failure: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(failure);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
