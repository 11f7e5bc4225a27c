import { createSqlEngine, SQL_PARSERS } from "../sql-engine";
import { serveRuntime, type WorkerScope } from "../worker-host";
import { runtimeUrl } from "./runtime-url";

serveRuntime(self as unknown as WorkerScope, async () => {
  const { PGlite } = (await import(runtimeUrl("pglite/index.js"))) as typeof import("@electric-sql/pglite");
  return createSqlEngine(await PGlite.create({ parsers: SQL_PARSERS }));
});
