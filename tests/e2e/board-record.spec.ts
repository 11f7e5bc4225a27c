import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { arrow, rectangle } from "@/server/domain/board/test-elements";
import type { BoardElement } from "@/server/domain/board/board-element";
import type { CandidateView } from "@/server/domain/room";
import { RoomClient } from "../support/room-client";
import { baseURL } from "../../playwright.config";
import { addQuestions, createInterview, expect, signUpNew, test } from "./fixtures";

/**
 * The record of a drawing: a system-design interview whose candidate draws an architecture and whose
 * interviewer annotates it, then the session page (on screen, in print, for both), its Download SVG, and
 * the replay scrubbed through the drawing. The drawing is sent through the room's protocol as the
 * whiteboard sends it; the whiteboard's own UI is another test's.
 */

const SCREENS = path.resolve("test-results/screens");

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  // From the top: a full-page shot draws the sticky header where the page was scrolled to.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

function label(id: string, text: string, x: number, y: number, fields: Partial<BoardElement> = {}): BoardElement {
  return {
    ...rectangle({ id, x, y, width: 10 * text.length, height: 25, index: `b${id.replace(/[^A-Za-z0-9]/g, "")}` }),
    type: "text",
    text,
    originalText: text,
    fontSize: 20,
    fontFamily: 2,
    textAlign: "left",
    verticalAlign: "top",
    containerId: null,
    autoResize: true,
    lineHeight: 1.25,
    ...fields,
  } as BoardElement;
}

const link = (id: string, x: number, y: number, dx: number, dy: number, fields: Partial<BoardElement> = {}) =>
  arrow({
    id,
    x,
    y,
    width: Math.abs(dx),
    height: Math.abs(dy),
    points: [
      [0, 0],
      [dx, dy],
    ],
    index: `c${id.replace(/[^A-Za-z0-9]/g, "")}`,
    ...fields,
  } as Parameters<typeof arrow>[0]);

/** The candidate's design, in the pushes a whiteboard makes as it is drawn. */
const CANDIDATE_PUSHES: BoardElement[][] = [
  [rectangle({ id: "client", x: 0, y: 40, width: 130, height: 60, index: "a0" }), label("client-t", "Clients", 25, 58)],
  [
    link("to-gateway", 130, 70, 90, 0),
    rectangle({ id: "gateway", x: 220, y: 40, width: 170, height: 60, backgroundColor: "#a5d8ff", index: "a1" }),
    label("gateway-t", "API gateway", 240, 58),
  ],
  [
    link("to-limiter", 390, 70, 90, 0),
    { ...rectangle({ id: "limiter", x: 480, y: 10, width: 170, height: 120, backgroundColor: "#ffec99", index: "a2" }), type: "diamond" },
    label("limiter-t", "Limiter", 525, 58),
  ],
  [
    link("to-redis", 565, 130, 0, 90),
    { ...rectangle({ id: "redis", x: 500, y: 220, width: 130, height: 70, backgroundColor: "#b2f2bb", index: "a3" }), type: "ellipse" },
    label("redis-t", "Redis", 540, 243),
    link("to-service", 650, 70, 100, 0),
    rectangle({ id: "service", x: 750, y: 40, width: 150, height: 60, index: "a4" }),
    label("service-t", "Service", 785, 58),
  ],
];

/** The interviewer's annotation, in red: a question and a dashed arrow to what it asks about. */
const INTERVIEWER_PUSHES: BoardElement[][] = [
  [
    label("question", "What if Redis is down?", 660, 260, { strokeColor: "#e03131", fontFamily: 5 }),
    link("to-question", 655, 270, -20, -5, { strokeColor: "#e03131", strokeStyle: "dashed" }),
  ],
];

test("the session page, its printed report and the replay show the whiteboard as it was drawn", async ({ browser, newContext }) => {
  test.setTimeout(240_000);
  const interviewerContext = await newContext(browser, { viewport: { width: 1366, height: 900 } });
  const candidateContext = await newContext(browser, { viewport: { width: 1366, height: 900 } });
  const interviewer = await interviewerContext.newPage();
  const candidate = await candidateContext.newPage();

  await signUpNew(interviewer, "Iva Interviewer");
  await interviewer.goto("/interviews/new");
  await interviewer.getByLabel("Title", { exact: true }).fill("System design: rate limiter");
  await addQuestions(interviewer, ["rate limiter"]);
  const sessionId = await createInterview(interviewer);
  await interviewer.getByRole("button", { name: "Create candidate link" }).click();
  const inviteUrl = await interviewer.getByRole("textbox", { name: "Candidate invite link" }).inputValue();
  await interviewer.goto(`/room/${sessionId}`);
  await candidate.goto(new URL(inviteUrl).pathname);
  await candidate.getByLabel("Your name").fill("Cai Candidate");
  await candidate.getByRole("button", { name: "Join as guest" }).click();
  await candidate.waitForURL(`**/room/${sessionId}`);
  await interviewer.getByRole("button", { name: "Start interview" }).click();
  await expect(candidate.getByTestId("current-question")).toBeVisible();

  // joined() waits for the next join: nothing may be awaited between making a client and asking.
  const [ivaCookie, caiCookie] = await Promise.all([cookieHeader(interviewerContext), cookieHeader(candidateContext)]);
  const iva = new RoomClient(baseURL, ivaCookie, sessionId);
  const cai = new RoomClient(baseURL, caiCookie, sessionId);
  try {
    await Promise.all([iva.joined(), cai.joined()]);
    const questionId = (cai.view as CandidateView).current!.id;
    for (const elements of CANDIDATE_PUSHES) expect(await cai.send({ type: "drawOnBoard", questionId, elements })).toMatchObject({ ok: true });
    for (const elements of INTERVIEWER_PUSHES) expect(await iva.send({ type: "drawOnBoard", questionId, elements })).toMatchObject({ ok: true });
  } finally {
    iva.close();
    cai.close();
  }
  await interviewer.getByRole("button", { name: "End interview" }).click();
  await interviewer.getByRole("dialog").getByRole("button", { name: "End interview" }).click();
  await expect(candidate.getByRole("heading", { name: "The interview has ended" })).toBeVisible();

  await interviewer.goto(`/sessions/${sessionId}`);
  const drawing = interviewer.getByTestId("review-question").getByTestId("review-board");
  const image = drawing.getByRole("img");
  await expect(image).toHaveAttribute(
    "alt",
    /^A drawing of 5 shapes and 5 arrows, with the words: Clients; API gateway; Limiter; Service; Redis; What if Redis is down\?\.$/,
  );
  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ] as const) {
    await interviewer.setViewportSize({ width, height });
    for (const scheme of ["light", "dark"] as const) {
      await interviewer.emulateMedia({ colorScheme: scheme });
      const shown = await image.evaluate((element: HTMLImageElement) => ({
        decoded: element.complete && element.naturalWidth > 0,
        width: element.getBoundingClientRect().width,
        column: (element.closest('[data-testid="review-question"]') as HTMLElement).getBoundingClientRect().width,
      }));
      expect(shown.decoded).toBe(true);
      expect(shown.width).toBeLessThanOrEqual(shown.column);
      await screenshot(interviewer, `session-board-${width}-${scheme}`);
    }
  }
  await interviewer.emulateMedia({ colorScheme: "light" });
  await interviewer.setViewportSize({ width: 1366, height: 900 });

  const [download] = await Promise.all([interviewer.waitForEvent("download"), drawing.getByRole("link", { name: "Download SVG" }).click()]);
  expect(download.suggestedFilename()).toBe("question-1-whiteboard.svg");
  const svg = readFileSync(await download.path(), "utf8");
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg".*What if Redis is down\?.*<\/svg>$/);

  // The printed report: the drawing whole, without the link.
  await interviewer.emulateMedia({ media: "print" });
  await expect(image).toBeVisible();
  await expect(drawing.getByRole("link", { name: "Download SVG" })).toBeHidden();
  await screenshot(interviewer, "session-board-print");
  await interviewer.emulateMedia({ media: "screen" });

  // The replay: the candidate's four pushes are one line; picking it shows the drawing as they left it.
  const replay = interviewer.getByTestId("replay");
  await replay.getByRole("button", { name: "Cai Candidate drew on the whiteboard (question 1): 4 changes" }).click();
  const frame = replay.getByTestId("replay-frame");
  await expect(frame.getByRole("img")).toHaveAttribute(
    "alt",
    /^A drawing of 5 shapes and 4 arrows, with the words: Clients; API gateway; Limiter; Service; Redis\.$/,
  );
  await replay.getByRole("button", { name: "Previous event" }).click();
  await expect(frame.getByRole("img")).toHaveAttribute("alt", /^A drawing of 3 shapes and 2 arrows/);
  await replay.getByRole("button", { name: "Next event" }).click();
  await replay.getByRole("button", { name: "Next event" }).click();
  await expect(frame.getByRole("img")).toHaveAttribute("alt", /What if Redis is down\?/);
  for (const width of [1366, 390]) {
    await interviewer.setViewportSize({ width, height: 900 });
    await replay.scrollIntoViewIfNeeded();
    await interviewer.screenshot({ path: path.join(SCREENS, `replay-board-${width}.png`), fullPage: true });
  }

  // The candidate's own page shows it too.
  await candidate.goto(`/sessions/${sessionId}`);
  await expect(candidate.getByTestId("review-board").getByRole("img")).toHaveAttribute("alt", /What if Redis is down\?/);
  await candidate.setViewportSize({ width: 390, height: 844 });
  await screenshot(candidate, "session-board-candidate-390");
});
