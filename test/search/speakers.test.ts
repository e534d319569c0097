// The speakers field: once statements name who speaks in a paragraph, a question naming the speaker
// finds a quote whose own words never mention them. Uses a hand-made statement until the statements
// work lands, so the test keeps holding after it does.
import { describe, expect, it } from 'vitest';
import { makeAsk } from '../../src/answer/ask.js';
import { loadCoverage } from '../../src/statements/loadCoverage.js';
import { buildSearchState } from '../../src/search/searchState.js';
import type { Person, Statement } from '../../src/types.js';
import { DOC, SEEDS } from '../helpers.js';

describe('speakers field', () => {
  it('finds "what did Healey say about the truce" from the speaker as well as the words', async () => {
    const { passages } = await loadCoverage(SEEDS);
    const quote = passages.find((p) => p.doc === DOC.d001 && p.text.includes('declared an Easter truce'))!;
    expect(quote.text).not.toContain('Healey');
    const statements: Statement[] = [
      { doc: quote.doc, paragraph: quote.paragraph, speaker: 'John Healey', text: 'he broke it', kind: 'direct', saidOn: null, publishedOn: quote.publishedOn, cue: 'he said' },
    ];
    const people: Person[] = [
      { name: 'John Healey', aliases: ['Healey', 'Mr Healey', 'Defence Secretary'], kind: 'person', roles: [], statements: 1, mentions: 3 },
    ];
    const ask = makeAsk(passages, buildSearchState(passages, { statements, people }));
    const [first] = ask('What did Healey say about the truce?').passages;
    expect(first).toMatchObject({ doc: quote.doc, paragraph: quote.paragraph });
  });
});
