import { z } from "zod";
import { dbText } from "../db-text";

// The room's smallest schemas, apart from room-state.ts so that the scoring schemas it holds can use them.

/** Ids of sessions, questions, follow-ups, notes and users: opaque strings, short enough to index. */
export const ID_MAX_LENGTH = 64;
export const idSchema = dbText.min(1).max(ID_MAX_LENGTH);

/** Server instants, as `Date.prototype.toISOString` writes them, so the state survives a JSON column. */
export const instantSchema = z.iso.datetime();
