// /coverage end to end (stand-in → real discord.js client → real bot → real library over a folder
// made for it), and an empty coverage folder: the bot starts and says so.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/answer/openLibrary.js';
import { DOC, ROOT, SEEDS, tempDir } from '../helpers.js';
import { buttonLabelled, startHarness, type Harness } from './harness.js';

let h: Harness;
let empty: Harness;
let dir: string;

beforeAll(async () => {
  dir = tempDir();
  copyFileSync(join(ROOT, 'test/fixtures/bbc-style/business_001.txt'), join(dir, 'business_001.txt'));
  copyFileSync(join(SEEDS, `${DOC.d000}.txt`), join(dir, `${DOC.d000}.txt`));
  copyFileSync(join(SEEDS, `${DOC.d004}.txt`), join(dir, `${DOC.d004}.txt`));
  writeFileSync(join(dir, `${DOC.d000}.json`), JSON.stringify({ title: 'Lammy meets Ukrainian counterpart', url: 'https://example.org/lammy' }));
  writeFileSync(join(dir, 'coverage.json'), JSON.stringify({ source: 'BBC News' }));
  writeFileSync(join(dir, 'broken.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
  const library = await openLibrary({ seedsDir: dir, cacheDir: tempDir() });
  h = await startHarness({ library });
  const none = await openLibrary({ seedsDir: tempDir(), cacheDir: tempDir() });
  empty = await startHarness({ library: none });
});
afterAll(async () => {
  await h?.close();
  await empty?.close();
});

describe('/coverage', () => {
  it('says what the bot covers: counts, date range, sources, the newest with links', async () => {
    const reply = await h.standin.sendCommand('coverage').reply();
    expect(reply.flags & 64).toBe(0);
    const [overview] = reply.embeds;
    expect(overview!.description).toContain('**3 articles**');
    expect(overview!.description).toContain('Published 21 Feb 2025 – 23 Apr 2025 (1 undated)');
    expect(overview!.description).toContain('1 file skipped (moderators can see which)');
    const fields = Object.fromEntries(overview!.fields!.map((f) => [f.name, f.value]));
    // The two Independent articles name their publisher; the BBC one takes the folder's source.
    expect(fields['Sources (2)']).toBe('The Independent — 2\nBBC News — 1');
    expect(fields['Newest']!.split('\n')).toEqual([
      '[Lammy meets Ukrainian counterpart](https://example.org/lammy) · The Independent · 23 Apr 2025',
      `${DOC.d004.replace("_", "\\_")} · The Independent · 21 Feb 2025`,
    ]);
    expect(JSON.stringify(reply)).not.toContain('broken.txt');
  });

  it('shows a moderator (Manage Server) the skipped files and why, only to them, on a further page', async () => {
    const ix = h.standin.sendCommand('coverage', {}, { user: h.standin.world.moderator });
    const reply = await ix.reply();
    expect(reply.flags & 64).toBe(64);
    expect(reply.content).toBe('**Coverage** — page 1 of 2');
    const page2 = await h.standin.clickButton(ix, buttonLabelled(reply, 'Next').custom_id, { user: h.standin.world.moderator }).final();
    expect(page2.kind).toBe('message');
    const embed = page2.kind === 'message' ? page2.message.embeds[0]! : null;
    expect(embed!.title).toBe('Skipped files (1)');
    expect(embed!.description).toMatch(/broken\.txt — binary file/u);
  });
});

describe('an empty coverage folder', () => {
  it('still starts the bot; /ask and /coverage say the coverage is empty', async () => {
    const ask = await empty.standin.sendCommand('ask', { question: 'Where will Trump meet Putin?' }).reply();
    expect(ask.content).toMatch(/^The coverage is empty/u);
    const coverage = await empty.standin.sendCommand('coverage').reply();
    expect(coverage.content).toMatch(/^The coverage is empty/u);
  });
});

describe('renderCoverage', () => {
  it('writes large counts with separators and says when nothing is dated', async () => {
    const { renderCoverage } = await import('../../src/render/coverage.js');
    const [page] = renderCoverage(
      { articles: 2207, paragraphs: 10530, dated: 0, dateRange: null, sources: [{ source: 'BBC News', articles: 2207 }], newest: [], skipped: [] },
      { showSkipped: false },
    );
    expect(page!.embeds[0]!.description).toBe('**2,207 articles**, 10,530 paragraphs\nNo article is dated');
    expect(page!.embeds[0]!.fields).toEqual([{ name: 'Sources (1)', value: 'BBC News — 2,207' }]);
  });

  it('says how to name a source when articles give none', async () => {
    const { renderCoverage } = await import('../../src/render/coverage.js');
    const [page] = renderCoverage(
      { articles: 2207, paragraphs: 10530, dated: 0, dateRange: null, sources: [{ source: null, articles: 2207 }], newest: [], skipped: [] },
      { showSkipped: false },
    );
    expect(page!.embeds[0]!.fields![0]).toEqual({ name: 'Sources (1)', value: '*no source given* — 2,207' });
    expect(page!.embeds[0]!.footer?.text).toMatch(/^2,207 articles name no source\. .*COVERAGE_SOURCE="BBC News".*coverage\.json/u);
    const [named] = renderCoverage(
      { articles: 1, paragraphs: 1, dated: 0, dateRange: null, sources: [{ source: 'BBC News', articles: 1 }], newest: [], skipped: [] },
      { showSkipped: false },
    );
    expect(named!.embeds[0]!.footer).toBeUndefined();
  });
});
