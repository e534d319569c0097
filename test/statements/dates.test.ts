import { describe, expect, it } from 'vitest';
import { analyse, fixture, saying } from './helpers.js';

describe('saidOn', () => {
  // 2024-03-06 is a Wednesday.
  it('resolves a weekday to the latest such day on or before publication, never after', () => {
    const { statements } = fixture('weekdays');
    expect(saying(statements, 'waiting lists had fallen')?.saidOn).toBe('2024-03-06'); // on Wednesday
    expect(saying(statements, 'more money would follow')?.saidOn).toBe('2024-02-29'); // on Thursday: last week's
    expect(saying(statements, 'figures would be published')?.saidOn).toBe('2024-03-05'); // On Tuesday evening, …
    expect(saying(statements, 'encouraging')?.saidOn).toBe('2024-03-05'); // Yesterday, …
    expect(saying(statements, 'turned a corner')?.saidOn).toBe('2024-03-06'); // this afternoon
    for (const s of statements) expect(s.saidOn! <= s.publishedOn!).toBe(true);
  });

  it('leaves saidOn null in an undated article', () => {
    const { statements } = fixture('undated');
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) expect(s).toMatchObject({ saidOn: null, publishedOn: null });
  });

  it('ignores times that belong to another event', () => {
    const { statements } = fixture('other_clause_time');
    expect(statements.length).toBe(3);
    for (const s of statements) expect(s.saidOn).toBeNull();
  });

  it('ignores times inside the reported words', () => {
    const { statements } = analyse(' date 2024-03-06\nThe leaders spoke on Tuesday night and agreed to meet again, a UK source said.');
    expect(statements[0]).toMatchObject({ speaker: 'UK source', saidOn: null });
  });

  it('carries the time of the speech event to a quote that continues it', () => {
    const { statements } = analyse(
      ' date 2024-03-06\nTrade Secretary Dan Ford told MPs on Monday that exports had grown.\n“We are winning,” he said.\nMr Ford has also spoken of “hard choices”.',
    );
    expect(saying(statements, 'We are winning')?.saidOn).toBe('2024-03-04');
    expect(saying(statements, 'hard choices')?.saidOn).toBeNull(); // "has also spoken": another occasion
  });

  it('dates a statement from a leading participle or a time between subject and verb', () => {
    const { statements } = analyse(
      ' date 2024-03-06\nSpeaking at a press conference on Monday, Mr Ford pledged to “cut red tape”.\nWhite House officials on Tuesday accused him of “bluffing”.',
    );
    expect(saying(statements, 'cut red tape')?.saidOn).toBe('2024-03-04');
    expect(saying(statements, 'bluffing')?.saidOn).toBe('2024-03-05');
  });
});
