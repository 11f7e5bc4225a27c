import { createPythonEngine } from "../python-engine";
import { serveRuntime, type WorkerScope } from "../worker-host";
import { runtimeUrl } from "./runtime-url";

serveRuntime(self as unknown as WorkerScope, async () => {
  const { loadPyodide } = (await import(runtimeUrl("pyodide/pyodide.mjs"))) as typeof import("pyodide");
  return createPythonEngine(await loadPyodide({ indexURL: runtimeUrl("pyodide/") }));
});
