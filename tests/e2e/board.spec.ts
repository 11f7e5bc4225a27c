import type { Browser, BrowserContext, Page } from "@playwright/test";
import { addQuestions, createInterview, expect, signUpNew, test } from "./fixtures";

/**
 * The whiteboard in real Chromium, with three people in the room: the candidate draws a rectangle, the
 * interviewer sees it and adds an arrow, a reload keeps both; the observer watches and cannot draw; and
 * nothing any of them loads comes from another origin (Excalidraw's fonts are the app's own).
 */

type NewContext = (browser: Browser, options?: Parameters<Browser["newContext"]>[0]) => Promise<BrowserContext>;

/** A page whose every request is recorded, to check that none leaves the app's origin. */
async function pageIn(browser: Browser, newContext: NewContext, requests: string[]): Promise<Page> {
  const context = await newContext(browser, { viewport: { width: 1366, height: 900 } });
  context.on("request", (request) => requests.push(request.url()));
  return context.newPage();
}

async function joinAsGuest(page: Page, link: string, name: string): Promise<void> {
  await page.goto(new URL(link).pathname);
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Join as guest" }).click();
  await page.waitForURL(/\/room\//);
}

/** An interviewer, a guest candidate and a guest observer in a live interview of two questions, on the first. */
async function liveInterview(interviewer: Page, candidate: Page, observer: Page): Promise<void> {
  await signUpNew(interviewer, "Iris Interviewer");
  await interviewer.goto("/interviews/new");
  await interviewer.getByLabel("Title", { exact: true }).fill("Design, together");
  await addQuestions(interviewer, ["rate limiter", "Secure Logging"]);
  const sessionId = await createInterview(interviewer);
  await interviewer.getByRole("button", { name: "Create candidate link" }).click();
  const candidateLink = await interviewer.getByRole("textbox", { name: "Candidate invite link" }).inputValue();
  await interviewer.getByRole("button", { name: "Create observer link" }).click();
  const observerLink = await interviewer.getByRole("textbox", { name: "Observer invite link" }).inputValue();
  await interviewer.goto(`/room/${sessionId}`);
  await joinAsGuest(candidate, candidateLink, "Cai Candidate");
  await joinAsGuest(observer, observerLink, "Oli Observer");
  await interviewer.getByRole("button", { name: "Start interview" }).click();
  await expect(candidate.getByLabel("Scratchpad")).toBeVisible();
}

const summary = (page: Page) => page.getByTestId("board-summary");

/** The whiteboard pointers a page's socket receives from now on. */
function pointersTo(page: Page): Array<Record<string, unknown>> {
  const received: Array<Record<string, unknown>> = [];
  page.on("websocket", (socket) => {
    socket.on("framereceived", ({ payload }) => {
      const match = /^42(\[.*\])$/.exec(String(payload));
      const [event, message] = match ? (JSON.parse(match[1]!) as [string, Record<string, unknown>]) : [];
      if (event === "board:pointer" && message) received.push(message);
    });
  });
  return received;
}

async function openBoard(page: Page): Promise<void> {
  await page.getByRole("tab", { name: "Whiteboard" }).click();
  await expect(page.locator(".excalidraw canvas.interactive")).toBeVisible({ timeout: 30_000 });
  // As a member would before drawing: Excalidraw scrolls its canvas into view when it takes the focus.
  await page.getByTestId("board-canvas").scrollIntoViewIfNeeded();
}

/** Picks a drawing tool in Excalidraw's toolbar, as a member does. */
async function tool(page: Page, name: "Rectangle" | "Arrow" | "Text"): Promise<void> {
  await page.getByTitle(new RegExp(`^${name} `)).click();
}

/** Drags on the board's canvas from (x1, y1) to (x2, y2), in pixels from its top left corner. */
async function drag(page: Page, [x1, y1]: [number, number], [x2, y2]: [number, number]): Promise<void> {
  const box = await page.locator(".excalidraw canvas.interactive").boundingBox();
  if (!box) throw new Error("the board's canvas is not on screen");
  await page.mouse.move(box.x + x1, box.y + y1);
  await page.mouse.down();
  await page.mouse.move(box.x + (x1 + x2) / 2, box.y + (y1 + y2) / 2, { steps: 4 });
  await page.mouse.move(box.x + x2, box.y + y2, { steps: 4 });
  await page.mouse.up();
}

/** How much of the board's drawing canvas is drawn on (0 when no drawing is in view), and whether the drawing runs off its sides. */
function inkOnCanvas(page: Page): Promise<{ share: number; atLeftEdge: boolean; atRightEdge: boolean }> {
  return page.locator(".excalidraw canvas.static").evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
    const edge = Math.max(2, Math.round(canvas.width * 0.01));
    let ink = 0;
    let [atLeftEdge, atRightEdge] = [false, false];
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - data[0]!) + Math.abs(data[i + 1]! - data[1]!) + Math.abs(data[i + 2]! - data[2]!) <= 60) continue;
      ink++;
      const x = (i / 4) % canvas.width;
      atLeftEdge ||= x < edge;
      atRightEdge ||= x >= canvas.width - edge;
    }
    return { share: ink / (data.length / 4), atLeftEdge, atRightEdge };
  });
}

/**
 * The page with the workspace at the top of the window, in both themes. (A screenshot of the element
 * itself, taller than the window, is taken at another window size, and Excalidraw's canvas comes out
 * stretched in it.)
 */
async function screens(page: Page, name: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  await page.getByTestId("workspace").evaluate((element) => {
    element.scrollIntoView({ block: "start" });
    window.scrollBy(0, -140);
  });
  for (const theme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `test-results/screens/board-${name}-${width}-${theme}.png` });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

test("the candidate draws, the interviewer adds an arrow, a reload keeps both, the observer only watches, and nothing leaves the app's origin", async ({
  browser,
  newContext,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const requests: string[] = [];
  const interviewer = await pageIn(browser, newContext, requests);
  const candidate = await pageIn(browser, newContext, requests);
  const observer = await pageIn(browser, newContext, requests);
  const pointers = pointersTo(interviewer);
  await liveInterview(interviewer, candidate, observer);

  // The room opens on the pad: the whiteboard's library has not been loaded.
  expect(await candidate.evaluate(() => window.EXCALIDRAW_ASSET_PATH)).toBeUndefined();
  expect(requests.filter((url) => url.includes("/excalidraw/"))).toEqual([]);

  // The candidate draws a rectangle and labels it.
  await openBoard(candidate);
  await expect(summary(candidate)).toHaveText("The whiteboard is empty.");
  await tool(candidate, "Rectangle");
  await drag(candidate, [120, 140], [320, 260]);
  await expect(summary(candidate)).toHaveText("On the whiteboard: 1 rectangle.");
  await tool(candidate, "Text");
  await candidate.locator(".excalidraw canvas.interactive").click({ position: { x: 140, y: 300 } });
  await candidate.keyboard.type("API gateway");
  await candidate.keyboard.press("Escape");
  await expect(summary(candidate)).toHaveText("On the whiteboard: 1 rectangle, 1 text box.");
  await expect(candidate.getByTestId("board-status")).toHaveText(/Saved/);
  // Excalidraw's other tools offer nothing that embeds or fetches outside content.
  await candidate.getByTitle("More tools").click();
  await expect(candidate.getByText("Laser pointer")).toBeVisible();
  for (const hidden of ["Web Embed", "Mermaid to Excalidraw", "Generate"]) await expect(candidate.getByText(hidden, { exact: true })).toBeHidden();
  await candidate.screenshot({ path: "test-results/screens/board-more-tools-1366-light.png" });
  await candidate.getByTitle("More tools").click();
  // Its hand-drawn font came from the app.
  expect(requests.some((url) => url.startsWith(`${baseURL}/excalidraw/fonts/Excalifont/`))).toBe(true);

  // The interviewer sees it, and adds an arrow from it.
  await openBoard(interviewer);
  await expect(summary(interviewer)).toHaveText("On the whiteboard: 1 rectangle, 1 text box.");
  await tool(interviewer, "Arrow");
  await drag(interviewer, [330, 200], [520, 200]);
  await expect(summary(interviewer)).toHaveText("On the whiteboard: 1 arrow, 1 rectangle, 1 text box.");
  await expect(summary(candidate)).toHaveText("On the whiteboard: 1 arrow, 1 rectangle, 1 text box.");
  // The candidate's pointer reaches the interviewer (Excalidraw draws it on the canvas, named: see the screenshots).
  const box = await candidate.locator(".excalidraw canvas.interactive").boundingBox();
  await candidate.mouse.move((box?.x ?? 0) + 400, (box?.y ?? 0) + 320, { steps: 5 });
  await expect.poll(() => pointers.length).toBeGreaterThan(0);
  expect(pointers.at(-1)).toMatchObject({ tool: "pointer", button: "up" });

  // The observer watches: the board is read only, and a drag there draws nothing.
  await openBoard(observer);
  await expect(observer.getByTestId("board").getByText("Read only")).toBeVisible();
  await expect(summary(observer)).toHaveText("On the whiteboard: 1 arrow, 1 rectangle, 1 text box.");
  await expect(observer.getByTitle(/^Rectangle/)).toHaveCount(0);
  await observer.locator(".excalidraw canvas.interactive").click({ position: { x: 450, y: 250 } });
  await observer.keyboard.press("r");
  await drag(observer, [500, 300], [600, 380]);
  await observer.waitForTimeout(500);
  await expect(summary(interviewer)).toHaveText("On the whiteboard: 1 arrow, 1 rectangle, 1 text box.");

  // A reload keeps both drawings, and the whiteboard the member last chose.
  await candidate.reload();
  await expect(candidate.locator(".excalidraw canvas.interactive")).toBeVisible({ timeout: 30_000 });
  await expect(summary(candidate)).toHaveText("On the whiteboard: 1 arrow, 1 rectangle, 1 text box.");

  // The board keeps its keys (Excalidraw takes them, and the room's shortcuts leave the board's region alone):
  // an arrow there does not move the interview to the next question.
  await interviewer.locator(".excalidraw canvas.interactive").click({ position: { x: 60, y: 420 } });
  await interviewer.keyboard.press("ArrowRight");
  await interviewer.waitForTimeout(500);
  await expect(candidate.getByTestId("current-question").getByText("Question 1 of 2")).toBeVisible();

  // The keyboard leaves the board: Esc (a first one drops the tool in hand), then Tab goes on to what follows it (the notes).
  await tool(interviewer, "Rectangle");
  await interviewer.keyboard.press("Escape");
  await expect(interviewer.getByTestId("board-size")).not.toBeFocused();
  await interviewer.keyboard.press("Escape");
  await expect(interviewer.getByTestId("board-size")).toBeFocused();
  await interviewer.keyboard.press("Tab");
  expect(await interviewer.evaluate(() => document.activeElement?.closest("#notes-and-scorecard") !== null)).toBe(true);

  await screens(candidate, "drawn");
  await screens(observer, "observer");
  await interviewer.getByRole("button", { name: "Side by side" }).click();
  await expect(interviewer.getByTestId("workspace")).toHaveAttribute("data-layout", "both");
  await screens(interviewer, "side-by-side");
  await candidate.getByRole("button", { name: "Side by side" }).click();
  await expect(candidate.getByTestId("workspace")).toHaveAttribute("data-layout", "both");
  await screens(candidate, "candidate-side-by-side");
  // On a phone's width, one pane at a time again: the whiteboard, as chosen last.
  await candidate.setViewportSize({ width: 390, height: 844 });
  await expect(candidate.getByTestId("workspace")).toHaveAttribute("data-layout", "whiteboard");
  await expect(candidate.locator(".excalidraw canvas.interactive")).toBeVisible();
  // The drawing is brought into view, whole, at the narrower width (Excalidraw kept the wide layout's scroll, and the arrow ran off the side).
  await expect.poll(async () => (await inkOnCanvas(candidate)).share).toBeGreaterThan(0.002);
  // It is scrolled into view once the resize settles (use-board-frame.ts), after the first ink may already show.
  await expect.poll(async () => await inkOnCanvas(candidate)).toMatchObject({ atLeftEdge: false, atRightEdge: false });
  expect(await candidate.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await screens(candidate, "drawn");

  const origin = new URL(baseURL ?? "").origin;
  expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("data:") && !url.startsWith("blob:"))).toEqual([]);
});

test("an interviewer draws a question's starting diagram in the bank, and the room's whiteboard opens with it", async ({ page }) => {
  test.setTimeout(240_000);
  const stamp = `diagram${Date.now().toString(36)}`;
  await signUpNew(page, "Dana Diagram");
  // The shared documents are read-only: a copy is the interviewer's own to edit.
  await expect(async () => {
    await page.goto("/bank?q=sliding+window+rate+limiter");
    await expect(page.getByTestId("bank-result").first()).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  await page.getByTestId("bank-result").first().click();
  await page.getByRole("button", { name: "Copy to my bank" }).click();
  await page.waitForURL(/\/bank\?document=/);
  await page.getByTestId("bank-search").fill("sliding window rate limiter");
  await page.getByTestId("bank-result").filter({ hasText: "Yours" }).first().click();
  await page.getByRole("link", { name: "Edit" }).click();
  const prompt = page.getByLabel("Question", { exact: true });
  await prompt.fill(`${await prompt.inputValue()} (${stamp})`);

  const field = page.getByTestId("starting-diagram");
  await expect(field).toContainText("No starting diagram: the whiteboard opens empty.");
  await field.getByRole("button", { name: "Draw a starting diagram" }).click();
  await expect(page.locator(".excalidraw canvas.interactive")).toBeVisible({ timeout: 30_000 });
  await page.getByTestId("diagram-canvas").scrollIntoViewIfNeeded();
  await tool(page, "Rectangle");
  await drag(page, [120, 140], [300, 240]);
  await tool(page, "Arrow");
  await drag(page, [310, 190], [480, 190]);
  await field.getByRole("button", { name: "Done drawing" }).click();
  await expect(field.getByRole("img")).toHaveAttribute("alt", /^A drawing of 1 shape and 1 arrow\.$/);
  await boardPageScreens(page, "bank-diagram-edit", field);
  await page.getByRole("button", { name: "Save changes" }).click();

  const diagram = page.getByTestId("question-diagram");
  await expect(diagram.getByRole("img")).toHaveAttribute("alt", /^A drawing of 1 shape and 1 arrow\.$/);
  await boardPageScreens(page, "bank-diagram-question", diagram);

  // Planned into an interview, the question brings its diagram: the room's whiteboard opens with it.
  await page.goto("/interviews/new");
  await page.getByLabel("Title", { exact: true }).fill("What breaks at 10x?");
  await addQuestions(page, [stamp]);
  const sessionId = await createInterview(page);
  await page.goto(`/room/${sessionId}`);
  await page.getByRole("button", { name: "Start interview" }).click();
  await openBoard(page);
  await expect(summary(page)).toHaveText("On the whiteboard: 1 arrow, 1 rectangle.");

  // Removed in the bank, the diagram is gone from the question (the interview keeps the copy it was planned with).
  await page.goBack();
  await page.goto("/bank?q=" + stamp);
  await page.getByTestId("bank-result").first().click();
  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByTestId("starting-diagram").getByRole("button", { name: "Remove diagram" }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("question-answer")).toBeVisible();
  await expect(page.getByTestId("question-diagram")).toHaveCount(0);
});

/** A page with `part` at the top of the window, at both widths and in both themes. */
async function boardPageScreens(page: Page, name: string, part: import("@playwright/test").Locator): Promise<void> {
  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const theme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await part.evaluate((element) => {
        element.scrollIntoView({ block: "start" });
        window.scrollBy(0, window.innerWidth < 640 ? -150 : -90);
      });
      await page.waitForTimeout(200);
      await page.screenshot({ path: `test-results/screens/${name}-${width}-${theme}.png` });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1366, height: 900 });
}
