import { createSqlEngine, SQL_PARSERS } from "../sql-engine";
import { serveRuntime, type WorkerScope } from "../worker-host";
import { runtimeUrl } from "./runtime-url";

/** PGlite's file-system bundle, stored gzipped (scripts/build-runtimes.ts): 1.9 MB to download instead of 6.3 MB. */
async function fileSystemBundle(): Promise<Blob> {
  const response = await fetch(runtimeUrl("pglite/pglite.data.gz"));
  if (!response.ok || !response.body) throw new Error(`pglite.data.gz: HTTP ${response.status}`);
  return new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).blob();
}

serveRuntime(self as unknown as WorkerScope, async () => {
  const [{ PGlite }, fsBundle] = await Promise.all([
    import(runtimeUrl("pglite/index.js")) as Promise<typeof import("@electric-sql/pglite")>,
    fileSystemBundle(),
  ]);
  return createSqlEngine(await PGlite.create({ parsers: SQL_PARSERS, fsBundle }));
});
