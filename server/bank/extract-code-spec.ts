import { CODE_LIMITS, codeSpecSchema, type CodeSpec, type TestCase } from "@/server/domain/code/code-spec";
import type { Unit } from "./blocks";
import { literalToJson, splitTopLevel } from "./code-literal";
import { exampleText, findExamples, type WrittenExample } from "./code-examples";
import { functionsIn, type FoundFunction } from "./code-signature";

/**
 * A coding question's starter code and test cases, from a write-up that shows a function signature and
 * worked examples (LeetCode's layout). Only when the document says which function the question is
 * about; otherwise null, since a wrong test would fail every correct answer in the interview:
 *
 * - the entry function is the one the title names ("Two Sum" → twoSum), else the one every example
 *   calls (its parameters are the examples' names), else the only method of `class Solution`;
 * - tests come from the examples only when every example reads as arguments and a value, and never
 *   for a function that returns nothing (its examples show an argument changed in place).
 */

type Evidence = { fn: FoundFunction; score: number };

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");
const wordsOf = (text: string): string[] => text.match(/[A-Za-z_$][\w$]*/g) ?? [];

/**
 * The title is the function's name in words ("Two Sum" for twoSum), or the prompt asks for it by name
 * ("Implement `debounce(fn, ms)`"). A prompt that only mentions a function ("How does useState work?")
 * is about it, not a request to write it.
 */
function namesFunction(prompt: string, name: string): boolean {
  if (/\s/.test(prompt.trim()) && squash(name) === squash(prompt)) return true;
  return /^(?:write|implement|complete|code|define)\b/i.test(prompt) && wordsOf(prompt).includes(name);
}

/** "nums = [2,7,11,15], target = 9" (or "[2,7,11,15], 9") as the JSON array of the arguments in `params`' order. */
export function argumentsJson(input: string, params: readonly string[]): string | null {
  const parts = splitTopLevel(input);
  const named = parts.map((part) => /^([A-Za-z_$][\w$]*)\s*=(?!=)\s*([\s\S]+)$/.exec(part));
  let values: Array<string | undefined>;
  if (named.every((m) => m !== null)) {
    const byName = new Map(named.map((m) => [m[1], m[2]]));
    if (byName.size !== parts.length || byName.size !== params.length) return null;
    values = params.map((name) => byName.get(name));
  } else if (named.every((m) => m === null) && parts.length === params.length) {
    values = parts;
  } else {
    return null;
  }
  const json = values.map((value) => (value === undefined ? null : literalToJson(value)));
  return json.every((value) => value !== null) ? `[${json.join(",")}]` : null;
}

/** The value after "Output:": all of it, else its first line (prose often follows on the next). */
function outputJson(output: string): string | null {
  return literalToJson(output) ?? literalToJson(output.split("\n")[0] ?? "");
}

/** The examples as test cases of `fn`, or null when any of them does not read as a call of it. */
function testsFor(fn: FoundFunction, examples: readonly WrittenExample[]): TestCase[] | null {
  const tests: TestCase[] = [];
  for (const example of examples) {
    const input = argumentsJson(example.input, fn.params);
    const expected = outputJson(example.output);
    if (input === null || expected === null) return null;
    if (input.length <= CODE_LIMITS.testValueChars && expected.length <= CODE_LIMITS.testValueChars) tests.push({ name: example.name, input, expected });
  }
  return tests;
}

function evidenceFor(fn: FoundFunction, functions: readonly FoundFunction[], prompt: string, examples: readonly WrittenExample[]): Evidence {
  const named = namesFunction(prompt, fn.name);
  const called = examples.length > 0 && fn.params.length > 0 && testsFor(fn, examples) !== null;
  const solutionMethods = new Set(functions.filter((f) => f.inSolutionClass).map((f) => f.name));
  const onlyMethod = fn.inSolutionClass && solutionMethods.size === 1;
  return { fn, score: (named ? 4 : 0) + (called ? 2 : 0) + (onlyMethod ? 1 : 0) };
}

/** The function the question is about: the best-evidenced one, if no other name has as much. */
function entryFunction(functions: readonly FoundFunction[], prompt: string, examples: readonly WrittenExample[]): FoundFunction | null {
  const ranked = functions.map((fn) => evidenceFor(fn, functions, prompt, examples)).filter((e) => e.score > 0);
  const best = Math.max(0, ...ranked.map((e) => e.score));
  const top = ranked.filter((e) => e.score === best);
  if (top.length === 0 || new Set(top.map((e) => e.fn.name)).size > 1) return null;
  return top[0]?.fn ?? null;
}

/** Says in place, not by a returned value: "Do not return anything, modify nums in-place instead." */
const IN_PLACE = /\bin[- ]place\b|\bdo not return anything\b/i;

/** A write-up of one problem defines a few functions; a question with more is a library or a tutorial, not a coding task. */
const MAX_FUNCTIONS = 12;

/** The question's code spec from its units (statement and answer, in document order), or null. */
export function extractCodeSpec(prompt: string, units: readonly Unit[]): CodeSpec | null {
  const functions = units.flatMap((unit) => (unit.kind === "code" ? functionsIn(unit.value, unit.lang) : []));
  if (functions.length === 0 || functions.length > MAX_FUNCTIONS) return null;
  const text = exampleText(units);
  const found = findExamples(text);
  const examples = found.unreadable ? [] : found.examples.slice(0, CODE_LIMITS.testsPerQuestion);
  const fn = entryFunction(functions, prompt, examples);
  if (!fn || fn.unsupportedTypes) return null;
  const inPlace = fn.returnsNothing || IN_PLACE.test(`${prompt}\n${text}`);
  const tests = inPlace ? [] : (testsFor(fn, examples) ?? []);
  const spec = codeSpecSchema.safeParse({ language: fn.language, starterCode: fn.starterCode, entry: fn.name, tests });
  return spec.success ? spec.data : null;
}
