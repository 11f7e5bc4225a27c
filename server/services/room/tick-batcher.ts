/**
 * Collects the calls made in the same turn of the event loop and answers them with one batched call
 * (`run` gets every key and returns one value per key, in order). After a restart every client rejoins
 * at once; this turns a thousand small queries into a few.
 */
export function tickBatcher<K, V>(run: (keys: K[]) => Promise<V[]>): (key: K) => Promise<V> {
  let waiting: Array<{ key: K; resolve: (value: V) => void; reject: (error: unknown) => void }> | null = null;
  return (key) =>
    new Promise<V>((resolve, reject) => {
      if (waiting) return void waiting.push({ key, resolve, reject });
      const batch = [{ key, resolve, reject }];
      waiting = batch;
      setImmediate(() => {
        waiting = null;
        run(batch.map((entry) => entry.key)).then(
          (values) => batch.forEach((entry, i) => entry.resolve(values[i]!)),
          (error: unknown) => batch.forEach((entry) => entry.reject(error)),
        );
      });
    });
}
