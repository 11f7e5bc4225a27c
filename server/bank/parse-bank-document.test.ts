import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { BankDocument, BankQuestion } from "./bank-format";
import { bankDocumentSchema } from "./bank-format";
import { BankParseError, MAX_BANK_BYTES } from "./bank-parse-error";
import { looksLikeMarkdown, parseBankDocument } from "./parse-bank-document";

const SEEDS = new URL("../../content/banks/", import.meta.url);

function seed(name: string): BankDocument {
  return parseBankDocument({ bytes: readFileSync(new URL(name, SEEDS)), sourceFile: name });
}

function find(doc: BankDocument, prompt: string): BankQuestion {
  const q = doc.questions.find((x) => x.prompt === prompt);
  if (!q) throw new Error(`no question "${prompt}" in ${doc.sourceFile}: ${doc.questions.map((x) => x.prompt).join(" | ")}`);
  return q;
}

const all = [
  "1-senior-gotcha-questions.txt",
  "2-full-stack-developer-questions.txt",
  "3-clock-synchronization.txt",
  "4-anticipated-follow-up-questions.txt",
  "5-comprehensive-interview-questions.txt",
].map((name) => [name, seed(name)] as const);
const docs = Object.fromEntries(all);
/** A seed by its place in the bundle, "000" for the first (the names the shared seeds have). */
const doc = (index: string) => {
  const found = all[Number(index)];
  if (!found) throw new Error(index);
  return found[1];
};

describe("the seed banks", () => {
  it("all validate, with unique keys and at least one rubric criterion per question", () => {
    for (const d of Object.values(docs)) {
      expect(bankDocumentSchema.safeParse(d).success).toBe(true);
      expect(new Set(d.questions.map((q) => q.key)).size).toBe(d.questions.length);
      for (const q of d.questions) expect(q.rubric.length).toBeGreaterThan(0);
    }
  });

  it("leaves no mojibake anywhere", () => {
    for (const d of Object.values(docs)) expect(JSON.stringify(d)).not.toMatch(/â€|Ã|ðŸ|ğŸ/);
  });

  it("000: ten questions; the WebSocket restart question has its four key-point criteria, notes and sample answer", () => {
    const d = doc("000");
    expect(d.questions).toHaveLength(10);
    const q = find(d, "What happens to your WebSocket connection if the server restarts?");
    expect(q.rubric.map((c) => c.title)).toEqual(["Connection handling", "State recovery", "Message delivery", "Graceful shutdown"]);
    expect(q.rubric[0]?.lookFor).toEqual([
      "Client must detect disconnect (onclose event)",
      "Implement exponential backoff reconnection",
      "Don't retry immediately (thundering herd)",
    ]);
    expect(q.meta.interviewerNotes).toEqual([
      "WebSocket connections are stateful",
      "Server restart = all connections dropped",
      "Clients may be in the middle of operations",
      "State stored in server memory is lost",
    ]);
    expect(q.answer).toMatch(/^"When the server restarts, all WebSocket connections are terminated\./);
    expect(q.answer).toContain("`onclose`");
  });

  it("001: fifteen questions with metadata, 'What is This Question Testing?' criteria, answer and example score", () => {
    const d = doc("001");
    expect(d.questions).toHaveLength(15);
    for (const q of d.questions) {
      expect(q.meta.difficulty).not.toBeNull();
      expect(q.meta.role).not.toBeNull();
      expect(q.meta.level).not.toBeNull();
      expect(q.meta.companies.length).toBeGreaterThan(0);
      expect(q.answer).not.toBeNull();
    }
    const q = d.questions[0] as BankQuestion;
    expect(q.prompt).toBe("Design a System Where Your Architectural Choice Is Fundamentally Wrong, But We Won’t Know It For 18 Months");
    expect(q.meta).toMatchObject({ title: "The Architectural Time Bomb", difficulty: "Very High", companies: ["Meta", "Google", "Amazon", "Netflix"] });
    expect(q.rubric.map((c) => c.title)).toEqual([
      "Architectural Maturity",
      "Cost-Benefit Analysis",
      "Risk Assessment",
      "Organizational Thinking",
      "Intellectual Honesty",
    ]);
    expect(q.exampleScore).toMatchObject({ score: 9, outOf: 10 });
    expect(q.exampleScore?.reasons).toHaveLength(4);
    expect(q.answer).toMatch(/^This is a great question because/);
    expect(d.questions[1]?.exampleScore?.score).toBe(8.5);
  });

  it("001: code that lost its line breaks is fenced and partly restored", () => {
    const answer = doc("001").questions[3]?.answer ?? "";
    expect(answer).toContain("```\nasync function processPayment(orderId, amount, customerId) {");
    expect(answer).toMatch(/const conn = await db\.getConnection\(\);\n\s*const idempotencyKey/);
  });

  it("002: the secure-logging counter-questions become nine follow-ups with look-fors and answers", () => {
    const d = doc("002");
    const q = find(d, "Secure Logging & Sensitive Data Protection");
    expect(q.followUps).toHaveLength(9);
    expect(q.followUps[0]).toEqual({
      prompt: "If developers are told not to log secrets, why do leaks still happen?",
      answer: expect.stringMatching(/^Humans fail; defaults change; third‑party libs leak → enforce defense‑in‑depth/),
      lookFor: ["whether you rely on training or guardrails."],
    });
    for (const f of q.followUps) {
      expect(f.lookFor).toHaveLength(1);
      expect(f.answer).not.toBeNull();
    }
    expect(JSON.stringify(d)).toContain("Wall-clock time is for humans. Monotonic time is for machines.”");
    expect(JSON.stringify(d)).toContain("“Wall-clock time is for humans.");
  });

  it("002: Base Question / +1 / +2 depth drills become a question with two follow-ups", () => {
    const q = find(doc("002"), "What does Kafka Exactly-Once Semantics actually guarantee?");
    expect(q.followUps.map((f) => f.prompt)).toEqual(["What are the prerequisites for EOS?", "What EOS does not protect you from?"]);
    expect(q.meta.title).toBe("Kafka Exactly-Once Semantics (EOS) — What It Really Guarantees");
  });

  it("003: a question heading with Q: follow-ups, and the document's red flags", () => {
    const q = find(doc("003"), "Why Elasticsearch over other solutions?");
    expect(q.followUps.map((f) => f.prompt)).toEqual([
      "Why not use Redis for caching instead of ES?",
      "Why not PostgreSQL with proper indexing?",
      "Did you consider Apache Solr?",
    ]);
    expect(q.followUps[2]?.answer).toMatch(/^Yes, both are built on Lucene\./);
    expect(q.redFlags).toContain("Blaming others: Even if true, focus on what YOU learned");
    expect(q.redFlags).toHaveLength(7);
  });

  it("004: the trading platform question carries the market-crash follow-up with its own answer", () => {
    const d = doc("004");
    const q = find(d, "Design a real-time trading analytics platform from scratch. Walk me through your approach.");
    expect(q.followUps).toHaveLength(1);
    expect(q.followUps[0]?.prompt).toBe("How would you handle market crash scenarios with 10x spike in traffic?");
    expect(q.followUps[0]?.answer).toMatch(/^"Great question! Market crashes create extreme load/);
    expect(q.rubric[0]?.title).toBe("Requirements Gathering (5 minutes)");
    expect(q.answer).toContain("┌─────────────────┐");
    expect(d.questions).toHaveLength(6);
  });
});

describe("bad input", () => {
  const parse = (bytes: Uint8Array) => parseBankDocument({ bytes, sourceFile: "x.md" });
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e instanceof BankParseError ? e.code : "OTHER";
    }
    return "NONE";
  };

  it("refuses empty, binary, oversized and question-free documents with their codes", () => {
    expect(code(() => parse(new Uint8Array()))).toBe("EMPTY");
    expect(code(() => parse(new TextEncoder().encode(" \n\t\n")))).toBe("EMPTY");
    expect(code(() => parse(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x14])))).toBe("BINARY");
    expect(code(() => parse(new Uint8Array(MAX_BANK_BYTES + 1).fill(0x61)))).toBe("TOO_LARGE");
    expect(code(() => parse(new TextEncoder().encode("# Notes\n\nJust prose, nothing asked.\n")))).toBe("NOTHING_RECOGNISED");
  });

  it("names a section whose heading is as long as a paragraph by its first 200 characters", () => {
    const heading = `Networking ${"and more words ".repeat(100)}`.trim();
    const doc = parse(new TextEncoder().encode(`# Notes\n\n## ${heading}\n\n### What is TCP?\n\nA stream.\n\n### What is UDP?\n\nDatagrams.\n`));
    expect(doc.questions.map((q) => q.section.at(-1))).toEqual([`${heading.slice(0, 200).trimEnd()}…`, `${heading.slice(0, 200).trimEnd()}…`]);
  });

  it("more than a hundred <details> blocks without blank lines: the paragraph after them is a block of its own", () => {
    const blocks = Array.from({ length: 101 }, (_, i) => `<details><summary>What is ${i}?</summary>Answer ${i}.</details>`).join("\n");
    const doc = parse(new TextEncoder().encode(`# Quiz\n\n${blocks}\n\n**Note:** the end.\n`));
    expect(doc.questions.at(-1)?.answer).toBe("Answer 100.\n\n**Note:** the end.");
  });

  it("tells Markdown from plain text", () => {
    expect(looksLikeMarkdown("## A\n\n**b**\n\n```\nc\n```\n")).toBe(true);
    expect(looksLikeMarkdown("Q: What?\nANS: That.\n")).toBe(false);
  });
});
