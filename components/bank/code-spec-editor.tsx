"use client";

import { Code2, Plus, Trash2 } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { EditableList, EntryHeading } from "@/components/bank/editable-list";
import { Select, Textarea } from "@/components/bank/field-controls";
import { LANGUAGE_NAMES, NEW_CODE, nextTestName, type CodeDraft, type TestDraft } from "@/components/bank/code-draft";
import { CODE_LIMITS, RUNNABLE_LANGUAGES, type RunnableLanguage } from "@/server/domain/code/code-spec";

interface CodeSpecEditorProps {
  value: CodeDraft | null;
  /** By field: "entry", "tests", "tests.2.input" (codeDraftProblems). */
  problems: Record<string, string>;
  onChange: (value: CodeDraft | null) => void;
}

const mono = "font-mono text-[12.5px] leading-5";

/** What a test's two fields hold, by how the tests call the code (the contract's testCaseSchema). */
function testLabels(code: CodeDraft): { input: string; expected: string; inputHint: string; expectedHint: string } {
  if (code.language === "sql") return { input: "Setup SQL", expected: "Expected rows (JSON)", inputHint: "CREATE TABLE t (id int);", expectedHint: "[[1]]" };
  if (code.entry.trim() === "") return { input: "Standard input", expected: "Expected output", inputHint: "3 4", expectedHint: "7" };
  return { input: "Arguments (JSON array)", expected: "Returns (JSON)", inputHint: "[[2, 7, 11, 15], 9]", expectedHint: "[0, 1]" };
}

/** A coding question's language, starter code, function and test cases; "Add code" makes any question a coding one. */
export function CodeSpecEditor({ value, problems, onChange }: CodeSpecEditorProps) {
  if (!value) {
    return (
      <fieldset className="grid gap-2" data-testid="code-editor">
        <div className="flex items-center justify-between gap-2">
          <legend className="text-[13px] font-medium">Code</legend>
          <Button type="button" variant="ghost" size="sm" onClick={() => onChange(NEW_CODE)}>
            <Plus aria-hidden />
            Add code
          </Button>
        </div>
        <p className="text-[13px] text-muted-foreground">Not a coding question: no starter code or test cases.</p>
      </fieldset>
    );
  }
  const set = (patch: Partial<CodeDraft>) => onChange({ ...value, ...patch });
  const setTest = (index: number, patch: Partial<TestDraft>) => set({ tests: value.tests.map((test, i) => (i === index ? { ...test, ...patch } : test)) });
  return (
    <fieldset className="grid gap-4" data-testid="code-editor">
      <div className="flex items-center justify-between gap-2">
        <legend className="flex items-center gap-1.5 text-[13px] font-medium">
          <Code2 aria-hidden className="size-4 text-muted-foreground" />
          Code
        </legend>
        <Button type="button" variant="ghost" size="sm" onClick={() => onChange(null)}>
          <Trash2 aria-hidden />
          Remove code
        </Button>
      </div>
      <CodeSettings code={value} problem={problems.entry} onChange={set} />
      <StarterCode value={value.starterCode} problem={problems.starterCode} onChange={(starterCode) => set({ starterCode })} />
      <EditableList
        legend={`Test cases (${value.tests.length})`}
        addLabel="Add test"
        addDisabled={value.tests.length >= CODE_LIMITS.testsPerQuestion}
        onAdd={() => set({ tests: [...value.tests, { name: nextTestName(value.tests), input: "", expected: "" }] })}
        note={<TestsNote count={value.tests.length} problem={problems.tests} />}
      >
        {value.tests.map((test, index) => (
          <TestEntry
            key={index}
            index={index}
            test={test}
            labels={testLabels(value)}
            problems={problems}
            onChange={(patch) => setTest(index, patch)}
            onRemove={() => set({ tests: value.tests.filter((_, i) => i !== index) })}
          />
        ))}
      </EditableList>
    </fieldset>
  );
}

function CodeSettings({ code, problem, onChange }: { code: CodeDraft; problem: string | undefined; onChange: (patch: Partial<CodeDraft>) => void }) {
  const id = useId();
  return (
    <div className="grid gap-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
      <div className="grid content-start gap-2">
        <Label htmlFor={`${id}-language`}>Language</Label>
        <Select id={`${id}-language`} value={code.language} onChange={(event) => onChange({ language: event.target.value as RunnableLanguage })}>
          {RUNNABLE_LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {LANGUAGE_NAMES[language]}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid content-start gap-2">
        <Label htmlFor={`${id}-entry`}>Function the tests call</Label>
        {code.language === "sql" ? (
          <p className="py-2 text-[13px] text-muted-foreground">None: each test runs the candidate&apos;s query after its setup.</p>
        ) : (
          <>
            <Input
              id={`${id}-entry`}
              value={code.entry}
              placeholder="twoSum (empty: the tests feed standard input)"
              spellCheck={false}
              autoCapitalize="off"
              autoComplete="off"
              onChange={(event) => onChange({ entry: event.target.value })}
              aria-invalid={problem ? true : undefined}
              className={mono}
            />
            {problem ? <p className="text-[13px] text-destructive">{problem}</p> : null}
          </>
        )}
      </div>
    </div>
  );
}

function StarterCode({ value, problem, onChange }: { value: string; problem: string | undefined; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>Starter code</Label>
      <Textarea
        id={id}
        value={value}
        spellCheck={false}
        placeholder={"def twoSum(nums, target):\n    pass"}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problem ? true : undefined}
        className={`min-h-28 whitespace-pre ${mono}`}
      />
      <p className="text-xs text-muted-foreground">What the pad starts with. Never the solution: the candidate sees it.</p>
      {problem ? <p className="text-[13px] text-destructive">{problem}</p> : null}
    </div>
  );
}

function TestsNote({ count, problem }: { count: number; problem: string | undefined }) {
  if (problem) return <p className="text-[13px] text-destructive">{problem}</p>;
  const full = count >= CODE_LIMITS.testsPerQuestion;
  return (
    <p className="text-[13px] text-muted-foreground">
      {count === 0 ? "No test cases: a run shows the output only. " : ""}
      {full ? `A question has at most ${CODE_LIMITS.testsPerQuestion} test cases. ` : ""}
      Tests are not secret: they run in the candidate&apos;s browser.
    </p>
  );
}

function TestEntry({
  index,
  test,
  labels,
  problems,
  onChange,
  onRemove,
}: {
  index: number;
  test: TestDraft;
  labels: ReturnType<typeof testLabels>;
  problems: Record<string, string>;
  onChange: (patch: Partial<TestDraft>) => void;
  onRemove: () => void;
}) {
  const problem = (field: keyof TestDraft) => problems[`tests.${index}.${field}`];
  const n = index + 1;
  const fields = [
    { field: "input", label: labels.input, hint: labels.inputHint },
    { field: "expected", label: labels.expected, hint: labels.expectedHint },
  ] as const;
  return (
    <li className="grid gap-2 rounded-lg border bg-muted/30 p-3" data-testid="code-test">
      <EntryHeading index={index} removeLabel={`Remove test ${n}`} onRemove={onRemove}>
        <Input
          aria-label={`Test ${n} name`}
          value={test.name}
          onChange={(event) => onChange({ name: event.target.value })}
          aria-invalid={problem("name") ? true : undefined}
        />
      </EntryHeading>
      <div className="ml-7 grid gap-2 sm:grid-cols-2">
        {fields.map(({ field, label, hint }) => (
          <label key={field} className="grid content-start gap-1 text-xs text-muted-foreground">
            {label}
            <Textarea
              aria-label={`Test ${n}: ${label}`}
              value={test[field]}
              placeholder={hint}
              spellCheck={false}
              onChange={(event) => onChange({ [field]: event.target.value })}
              aria-invalid={problem(field) ? true : undefined}
              className={`min-h-14 text-foreground ${mono}`}
            />
            {problem(field) ? <span className="text-[13px] text-destructive">{problem(field)}</span> : null}
          </label>
        ))}
      </div>
      {problem("name") ? <p className="ml-7 text-[13px] text-destructive">{problem("name")}</p> : null}
    </li>
  );
}
