import { transform } from "sucrase";
import { createJavaScriptEngine } from "../javascript-engine";
import { serveRuntime, type WorkerScope } from "../worker-host";
import { loadQuickJs } from "./quickjs";

/** Types are removed, nothing else: line numbers stay those of the code as typed. */
function stripTypes(code: string): string {
  return transform(code, { transforms: ["typescript"], disableESTransforms: true, filePath: "main.ts" }).code;
}

serveRuntime(self as unknown as WorkerScope, async () => createJavaScriptEngine(await loadQuickJs(), stripTypes));
