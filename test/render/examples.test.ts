// Help and "please ask in words" examples come from the coverage that is loaded, not from the seeds.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplesFrom, forExample } from '../../src/render/examples.js';
import { loadCoverage } from '../../src/statements/loadCoverage.js';
import { ROOT, SEEDS } from '../helpers.js';

describe('examplesFrom', () => {
  it('names the most quoted person of the coverage loaded, and asks about them', async () => {
    const seeds = examplesFrom(await loadCoverage(SEEDS));
    const other = examplesFrom(await loadCoverage(join(ROOT, 'test/fixtures/bbc-style')));
    expect(seeds.person).toBeTruthy();
    expect(other.person).toBeTruthy();
    expect(other.person).not.toBe(seeds.person);
    expect(other.question).toBe(`What did ${other.person} say?`);
  });

  it('falls back to a title, then to no example at all', () => {
    const titled = { people: [], articles: [{ title: 'Library stays open' }] } as never;
    expect(examplesFrom(titled)).toEqual({ question: 'What happened in “Library stays open”?', person: null });
    expect(examplesFrom({ people: [], articles: [] })).toEqual({ question: null, person: null });
    expect(forExample('ask', 'question', null)).toBe('');
    expect(forExample('who', 'person', 'Lammy')).toBe(', e.g. `/who person: Lammy`');
  });
});
