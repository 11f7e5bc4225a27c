import type { Role } from "@/server/domain/room";

/** Where an interview opens for a member: its plan, for the interviewer before it starts; its review once it ended; otherwise its room. */
export function interviewHref(interview: { id: string; status: string }, role: Role): string {
  if (interview.status === "ENDED") return `/sessions/${interview.id}`;
  return role === "INTERVIEWER" && interview.status === "PLANNED" ? `/interviews/${interview.id}` : `/room/${interview.id}`;
}
