// Rooms made the way users make them: interviewers sign up and plan interviews over tRPC, candidates join
// as guests through their invite links, all through next-auth and the app's own endpoints.
import { HttpSession, signedUpSession } from "@/tests/support/http-session";
import { tokenOf } from "@/tests/support/fixtures";
import type { RoomSpec } from "./load";

/** One interviewer account plans this many rooms (sign-ups are rate-limited per address). */
const ROOMS_PER_INTERVIEWER = 200;
const SETUP_CONCURRENCY = 12;

export class RoomFactory {
  private readonly interviewers: Array<Promise<HttpSession>> = [];
  private questionIds: Promise<string[]> | null = null;

  constructor(readonly baseUrl: string) {}

  private interviewerFor(index: number): Promise<HttpSession> {
    const n = Math.floor(index / ROOMS_PER_INTERVIEWER);
    this.interviewers[n] ??= signedUpSession(this.baseUrl, `Bench Interviewer ${n + 1}`).then(({ session }) => session);
    return this.interviewers[n];
  }

  /** Three bundled questions with follow-ups, the plan of every room. */
  private plan(interviewer: HttpSession): Promise<string[]> {
    this.questionIds ??= interviewer.trpc.bank.search.query({ limit: 50 }).then((result) => {
      const ids = result.items
        .filter((item) => item.followUpCount > 0)
        .slice(0, 3)
        .map((item) => item.id);
      if (ids.length < 3) throw new Error("the bundled bank has too few questions with follow-ups");
      return ids;
    });
    return this.questionIds;
  }

  private async room(index: number): Promise<RoomSpec> {
    const interviewer = await this.interviewerFor(index);
    const questionIds = await this.plan(interviewer);
    const { id: sessionId } = await interviewer.trpc.interview.create.mutate({
      title: `Bench room ${index}`,
      candidateName: `Candidate ${index}`,
      items: questionIds.map((bankQuestionId) => ({ bankQuestionId, timeBoxSec: 600 })),
    });
    const invite = await interviewer.trpc.interview.createInvite.mutate({ sessionId, role: "CANDIDATE" });
    const candidate = new HttpSession(this.baseUrl);
    const refused = await candidate.guestSignIn(`Candidate ${index}`, tokenOf(invite.url));
    if (refused) throw new Error(`guest sign-in failed: ${refused}`);
    return { sessionId, interviewerCookie: interviewer.cookieHeader(), candidateCookie: candidate.cookieHeader() };
  }

  /** Rooms `from` to `to - 1`, made a few at a time. */
  async rooms(from: number, to: number): Promise<RoomSpec[]> {
    const specs: RoomSpec[] = [];
    let next = from;
    const worker = async () => {
      while (next < to) {
        const index = next++;
        specs[index - from] = await this.room(index);
      }
    };
    await Promise.all(Array.from({ length: SETUP_CONCURRENCY }, worker));
    return specs;
  }
}
