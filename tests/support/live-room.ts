import type { StaffView } from "@/server/domain/room";
import type { Db } from "@/server/platform/db/client";
import { plannedInterview } from "./fixtures";
import { RoomClient } from "./room-client";

/**
 * A planned interview started on its first question, with the interviewer ("iris") and the candidate
 * ("cody") joined over real sockets. Their clients are added to `clients`, for the caller to close.
 */
export async function liveRoom(db: Db, baseUrl: string, tag: string, clients: RoomClient[]) {
  const world = await plannedInterview(db, tag, baseUrl);
  const connect = async (member: { session: { cookieHeader(): string } }) => {
    // Made and asked in one step: joined() waits for the next join, so nothing may come between.
    const client = new RoomClient(baseUrl, member.session.cookieHeader(), world.sessionId);
    clients.push(client);
    await client.joined();
    return client;
  };
  const iris = await connect(world.interviewer);
  const cody = await connect(world.candidate);
  await iris.command({ type: "start" });
  await cody.until((view) => view.status === "live");
  const questionId = (iris.view as StaffView).questions[0]!.id;
  return { ...world, iris, cody, questionId };
}
