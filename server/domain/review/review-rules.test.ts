import { describe, expect, it } from "vitest";
import { at, candidate, completeSessionPicks, coInterviewer, history, interviewer, observer } from "../room/test-fixtures";
import { eventForViewer } from "../room/event-for-viewer";
import { viewFor } from "../room/view-for";
import { historyFiltersFromQuery, historyFiltersSchema } from "./history-filters";
import { canDeleteSession, canHideSession, perspectivesFor } from "./policy";
import { sessionMarkdown, type SessionMeta } from "./report";
import { describeStep } from "./timeline";

describe("review policy", () => {
  it("lets the owner delete when not live, everyone else hide, and staff replay the candidate's view", () => {
    expect(canDeleteSession("INTERVIEWER", "ENDED")).toBe(true);
    expect(canDeleteSession("INTERVIEWER", "PLANNED")).toBe(true);
    expect(canDeleteSession("INTERVIEWER", "LIVE")).toBe(false);
    for (const role of ["CO_INTERVIEWER", "OBSERVER", "CANDIDATE"] as const) {
      expect(canDeleteSession(role, "ENDED")).toBe(false);
      expect(canHideSession(role)).toBe(true);
    }
    expect(canHideSession("INTERVIEWER")).toBe(false);
    // A peer practice half is both peers' record: neither deletes it, both may hide it.
    expect(canDeleteSession("INTERVIEWER", "ENDED", true)).toBe(false);
    expect(canHideSession("INTERVIEWER", true)).toBe(true);
    expect(perspectivesFor("INTERVIEWER")).toEqual(["own", "candidate"]);
    expect(perspectivesFor("OBSERVER")).toEqual(["own", "candidate"]);
    expect(perspectivesFor("CANDIDATE")).toEqual(["own"]);
  });
});

describe("history filters", () => {
  it("defaults the sort and pages, and refuses nonsense with a message per field", () => {
    expect(historyFiltersSchema.parse({})).toEqual({ sort: "newest", page: 1, pageSize: 20 });
    expect(historyFiltersSchema.parse({ search: "  cache  ", from: "2026-01-01", to: "2026-01-01" })).toMatchObject({ search: "cache", from: "2026-01-01" });
    const refused = (input: unknown) => historyFiltersSchema.safeParse(input).error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(refused({ from: "2026-02-01", to: "2026-01-31" })).toEqual(["to: must not be before the start date"]);
    expect(refused({ from: "yesterday" })).toEqual(["from: must be a date (YYYY-MM-DD)"]);
    expect(refused({ search: "x".repeat(201) })).toEqual(["search: must be at most 200 characters"]);
    expect(refused({ page: 0 })).toHaveLength(1);
    expect(refused({ page: 10_001 })).toHaveLength(1);
    expect(refused({ pageSize: 101 })).toHaveLength(1);
    expect(refused({ colour: "red" })).toHaveLength(1);
    expect(refused({ search: "a\u0000b" })).toHaveLength(1);
  });

  it("reads a query string: numbers for pages, empty fields dropped, unknown fields kept for the schema to name", () => {
    expect(historyFiltersFromQuery({ page: "3", pageSize: "10", search: "", status: "ENDED", tag: ["a", "b"], sort: undefined })).toEqual({
      page: 3,
      pageSize: 10,
      status: "ENDED",
      tag: "a",
    });
    expect(historyFiltersFromQuery({ page: "two" })).toEqual({ page: "two" });
  });
});

describe("timeline lines", () => {
  it("describes every step of a session, as each viewer was shown it", () => {
    const { states, events } = history(completeSessionPicks());
    const lines = (viewer: typeof interviewer | typeof candidate | typeof observer | typeof coInterviewer) => {
      const out: string[] = [];
      events.forEach((event, i) => {
        const projected = eventForViewer(event, states[i + 1]!, viewer);
        if (projected) out.push(`${describeStep(projected, viewFor(states[i]!, viewer)).kind}: ${describeStep(projected, viewFor(states[i]!, viewer)).text}`);
      });
      return [...new Set(out)];
    };
    expect(lines(interviewer)).toMatchSnapshot();
    expect(lines(candidate)).toMatchSnapshot();
  });
});

const meta = (role: SessionMeta["myRole"]): SessionMeta => ({
  id: "session_1",
  title: "Backend loop",
  status: "ENDED",
  ownerName: "Ida Interviewer",
  candidateName: "Cai Candidate",
  createdAt: at(-60).toISOString(),
  scheduledAt: null,
  startedAt: at(0).toISOString(),
  endedAt: at(600).toISOString(),
  myRole: role,
});

describe("the Markdown report, whole", () => {
  it("reads as the snapshot for each role", () => {
    const ended = history(completeSessionPicks()).states.at(-1)!;
    for (const viewer of [interviewer, coInterviewer, observer, candidate]) {
      expect(sessionMarkdown(meta(viewer.role), viewFor(ended, viewer))).toMatchSnapshot(viewer.role);
    }
  });
});
