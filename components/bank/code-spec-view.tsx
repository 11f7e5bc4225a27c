import { Badge } from "@/components/ui/badge";
import { LANGUAGE_NAMES } from "@/components/bank/code-draft";
import type { CodeSpec } from "@/server/domain/code/code-spec";

/** How the tests call the code, in words. */
function callsIn(code: CodeSpec): string {
  if (code.language === "sql") return "Tests run the query after their setup";
  return code.entry === null ? "Tests feed standard input" : `Tests call ${code.entry}()`;
}

const preClasses =
  "overflow-x-auto rounded-lg border bg-muted/60 p-3 font-mono text-[12.5px] leading-[1.6] whitespace-pre outline-none focus-visible:ring-2 focus-visible:ring-ring";

/** Its language and how its tests call it, as chips. */
export function CodeChips({ code }: { code: CodeSpec }) {
  return (
    <div className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
      <Badge variant="accent">{LANGUAGE_NAMES[code.language]}</Badge>
      <span className={code.entry ? "font-mono" : undefined}>{callsIn(code)}</span>
    </div>
  );
}

/** A coding question's starter code and test cases, as the bank shows them. Nothing here is secret: the candidate's browser runs it. */
export function CodeSpecView({ code }: { code: CodeSpec }) {
  return (
    <div className="grid min-w-0 gap-4" data-testid="question-code">
      <CodeChips code={code} />
      <div className="grid gap-1.5">
        <p className="text-xs font-medium tracking-wide text-muted-foreground uppercase">Starter code</p>
        {code.starterCode.trim() === "" ? (
          <p className="text-sm text-muted-foreground">The pad starts empty.</p>
        ) : (
          <pre tabIndex={0} className={preClasses}>
            {code.starterCode}
          </pre>
        )}
      </div>
      <div className="grid gap-1.5">
        <p className="text-xs font-medium tracking-wide text-muted-foreground uppercase">Test cases ({code.tests.length})</p>
        {code.tests.length === 0 ? <p className="text-sm text-muted-foreground">None: a run shows the output only.</p> : <TestList code={code} />}
      </div>
    </div>
  );
}

function TestList({ code }: { code: CodeSpec }) {
  const [input, expected] = code.language === "sql" ? ["Setup", "Expected rows"] : code.entry === null ? ["Input", "Output"] : ["Arguments", "Returns"];
  return (
    <ol className="grid gap-2">
      {code.tests.map((test, index) => (
        <li key={index} className="grid min-w-0 gap-1.5 rounded-lg border bg-muted/25 p-3 text-[13px]" data-testid="question-code-test">
          <p className="font-medium">{test.name}</p>
          <dl className="grid min-w-0 gap-x-3 gap-y-1 sm:grid-cols-[6.5rem_minmax(0,1fr)]">
            <dt className="text-muted-foreground">{input}</dt>
            <dd className="min-w-0 font-mono text-[12.5px] whitespace-pre-wrap [overflow-wrap:anywhere]">{test.input === "" ? "(empty)" : test.input}</dd>
            <dt className="text-muted-foreground">{expected}</dt>
            <dd className="min-w-0 font-mono text-[12.5px] whitespace-pre-wrap [overflow-wrap:anywhere]">{test.expected === "" ? "(empty)" : test.expected}</dd>
          </dl>
        </li>
      ))}
    </ol>
  );
}
