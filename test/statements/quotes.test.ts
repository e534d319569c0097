import { describe, expect, it } from 'vitest';
import { findQuotes, maskQuotes } from '../../src/statements/findQuotes.js';
import { analyse, fixture, saying } from './helpers.js';

describe('findQuotes', () => {
  it('finds curly quotes and keeps nested single quotes inside', () => {
    const { quotes } = findQuotes('He said: “it is time to say ‘yes’ or ‘no’.” Then he left.');
    expect(quotes.map((q) => q.text)).toEqual(['it is time to say ‘yes’ or ‘no’.']);
  });

  it('finds straight double quotes', () => {
    const { quotes } = findQuotes('"We will win," she said, "and soon."');
    expect(quotes.map((q) => q.text)).toEqual(['We will win,', 'and soon.']);
  });

  it('leaves a quote open at the end of a paragraph and continues it in the next', () => {
    const first = findQuotes('She said: “First part.');
    expect(first.openAtEnd).toBe(true);
    const next = findQuotes('“Second part.”', first.openAtEnd);
    expect(next.quotes[0]).toMatchObject({ text: 'Second part.', continues: true, closed: true });
    expect(findQuotes('“Not a continuation.”', false).quotes[0]!.continues).toBe(false);
  });

  it('treats single quotes as quotes only when a paragraph has no double ones, not apostrophes', () => {
    expect(findQuotes("The minister called it 'a disgrace' and didn't apologise.").quotes.map((q) => q.text)).toEqual(['a disgrace']);
    expect(findQuotes('He said “it’s fine”.').quotes.map((q) => q.text)).toEqual(['it’s fine']);
  });

  it('masks quoted words so nothing inside a quote is read as a cue', () => {
    const text = 'Mr A said: “Mr B said no.”';
    const masked = maskQuotes(text, findQuotes(text).quotes);
    expect(masked).toHaveLength(text.length);
    expect(masked).not.toContain('Mr B');
  });
});

describe('statements from quotes', () => {
  it('attributes straight-quoted speech, before and after the cue', () => {
    const { statements } = fixture('straight_quotes');
    expect(saying(statements, 'We will rebuild the bridge')).toMatchObject({ speaker: 'Jane Porter', kind: 'direct' });
    expect(saying(statements, 'Nobody will be left behind')?.speaker).toBe('Jane Porter');
    expect(saying(statements, 'It is about time')).toMatchObject({ speaker: 'Tom Baker', kind: 'direct' });
  });

  it('gives each paragraph of a multi-paragraph quote to the speaker, cited by its own paragraph', () => {
    const { statements } = fixture('multi_paragraph');
    expect(saying(statements, 'patient for too long')).toMatchObject({ speaker: 'Maria Lopez', paragraph: 1 });
    expect(saying(statements, 'ready to strike')).toMatchObject({ speaker: 'Maria Lopez', paragraph: 2, kind: 'direct' });
  });

  it('keeps nested single quotes inside the quoted text', () => {
    const { statements } = fixture('nested_and_partial');
    expect(saying(statements, "my answer is 'no'")?.speaker).toBe('Rachel Adams');
  });

  it('joins several partial quotes of one speaker in one sentence with " … "', () => {
    const { statements } = fixture('nested_and_partial');
    expect(saying(statements, 'the right one')).toMatchObject({ kind: 'partial', text: 'the right one … keep taxes low' });
  });

  it('gives a second quote after "…,” he said," to the same speaker', () => {
    const { statements } = fixture('tricky');
    expect(saying(statements, 'we will win big')?.text).toBe('We will win … and we will win big.');
  });

  it('does not attribute scare quotes that no cue reports', () => {
    const { statements } = analyse(' date 2024-03-06\nThe “substantive” talks were downgraded.\nMr Lee said: “Fine.”');
    expect(saying(statements, 'substantive')).toBeUndefined();
    expect(saying(statements, 'Fine')?.speaker).toBe('Lee');
  });
});
