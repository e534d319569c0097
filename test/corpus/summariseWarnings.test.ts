// Loader warnings folded by kind: one line for eight unreadable date lines, the others as they were.
import { describe, expect, it } from 'vitest';
import { summariseWarnings } from '../../src/corpus/summariseWarnings.js';

describe('summariseWarnings', () => {
  it('folds each repeated kind into one line naming the count and the first, in place', () => {
    const dates = Array.from({ length: 8 }, (_, i) => `a${i}.txt: date line "Tuesday, ${i + 1} March" cannot be read (no year); treated as undated`);
    const out = summariseWarnings(['b.html: 2 item(s) with no body text left out', ...dates, 'skipped c.bin: binary file']);
    expect(out).toEqual([
      'b.html: 2 item(s) with no body text left out',
      `8 date lines could not be read; first: ${dates[0]}`,
      'skipped c.bin: binary file',
    ]);
  });

  it('leaves a kind seen once as it was', () => {
    expect(summariseWarnings(['x.txt: "2025-02-30" is not a real date; treated as undated'])).toEqual(['x.txt: "2025-02-30" is not a real date; treated as undated']);
  });
});
