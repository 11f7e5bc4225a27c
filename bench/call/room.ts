// The benchmark's room, made the way users make one: the owner signs up and plans an interview over tRPC,
// the co-interviewer and two observers sign up and accept their invite links, and the candidate joins as a
// guest through theirs, all through next-auth and the app's own endpoints. The browsers then get the
// session cookies the app issued.
import { HttpSession, signedUpSession } from "@/tests/support/http-session";
import { tokenOf } from "@/tests/support/fixtures";

export type MemberRole = "owner" | "co-interviewer" | "candidate" | "observer 1" | "observer 2";

/** Who joins the call, in this order: two members are the first two. */
export const MEMBER_ROLES: readonly MemberRole[] = ["owner", "candidate", "co-interviewer", "observer 1", "observer 2"];

export interface BenchMember {
  role: MemberRole;
  userId: string;
  /** The session cookies as a Cookie header. */
  cookieHeader: string;
}

export interface BenchRoom {
  sessionId: string;
  members: BenchMember[];
}

async function member(role: MemberRole, session: HttpSession): Promise<BenchMember> {
  const userId = (await session.session()).user?.id;
  if (!userId) throw new Error(`the ${role} has no session`);
  return { role, userId, cookieHeader: session.cookieHeader() };
}

/** An account that accepts a staff invite to `sessionId`. */
async function staffMember(baseUrl: string, owner: HttpSession, sessionId: string, role: MemberRole, inviteRole: "CO_INTERVIEWER" | "OBSERVER") {
  const { session } = await signedUpSession(baseUrl, `Bench ${role}`);
  const invite = await owner.trpc.interview.createInvite.mutate({ sessionId, role: inviteRole });
  await session.trpc.invite.accept.mutate({ token: tokenOf(invite.url) });
  return member(role, session);
}

export async function planRoom(baseUrl: string): Promise<BenchRoom> {
  const { session: owner } = await signedUpSession(baseUrl, "Bench Owner");
  const questions = await owner.trpc.bank.search.query({ limit: 1 });
  const bankQuestionId = questions.items[0]?.id;
  if (!bankQuestionId) throw new Error("the bundled bank has no question");
  const { id: sessionId } = await owner.trpc.interview.create.mutate({
    title: "Call benchmark",
    candidateName: "Bench Candidate",
    items: [{ bankQuestionId, timeBoxSec: 600 }],
  });
  const candidateInvite = await owner.trpc.interview.createInvite.mutate({ sessionId, role: "CANDIDATE" });
  const candidate = new HttpSession(baseUrl);
  const refused = await candidate.guestSignIn("Bench Candidate", tokenOf(candidateInvite.url));
  if (refused) throw new Error(`guest sign-in failed: ${refused}`);
  const members: Record<MemberRole, BenchMember> = {
    owner: await member("owner", owner),
    candidate: await member("candidate", candidate),
    "co-interviewer": await staffMember(baseUrl, owner, sessionId, "co-interviewer", "CO_INTERVIEWER"),
    "observer 1": await staffMember(baseUrl, owner, sessionId, "observer 1", "OBSERVER"),
    "observer 2": await staffMember(baseUrl, owner, sessionId, "observer 2", "OBSERVER"),
  };
  return { sessionId, members: MEMBER_ROLES.map((role) => members[role]) };
}

/** A Cookie header as Playwright's cookies for `baseUrl`. */
export function cookiesFor(baseUrl: string, cookieHeader: string): Array<{ name: string; value: string; url: string }> {
  return cookieHeader
    .split("; ")
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseUrl };
    });
}
