import { describe, expect, it } from "vitest";
import { criterionShownToCandidate, resemblance } from "./follow-up-criteria";

describe("resemblance", () => {
  it("finds a follow-up in a criterion titled with its words, whatever the case or punctuation", () => {
    expect(resemblance("Why not use Redis for caching instead of ES?", "Why not use Redis for caching instead of ES?")).toBe(3);
    expect(resemblance("why not PostgreSQL, with proper indexing", "Why not PostgreSQL with proper indexing?")).toBe(3);
    expect(resemblance("Cache invalidation", "How do you handle cache invalidation?")).toBe(2);
    expect(resemblance("Redis goes down", "What if Redis goes down?")).toBe(2);
    expect(resemblance("Audit Logs vs Application Logs (Hard Separation)", "Why separate audit logs from application logs?")).toBeGreaterThan(0);
  });

  it("finds none in criteria about something else", () => {
    expect(resemblance("Explains the trade-offs", "Why not use Redis for caching instead of ES?")).toBe(0);
    expect(resemblance("Full-text search across error messages", "Did you consider Apache Solr?")).toBe(0);
    // One shared word is not enough: "Key points" is the importer's title for a plain list.
    expect(resemblance("Key points", "What are the key challenges of leader election?")).toBe(0);
    expect(resemblance("", "Anything?")).toBe(0);
  });
});

describe("criterionShownToCandidate", () => {
  const question = {
    id: "q1",
    followUps: [
      { id: "f1", prompt: "Follow-up 1.1 on caching", answer: null, lookFor: [] },
      { id: "f2", prompt: "Follow-up 1.2 on caching", answer: null, lookFor: [] },
      { id: "f3", prompt: "Did you consider Apache Solr?", answer: null, lookFor: [] },
    ],
  };
  const revealedF1 = [{ questionId: "q1", followUpId: "f1", revealedAt: "2026-01-01T00:00:00.000Z" }];

  it("hides a follow-up's criterion until that follow-up is revealed, in that question only", () => {
    expect(criterionShownToCandidate(question, "Did you consider Apache Solr?", revealedF1)).toBe(false);
    expect(criterionShownToCandidate(question, "Follow-up 1.2 on caching", revealedF1)).toBe(false);
    expect(criterionShownToCandidate(question, "Follow-up 1.1 on caching", [])).toBe(false);
    expect(criterionShownToCandidate(question, "Follow-up 1.1 on caching", [{ ...revealedF1[0]!, questionId: "q2" }])).toBe(false);
    expect(criterionShownToCandidate(question, "Explains the trade-offs", [])).toBe(true);
  });

  it("judges a criterion by the follow-up it repeats most, so a revealed one's criterion shows beside a similar hidden one", () => {
    expect(criterionShownToCandidate(question, "Follow-up 1.1 on caching", revealedF1)).toBe(true);
    // Equally like both: hidden until both are revealed.
    expect(criterionShownToCandidate(question, "Caching follow-up", revealedF1)).toBe(false);
  });
});

describe("resemblance of numbered titles", () => {
  it("does not count numbers as shared meaning", () => {
    expect(resemblance("MARK-scoring-leaks-rubric-1", "Follow-up 1.1 scoring-leaks")).toBe(0);
  });
});
