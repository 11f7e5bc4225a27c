import { build } from "esbuild";

/**
 * The app's CodeRunner (components/runner/code-runner.ts) bundled for a page of the app, where evaluating
 * it sets `window.codeRunner`, a runner on the app's real workers (/runtimes/). For browser tests and
 * benches that run code as the Run panel does, without a room around it.
 */
export async function codeRunnerBundle(): Promise<string> {
  const bundled = await build({
    stdin: {
      contents:
        'import { browserWorker, CodeRunner } from "@/components/runner/code-runner";\nwindow.codeRunner = new CodeRunner({ createWorker: browserWorker });',
      resolveDir: process.cwd(),
      loader: "ts",
    },
    bundle: true,
    write: false,
    format: "iife",
    logLevel: "silent",
  });
  const script = bundled.outputFiles[0]?.text;
  if (!script) throw new Error("esbuild produced no bundle of the code runner");
  return script;
}
