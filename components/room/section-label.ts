/** Heading paths repeat the document title and run long; the innermost heading says the most. */
export function sectionLabel(section: string[]): { short: string | null; full: string } {
  const deduped = section.filter((part, i) => part !== section[i - 1]);
  return { short: deduped.at(-1) ?? null, full: deduped.join(" › ") };
}
