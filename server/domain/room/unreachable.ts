/**
 * Ends a switch that lists every member of a closed union (an event kind, a command, a role): once every
 * member has a case, `value` is `never` here, so a member added without one is a compile error at this
 * call. That is how the compiler points at every place a new event or command must be handled, which a
 * `default:` arm would hide (lint forbids one in the room's switches).
 *
 * At run time it is reached only by a value from outside the union. On the server that cannot happen
 * (commands and logged events are parsed at the boundary), so it throws. The browser's fold passes a
 * `fallback` instead: an event kind from a newer server leaves its view as it is, until the protocol
 * version makes the tab reload.
 */
export function unreachable(value: never): never;
export function unreachable<T>(value: never, fallback: T): T;
export function unreachable<T>(value: never, ...fallback: [T] | []): T {
  if (fallback.length === 1) return fallback[0];
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
