import { readdirSync, readFileSync } from "node:fs";
import { parseBankDocument } from "../server/bank/parse-bank-document";
import { type DocumentScore, HALVES, loadLabels, percent, scoreDocument, totalsOf } from "./bank/corpus";

/**
 * `npm run bench:bank`: how long the pure bank pipeline takes on the seed documents, and whether
 * time grows linearly with size (a 10x concatenation should take about 10x as long).
 * `npm run bench:bank -- --corpus`: recall and answer attachment on the labelled public documents in
 * tests/fixtures/corpus/, per document for the tuning half and as totals for the held-out half (add
 * `--misses` to list the tuning half's misses). `-- --adversarial`: inputs built to
 * make a pattern backtrack, at two sizes.
 */

/** The adversarial inputs' sizes: 1 and 4 MB; ADVERSARIAL_BYTES=64000 for a quick look. */
const SMALL = Number(process.env.ADVERSARIAL_BYTES ?? 1_000_000);

/** Each input at a size of n characters. */
const ADVERSARIAL_INPUTS: Record<string, (n: number) => string> = {
  "unclosed tags": (n) => "<b".repeat(n / 2),
  "unclosed links": (n) => "[a](".repeat(n / 4),
  "unclosed bold": (n) => "**a ".repeat(n / 4),
  "spaces, then a letter": (n) => `${" ".repeat(n)}x`,
  "punctuation, then a letter": (n) => `${"!".repeat(n)}a`,
  "blank lines": (n) => "\n".repeat(n),
  "colon, spaces, a letter": (n) => `**Red flags:**\n\n- a\n\nfoo:${" ".repeat(n)}x`,
  "heading padding": (n) => `## a${" ".repeat(n)}#x`,
  "heading of dots": (n) => `## What?${".".repeat(n)}x\n\ntext`,
  "heading of quotes": (n) => `## ${'"'.repeat(n)}a\n\ntext`,
  "link item padding": (n) => `- [a](b)${" ".repeat(n)}x\n- [c](d)`,
  "colon-space runs": (n) => `${": ".repeat(n / 2)}x:\n\n- a\n- b`,
  "emphasis markers": (n) => "*a ".repeat(n / 3),
  "parentheses in a heading": (n) => `## Q ${"(".repeat(n)}`,
  // A coding question's code (extract-code-spec.ts): signatures, example labels and literals.
  "unclosed signatures": (n) => `\`\`\`python\n${"def f(a,\n".repeat(n / 9)}\`\`\`\n`,
  "lower-case labels": (n) => `\`\`\`python\ndef f(a):\n    pass\n\`\`\`\n\n${"x input: ".repeat(n / 9)}\n`,
  examples: (n) => `\`\`\`python\ndef f(a):\n    pass\n\`\`\`\n\n${"Input: a = [1]\nOutput: [1]\n".repeat(n / 28)}`,
  // AsciiDoc (asciidoc.ts): an attribute line over a listing that never closes its bracket.
  "asciidoc source attribute": (n) => `= T\n\n== A\n\n[source,${"a".repeat(n)}\n----\nx\n----\n`,
  "deep brackets": (n) => `\`\`\`python\ndef f(a):\n    pass\n\`\`\`\n\nInput: a = ${"[".repeat(n)}\nOutput: 1\n`,
  // Heading attribute blocks (split-markdown.ts), and AsciiDoc description-list terms (asciidoc.ts).
  "heading attribute braces": (n) => `## What ${"{#a ".repeat(n / 4)}}\n\nText.\n`,
  "asciidoc term colons": (n) => `= T\n\n== A\n\n[qanda]\nWhat${"::x".repeat(n / 3)}\n`,
  // AsciiDoc links (asciidoc.ts): macros and cross-references that never close.
  "asciidoc link macros": (n) => `= T\n\n== A\n\n${"xref:a[".repeat(n / 14)}<<${"b".repeat(n / 2)}\n`,
  // Callouts (question-units.ts): a callout line that never closes its marker.
  "callout marker": (n) => `> [!${"a".repeat(n)}\n> text\n`,
  // Entries wrapped over lines (blocks.ts unwrapLines) and questions with probes after them (question-list.ts).
  "wrapped entry lines": (n) => `- What is ${"a".repeat(40)}\n${"  and it goes on and on and on and on and on\n".repeat(n / 46)}`,
  "questions in an entry": (n) => `- What is it and why does it matter so much? ${"Why? ".repeat(n / 5)}\n- What else?\n`,
  // Bullets under two-digit entries (split-markdown.ts nestUnderWideNumbers). A tenth of the size in bullets:
  // the Markdown parser itself spends about 2 kB of memory per byte of a list this long (1 MB of such bullets
  // takes 2 GB, with or without the nesting). Uploads are read within a heap limit, which refuses such a file
  // (services/bank/reader); this bench runs the pipeline in process.
  "bullets under wide numbers": (n) => `10. What?\n${"   * why\n".repeat(n / 100)}${"x".repeat((n * 9) / 10)}`,
  // A question in bold with its answer after it (recogniser.ts askedInBold): the bold, then only spaces.
  "bold, then spaces": (n) => `**What is it?**${" ".repeat(n)}\n`,
  "brackets in an entry": (n) => `- What is it and why does it matter so much? ${"(a ".repeat(n / 3)}\n- What else?\n`,
  // A question mark before a note in brackets (recogniser.ts endsAsking), and emphasis closing a heading
  // (heading-question.ts): each was tried from every mark of a run.
  "question marks and brackets": (n) => `- What is it${"?(".repeat(n / 2)}x\n- What else?\n`,
  "heading of underscores": (n) => `## What is it${"_ ".repeat(n / 2)}x\n\ntext\n`,
  // An entry's bullet, then blanks across a line break (assemble-questions.ts NUMBERED_ENTRY).
  "bullet, then blanks": (n) => `-    \n${" ".repeat(n)}What is it?\n\nAnswer text.\n\n* What is that?\n\nAnswer text.\n\n+ Why is it so?\n\nAnswer.\n`,
  // A heading as long as a paragraph over many questions: its name is read once per question (normalise-question.ts).
  "long heading over many questions": (n) => `## ${"word ".repeat(n / 10)}\n\n${"### What is it?\n\nanswer.\n\n".repeat(n / 50)}`,
  // Questions with a follow-up nested under each, the commonest list of all. The Markdown parser (micromark
  // 4.0.3) copied every event so far each time a nested list closed; patches/ has the fix.
  "nested lists": (n) => `${"- What is it?\n  - Why?\n".repeat(n / 24)}`,
  // A <details> whose summaries never close (recognisers/details-summary.ts): each was read to the end from every "<summary".
  "summaries that never close": (n) => `<details>\n${'<summary class="q">x\n'.repeat(n / 20)}`,
  "numbered, nested and loose": (n) => `${"1. What is it?\n\n   - Why?\n\n   Answer.\n\n".repeat(n / 40)}`,
};

if (process.argv.includes("--corpus")) {
  reportCorpus(process.argv.includes("--misses"));
  process.exit(0);
}
if (process.argv.includes("--adversarial")) {
  reportAdversarial();
  process.exit(0);
}

/**
 * One-line inputs built to make a regex backtrack (an unclosed tag or link repeated, a long run before a
 * mismatch): time must grow with size, not with its square. Each at 1 MB and 4 MB.
 */
function reportAdversarial(): void {
  // Enough Markdown ahead of the payload for the document to be read as Markdown (looksLikeMarkdown);
  // without it every input took the plain-text path and the Markdown path went unmeasured.
  const lead = "# Interview questions\n\n## 1. What is this?\n\nSome answer.\n\n## 2. What is that?\n\nSome answer.\n\n## 3. Why is it so?\n\nSome answer.\n\n";
  const rows = Object.entries(ADVERSARIAL_INPUTS).map(([input, make]) => {
    const at = (n: number) => {
      const bytes = new TextEncoder().encode(`${lead}${make(n)}\n`);
      const start = performance.now();
      try {
        parseBankDocument({ bytes, sourceFile: "adversarial.md" });
      } catch {
        // A refusal is an answer too; only the time matters here.
      }
      return performance.now() - start;
    };
    const small = at(SMALL);
    const large = at(4 * SMALL);
    return {
      input,
      [`${SMALL / 1e6} MB ms`]: Math.round(small),
      [`${(4 * SMALL) / 1e6} MB ms`]: Math.round(large),
      "ratio (linear ≈ 4)": Number((large / small).toFixed(1)),
    };
  });
  console.table(rows);
}

function reportCorpus(showMisses: boolean): void {
  const scores = loadLabels().map(scoreDocument);
  // Only the tuning half is shown document by document: a held-out document's score, misses or refusal
  // would say where to look, and the held-out half is there to be not looked at.
  const tuning = scores.filter((s) => s.half === "tuning");
  console.table(
    tuning.map((s) => ({
      document: s.file,
      half: s.half,
      kB: s.kB,
      ms: Number(s.ms.toFixed(1)),
      questions: s.questions,
      unused: s.unusedPassages,
      "recall %": `${percent(s.found, s.samples).toFixed(0)} (${s.found}/${s.samples})`,
      "answers %": `${percent(s.attached, s.answers).toFixed(0)} (${s.attached}/${s.answers})`,
      "follow-ups %": `${percent(s.followUpsAttached, s.followUps).toFixed(0)} (${s.followUpsAttached}/${s.followUps})`,
    })),
  );
  // Tune on the tuning half only; the held-out half says whether that carried over.
  const parts: [string, DocumentScore[]][] = [
    ...HALVES.map((half): [string, DocumentScore[]] => [half, scores.filter((s) => s.half === half)]),
    ["all", scores],
  ];
  for (const [name, part] of parts) {
    const t = totalsOf(part);
    const repos = new Set(part.map((s) => s.repo)).size;
    console.log(
      `${name.padEnd(8)} (${t.documents} documents, ${repos} repositories): ` +
        `recall ${percent(t.found, t.samples).toFixed(1)}% (${t.found}/${t.samples}, target ≥ 95%)  ` +
        `answers ${percent(t.attached, t.answers).toFixed(1)}% (${t.attached}/${t.answers}, target ≥ 90%)  ` +
        `follow-ups ${percent(t.followUpsAttached, t.followUps).toFixed(1)}% (${t.followUpsAttached}/${t.followUps}, target ≥ 90%)` +
        // Questions found in all and passages left unused: a rule that finds questions where there are none
        // raises the first without moving recall, and one that loses text raises the second.
        `  questions ${part.reduce((n, s) => n + s.questions, 0)}, unused ${part.reduce((n, s) => n + s.unusedPassages, 0)}` +
        (t.refused.length > 0 ? `  refused ${t.refused.length}` : ""),
    );
  }
  for (const s of tuning) {
    if (s.failure) console.log(`${s.file}: refused: ${s.failure}`);
    if (showMisses) for (const m of s.misses) console.log(`${s.file}:${m.line}: ${m.problem}: ${m.question.slice(0, 100)}`);
  }
}

const SEEDS = new URL("../content/banks/", import.meta.url);
const WARM_UP_ROUNDS = 3;
const MEASURED_ROUNDS = 5;

const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith(".txt") || f.endsWith(".md"))
  .sort()
  .map((name) => ({ name, bytes: readFileSync(new URL(name, SEEDS)) }));

/** Best of several rounds: the least disturbed by other work on a shared machine. */
function time(run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < MEASURED_ROUNDS; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

const mbPerSecond = (bytes: number, ms: number) => bytes / 1024 / 1024 / (ms / 1000);

for (let i = 0; i < WARM_UP_ROUNDS; i++) for (const s of seeds) parseBankDocument({ bytes: s.bytes, sourceFile: s.name });

const seedBytes = seeds.reduce((n, s) => n + s.bytes.length, 0);
const seedMs = time(() => {
  for (const s of seeds) parseBankDocument({ bytes: s.bytes, sourceFile: s.name });
});

const joined = Buffer.concat(seeds.map((s) => Buffer.concat([s.bytes, Buffer.from("\n\n")])));
const tenfold = Buffer.concat(Array.from({ length: 10 }, () => joined));
parseBankDocument({ bytes: tenfold, sourceFile: "seeds-x10" });
const tenfoldMs = time(() => parseBankDocument({ bytes: tenfold, sourceFile: "seeds-x10" }));

const rows = seeds.map((s) => {
  const doc = parseBankDocument({ bytes: s.bytes, sourceFile: s.name });
  return {
    seed: s.name,
    kB: Math.round(s.bytes.length / 1024),
    questions: doc.questions.length,
    followUps: doc.questions.reduce((n, q) => n + q.followUps.length, 0),
    rubricCriteria: doc.questions.reduce((n, q) => n + q.rubric.length, 0),
  };
});

console.table(rows);
console.log(
  `five seeds:        ${seedMs.toFixed(1)} ms  ${mbPerSecond(seedBytes, seedMs).toFixed(2)} MB/s  (${(seedBytes / 1024).toFixed(0)} kB, target < 300 ms)`,
);
console.log(
  `10x concatenation: ${tenfoldMs.toFixed(1)} ms  ${mbPerSecond(tenfold.length, tenfoldMs).toFixed(2)} MB/s  (${(tenfold.length / 1024).toFixed(0)} kB)`,
);
console.log(`time ratio 10x / 1x: ${(tenfoldMs / seedMs).toFixed(2)} (linear ≈ 10)`);
