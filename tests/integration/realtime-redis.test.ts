import { afterAll, describe, expect, it } from "vitest";
import type { CandidateView, StaffView } from "@/server/domain/room";
import { startAppServer, type AppServer } from "../support/app-server";
import { fileDatabase } from "../support/db";
import { plannedInterview } from "../support/fixtures";
import { RoomClient } from "../support/room-client";

const redisUrl = process.env.TEST_REDIS_URL;
const nodes: AppServer[] = [];
const clients: RoomClient[] = [];

afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all(nodes.map((node) => node.kill()));
});

// Runs wherever a Redis is configured (CI sets TEST_REDIS_URL when one answers on 127.0.0.1:6379).
describe.skipIf(!redisUrl)("one room served by two app nodes through Redis", () => {
  it("delivers what happens on one node to members on the other, orders writes from both, and keeps deployments apart", async () => {
    const { url: databaseUrl, db } = await fileDatabase();
    const deployment = { REDIS_KEY_PREFIX: `test-${process.pid}-a` };
    const [a, b, other] = await Promise.all([
      startAppServer(databaseUrl, { redisUrl, env: deployment }),
      startAppServer(databaseUrl, { redisUrl, env: deployment }),
      startAppServer(databaseUrl, { redisUrl, env: { REDIS_KEY_PREFIX: `test-${process.pid}-b` } }),
    ]);
    nodes.push(a, b, other);
    const { sessionId, interviewer, candidate } = await plannedInterview(db, "redis", a.url);
    const iris = new RoomClient(a.url, interviewer.session.cookieHeader(), sessionId);
    const cody = new RoomClient(b.url, candidate.session.cookieHeader(), sessionId);
    clients.push(iris, cody);
    await Promise.all([iris.joined(), cody.joined()]);

    expect(await iris.command({ type: "start" })).toMatchObject({ ok: true });
    const question = ((await iris.until((view) => view.status === "live")) as StaffView).questions[0];
    const followUp = question?.followUps[0];
    if (!question || !followUp) throw new Error("planned question missing");
    expect(await iris.command({ type: "revealFollowUp", questionId: question.id, followUpId: followUp.id })).toMatchObject({ ok: true });
    const seen = (await cody.until((view) => (view as CandidateView).current?.followUps.length === 1)) as CandidateView;
    expect(seen.current?.followUps[0]?.prompt).toBe(followUp.prompt);

    // The candidate types on node B; the interviewer on node A sees it at once.
    expect(await cody.type(question.id, "two nodes")).toMatchObject({ ok: true });
    await iris.until((view) => (view as StaffView).questions[0]?.scratchpad?.text === "two nodes");

    // Two interviewer tabs on different nodes write at once: each node's optimistic append finds the
    // other's, folds it in and decides again. Both land, in one gap-free order.
    const tabOnB = new RoomClient(b.url, interviewer.session.cookieHeader(), sessionId);
    // Another deployment sharing the Redis: same database here, but its adapter must hear nothing of A and B.
    const elsewhere = new RoomClient(other.url, candidate.session.cookieHeader(), sessionId);
    clients.push(tabOnB, elsewhere);
    await Promise.all([tabOnB.joined(), elsewhere.joined()]);
    const [second, third] = question.followUps.slice(1);
    if (!second || !third) throw new Error("follow-ups missing");
    const results = await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => iris.send({ type: "addNote", body: `note from A ${i}` })),
      ...Array.from({ length: 10 }, (_, i) => tabOnB.send({ type: "addNote", body: `note from B ${i}` })),
      iris.send({ type: "revealFollowUp", questionId: question.id, followUpId: second.id }),
      tabOnB.send({ type: "revealFollowUp", questionId: question.id, followUpId: third.id }),
    ]);
    expect(results.filter((result) => !result.ok)).toEqual([]);
    const log = await db.sessionEvent.findMany({ where: { sessionId }, orderBy: { seq: "asc" }, select: { seq: true, type: true } });
    expect(log.map((event) => event.seq)).toEqual(log.map((_, i) => i + 1));
    expect(log.filter((event) => event.type === "noteAdded")).toHaveLength(10 + 10);
    await cody.until((view) => (view as CandidateView).current?.followUps.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((elsewhere.view as CandidateView).current?.followUps.length ?? 0).toBeLessThan(3);
    await db.$disconnect();
  });
});
