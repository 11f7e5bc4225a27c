// One person of the practice bench, behaving as the waiting page does: joins the queue, polls its status,
// says it is still there every 20 s, accepts a match as soon as one is offered, and stops once the session
// is running (or leaves when the bench ends).
import { HttpSession, appCodeOf } from "@/tests/support/http-session";
import type { BenchPerson } from "./people";

/** The waiting page's heartbeat (a ticket not renewed for a minute leaves the queue). */
const STILL_HERE_MS = 20_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one person saw, in milliseconds since the epoch (this machine's clock, as the database's). */
export interface Journey {
  person: BenchPerson;
  node: number;
  joinSentAt: number | null;
  joinedAt: number | null;
  /** The first status poll that showed a match offered. */
  proposedAt: number | null;
  proposalId: string | null;
  /** The first status poll that showed the session running. */
  activeAt: number | null;
  /** Status polls' HTTP round trips. */
  pollMs: number[];
  /** Failed calls, by procedure and app code. */
  errors: Record<string, number>;
}

export class Practitioner {
  readonly journey: Journey;
  private readonly http: HttpSession;

  constructor(person: BenchPerson, node: number, baseUrl: string) {
    this.http = new HttpSession(baseUrl);
    this.http.setCookie(person.cookie);
    this.journey = { person, node, joinSentAt: null, joinedAt: null, proposedAt: null, proposalId: null, activeAt: null, pollMs: [], errors: {} };
  }

  get trpc() {
    return this.http.trpc;
  }

  private async call<T>(what: string, run: () => Promise<T>): Promise<T | null> {
    try {
      return await run();
    } catch (error) {
      const key = `${what}:${appCodeOf(error)}`;
      this.journey.errors[key] = (this.journey.errors[key] ?? 0) + 1;
      return null;
    }
  }

  /** Joins, then waits (every `pollMs`) until the session is running or `deadline` passes. */
  async practise(pollMs: number, deadline: number): Promise<void> {
    const journey = this.journey;
    journey.joinSentAt = Date.now();
    if ((await this.call("join", () => this.trpc.practice.join.mutate({ topic: journey.person.topic }))) === null) return;
    journey.joinedAt = Date.now();
    let renewedAt = journey.joinedAt;
    while (Date.now() + pollMs < deadline) {
      await sleep(pollMs);
      if (Date.now() - renewedAt >= STILL_HERE_MS) {
        renewedAt = Date.now();
        await this.call("stillHere", () => this.trpc.practice.stillHere.mutate());
      }
      const sentAt = performance.now();
      const status = await this.call("status", () => this.trpc.practice.status.query());
      if (status) journey.pollMs.push(performance.now() - sentAt);
      if (status?.state === "active") {
        journey.activeAt = Date.now();
        return;
      }
      if (status?.state !== "proposed") continue;
      if (journey.proposedAt === null) journey.proposedAt = Date.now();
      journey.proposalId = status.proposalId;
      if (!status.accepted) await this.call("accept", () => this.trpc.practice.accept.mutate({ proposalId: status.proposalId }));
    }
    await this.call("leave", () => this.trpc.practice.leave.mutate());
  }
}
