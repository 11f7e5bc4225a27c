import { ChangeSet } from "@codemirror/state";
import type { PadUpdate } from "@/server/domain/room";

/** A test tab's client id: it names its member, as every editor's does. */
export function padClientOf(userId: string): string {
  return `${userId}_test`;
}

/** One client's update that replaces [from, to) of a text of `length` with `insert`, as an editor sends it. */
export function padSplice(length: number, from: number, to: number, insert: string, clientID: string): PadUpdate {
  return { clientID, changes: ChangeSet.of({ from, to, insert }, length).toJSON() as PadUpdate["changes"] };
}

/** The smallest single update that turns `before` into `after`. */
export function padEdit(before: string, after: string, clientID: string): PadUpdate {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before[start] === after[start]) start++;
  let end = 0;
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return padSplice(before.length, start, before.length - end, after.slice(start, after.length - end), clientID);
}
