// The measured room, made the way users make one: the owner signs up and plans an interview of the bundled
// bank's first question over tRPC, the candidate joins as a guest through the invite link, and the owner
// starts the interview with the room's own button. Only procedures and a button that the commit before
// issue 23 has too, so that both checkouts are measured on the same room.
import type { Browser } from "playwright";
import { HttpSession, signedUpSession } from "@/tests/support/http-session";
import { tokenOf } from "@/tests/support/fixtures";
import { cookiesFor } from "../call/room";

export interface StartedRoom {
  sessionId: string;
  /** The question's prompt, first words: both checkouts must measure the same one. */
  question: string;
  /** The candidate's session cookies as a Cookie header. */
  candidateCookies: string;
}

const BANK_WAIT_MS = 180_000;

/** The bundled bank is imported once the server listens: its first question, when there is one. */
async function firstQuestion(owner: HttpSession): Promise<{ id: string; prompt: string }> {
  const deadline = performance.now() + BANK_WAIT_MS;
  for (;;) {
    const { items } = await owner.trpc.bank.search.query({ limit: 1 });
    if (items[0]) return items[0];
    if (performance.now() > deadline) throw new Error("the bundled bank has no question");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function startedRoom(browser: Browser, baseUrl: string): Promise<StartedRoom> {
  const { session: owner } = await signedUpSession(baseUrl, "Bench Owner");
  const question = await firstQuestion(owner);
  const { id: sessionId } = await owner.trpc.interview.create.mutate({
    title: "First-load benchmark",
    candidateName: "Bench Candidate",
    items: [{ bankQuestionId: question.id, timeBoxSec: 1800 }],
  });
  const invite = await owner.trpc.interview.createInvite.mutate({ sessionId, role: "CANDIDATE" });
  const candidate = new HttpSession(baseUrl);
  const refused = await candidate.guestSignIn("Bench Candidate", tokenOf(invite.url));
  if (refused) throw new Error(`guest sign-in failed: ${refused}`);

  const context = await browser.newContext({ baseURL: baseUrl });
  try {
    await context.addCookies(cookiesFor(baseUrl, owner.cookieHeader()));
    const page = await context.newPage();
    await page.goto(`/room/${sessionId}`);
    await page.getByRole("button", { name: "Start interview" }).click();
    await page.getByTestId("current-question").waitFor();
  } finally {
    await context.close();
  }
  return { sessionId, question: question.prompt.slice(0, 80), candidateCookies: candidate.cookieHeader() };
}
