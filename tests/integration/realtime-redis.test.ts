import { afterAll, describe, expect, it } from "vitest";
import type { CandidateView, InterviewerView } from "@/server/domain/room";
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
  it("delivers what the interviewer does on one node to the candidate on the other", async () => {
    const { url: databaseUrl, db } = await fileDatabase();
    const [a, b] = await Promise.all([startAppServer(databaseUrl, { redisUrl }), startAppServer(databaseUrl, { redisUrl })]);
    nodes.push(a, b);
    const { sessionId, interviewer, candidate } = await plannedInterview(db, "redis", a.url);
    const iris = new RoomClient(a.url, interviewer.session.cookieHeader(), sessionId);
    const cody = new RoomClient(b.url, candidate.session.cookieHeader(), sessionId);
    clients.push(iris, cody);
    await Promise.all([iris.joined(), cody.joined()]);

    expect(await iris.command({ type: "start" })).toMatchObject({ ok: true });
    const question = ((await iris.until((view) => view.status === "live")) as InterviewerView).questions[0];
    const followUp = question?.followUps[0];
    if (!question || !followUp) throw new Error("planned question missing");
    expect(await iris.command({ type: "revealFollowUp", questionId: question.id, followUpId: followUp.id })).toMatchObject({ ok: true });
    const seen = (await cody.until((view) => (view as CandidateView).current?.followUps.length === 1)) as CandidateView;
    expect(seen.current?.followUps[0]?.prompt).toBe(followUp.prompt);
    await db.$disconnect();
  });
});
