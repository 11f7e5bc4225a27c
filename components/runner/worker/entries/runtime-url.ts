/** A file of the runtimes folder, beside this worker's own script (public/runtimes/, scripts/build-runtimes.ts). */
export function runtimeUrl(path: string): string {
  return new URL(path, import.meta.url).href;
}
