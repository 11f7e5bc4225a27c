import { createJavaScriptEngine } from "../javascript-engine";
import { serveRuntime, type WorkerScope } from "../worker-host";
import { loadQuickJs } from "./quickjs";

serveRuntime(self as unknown as WorkerScope, async () => createJavaScriptEngine(await loadQuickJs()));
