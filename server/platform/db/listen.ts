import pg from "pg";

export interface Listening {
  stop(): Promise<void>;
}

/**
 * Calls `onNotify` for every NOTIFY on `channel`, over a connection of its own (a LISTEN stays open, so it
 * is not the pool's). A lost connection is reported and opened again after a pause; until then the
 * listener's owner falls back to its poll.
 */
export async function listen(
  databaseUrl: string,
  channel: string,
  onNotify: () => void,
  reportError?: (what: string, error: unknown) => void,
): Promise<Listening> {
  let stopped = false;
  let client: pg.Client | null = null;
  const open = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on("notification", onNotify);
    next.on("error", (error) => {
      reportError?.(`the LISTEN ${channel} connection failed`, error);
      if (client === next) client = null;
      setTimeout(() => void (!stopped && !client ? open().catch(() => undefined) : undefined), 5_000).unref();
    });
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    client = next;
  };
  await open();
  return {
    async stop() {
      stopped = true;
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
