"use client";

import { useState } from "react";
import type { ClientCommand } from "@/server/domain/room";
import type { Scorecard } from "@/server/domain/scoring/scorecard";

export type ScorecardCommand = Extract<ClientCommand, { type: "rateCriterion" | "setRedFlags" | "setQuestionOverall" | "setSummary" }>;

/**
 * The viewer's card as they edit it: open until submitted; then locked until they give a reason to
 * amend, which every change after that carries (the server refuses an amendment without one).
 */
export function useScorecard(card: Scorecard | null, run: (command: ClientCommand) => Promise<boolean>) {
  const [amendReason, setAmendReason] = useState<string | null>(null);
  const submitted = card?.submittedAt != null;
  const locked = submitted && amendReason === null;
  const send = (command: ScorecardCommand) => run(submitted && amendReason ? { ...command, amendmentReason: amendReason } : command);
  return { submitted, locked, amendReason, setAmendReason, send };
}
