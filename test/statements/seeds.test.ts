import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateQuotes } from '../../src/eval/quotesEval.js';
import { whoSaid } from '../../src/statements/whoSaid.js';
import { seedCoverage } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the seeds', () => {
  it('shows none of the Prime Minister’s spokespeople’s words as Starmer’s', async () => {
    const coverage = await seedCoverage();
    const starmer = whoSaid(coverage, 'Starmer');
    expect(starmer.person?.name).toBe('Keir Starmer');
    const spokes = coverage.statements.filter((s) => /spokes/i.test(s.speaker)).map((s) => s.text);
    expect(spokes.length).toBeGreaterThanOrEqual(3);
    for (const s of starmer.statements) expect(spokes).not.toContain(s.text);
    expect(starmer.statements.map((s) => s.text)).toContain('backstop');
  });

  it('gives Healey, not Putin, the Easter truce quote, dated 2025-04-22', async () => {
    const coverage = await seedCoverage();
    const healey = whoSaid(coverage, 'Healey').statements.find((s) => s.text.includes('While Putin has said he declared an Easter truce, he broke it'));
    expect(healey).toMatchObject({ speaker: 'John Healey', saidOn: '2025-04-22', doc: '001_adce4d69149a0ea2' });
    expect(whoSaid(coverage, 'Putin').statements.some((s) => s.text.includes('Easter truce'))).toBe(false);
  });

  it('meets the dev gold: F1 ≥ 0.97, no wrong speaker, every date right', async () => {
    const coverage = await seedCoverage();
    const result = evaluateQuotes(coverage.statements, join(ROOT, 'eval', 'quotes.dev.jsonl'), coverage.people);
    expect(result.details.filter((d) => d.outcome === 'wrong speaker')).toEqual([]);
    expect(result.f1).toBeGreaterThanOrEqual(0.97);
    expect(result.datesRight).toBe(result.datesTotal);
  });

  it('counts a misattribution as both a false positive and a false negative', async () => {
    const coverage = await seedCoverage();
    const swapped = coverage.statements.map((s) => (s.speaker === 'Prime Minister’s official spokesman' ? { ...s, speaker: 'Keir Starmer' } : s));
    const result = evaluateQuotes(swapped, join(ROOT, 'eval', 'quotes.dev.jsonl'), coverage.people);
    expect(result.details.filter((d) => d.outcome === 'wrong speaker')).toHaveLength(2);
    expect(result.recall).toBeLessThan(1);
  });

  it('prints the command-line contract for who --json', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/who.ts'), '--json', '--seeds', join(ROOT, 'seeds'), 'Healey'], { encoding: 'utf8', cwd: ROOT });
    const parsed = JSON.parse(out) as { person: { name: string; aliases: string[] }; statements: Record<string, unknown>[] };
    expect(parsed.person.name).toBe('John Healey');
    expect(Object.keys(parsed.statements[0]!)).toEqual(['doc', 'paragraph', 'speaker', 'text', 'kind', 'saidOn', 'publishedOn', 'cue', 'title', 'url']);
    const quotes = JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/quotes.ts'), '--json', join(ROOT, 'test/fixtures/bbc-style')], { encoding: 'utf8', cwd: ROOT }),
    ) as { doc: string; title: string | null; url: string | null }[];
    expect(quotes.find((q) => q.doc === 'tech_273')).toMatchObject({ title: "US state acts to stop 'spammers'", url: null });
    const unknown = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/who.ts'), '--json', '--seeds', join(ROOT, 'seeds'), 'Nobody Atall'], { encoding: 'utf8', cwd: ROOT })) as Record<string, unknown>;
    expect(unknown).toMatchObject({ person: null, statements: [] });
    expect(Array.isArray(unknown.didYouMean)).toBe(true);
  });
});
