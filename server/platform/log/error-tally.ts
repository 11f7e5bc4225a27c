/**
 * Logs failures once per interval with counts, so that a failure repeated under load (a database that
 * went away, say) costs one line per interval instead of a stack per command. The first of each kind is
 * logged at once, with its stack.
 */
export function createErrorTally(log: (line: string) => void, intervalMs = 10_000): (what: string, error: unknown) => void {
  const tally = new Map<string, { count: number; last: string }>();
  let timer: NodeJS.Timeout | null = null;

  function flush(): void {
    timer = null;
    for (const [what, { count, last }] of tally) if (count > 0) log(`${what} failed ${count} more time(s) in the last ${intervalMs / 1000} s; last: ${last}`);
    tally.clear();
  }

  return (what, error) => {
    const description = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const entry = tally.get(what);
    if (!entry) {
      log(`${what} failed: ${error instanceof Error ? (error.stack ?? description) : description}`);
      tally.set(what, { count: 0, last: description });
    } else {
      entry.count++;
      entry.last = description;
    }
    timer ??= setTimeout(flush, intervalMs).unref();
  };
}
