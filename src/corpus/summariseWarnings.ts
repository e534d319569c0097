// Loader warnings as an operator reads them: one line per kind that repeats ("8 date lines could not
// be read; first: …") instead of the same eight lines on every command-line call and every start.
// Each kind keeps its first example in full; warnings of no known kind pass through unchanged.

const KINDS: { test: RegExp; many: string }[] = [
  { test: /date line ".*" cannot be read|is not a real date|front matter \w+: .*treated as undated/u, many: 'date lines could not be read' },
  { test: /stray control character/u, many: 'files had stray control characters replaced' },
  { test: /^skipped /u, many: 'files were skipped' },
];

/** The warnings with each repeated kind folded into one line: "N <kind>; first: <its first warning>". */
export function summariseWarnings(warnings: readonly string[]): string[] {
  const byKind = new Map<number, string[]>();
  const out: (string | number)[] = [];
  for (const warning of warnings) {
    const kind = KINDS.findIndex((k) => k.test.test(warning));
    if (kind < 0) {
      out.push(warning);
      continue;
    }
    const seen = byKind.get(kind);
    if (seen) seen.push(warning);
    else {
      byKind.set(kind, [warning]);
      out.push(kind); // the summary goes where the kind first appeared
    }
  }
  return out.map((item) => {
    if (typeof item === 'string') return item;
    const all = byKind.get(item)!;
    return all.length === 1 ? all[0]! : `${all.length.toLocaleString('en-GB')} ${KINDS[item]!.many}; first: ${all[0]}`;
  });
}
