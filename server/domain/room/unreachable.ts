/**
 * Ends a switch that lists every member of a closed union (an event kind, a command, a role): once every
 * member has a case, `value` is `never` here, so a member added without one is a compile error at this
 * call. That is how the compiler points at every place a new event or command must be handled, which a
 * `default:` arm would hide (lint forbids one in the room's switches). Reached at run time only by a value
 * from outside the union, which parsing at the boundary rules out.
 */
export function unreachable(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
