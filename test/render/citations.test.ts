// What a reader sees of each answer, on real articles through the real library: titles (linked
// where the URL is known) in every citation, the sentences that answer a long paragraph, and
// markdown and mentions from articles and questions shown as written, never as formatting or pings.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/answer/openLibrary.js';
import { toJsonPassages } from '../../src/cli/askJson.js';
import { renderAnswerText } from '../../src/render/answerText.js';
import { renderAsk, renderDiscordAsText, renderWho } from '../../src/render/discord.js';
import { ROOT, tempDir } from '../helpers.js';

const BBC = join(ROOT, 'test/fixtures/bbc-style');

describe('citations', () => {
  it('name a BBC-style article (headline line, no date) by its headline, with the folder source', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'coverage.json'), JSON.stringify({ source: 'BBC News' }));
    const { readFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'business_001.txt'), readFileSync(join(BBC, 'business_001.txt')));
    const library = await openLibrary({ seedsDir: dir, cacheDir: tempDir() });
    const answer = library.ask('Why did Time Warner profits jump?');
    const [page] = renderAsk(answer);
    const embed = page!.embeds[0]!;
    expect(embed.title).toMatch(/^1\. Ad sales boost Time Warner profit$/u);
    expect(embed.footer!.text).toMatch(/^BBC News · undated · ¶\d+$/u);
    expect(renderAnswerText(answer)).toMatch(/^1\. Ad sales boost Time Warner profit · BBC News · undated · ¶\d+$/mu);
    // The headline is the title, never a passage of its own.
    expect(answer.passages.map((p) => p.text)).not.toContain('Ad sales boost Time Warner profit');
  });

  it('show a sidecar title as a link, leave out a source nobody gave, and cite alsoIn the same way', async () => {
    const dir = tempDir();
    const text = 'The Riverton council voted on Tuesday to keep the library open after a campaign by readers.';
    writeFileSync(join(dir, 'a.txt'), `${text}\n\nThe vote was close.`);
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ title: 'Riverton library saved', url: 'https://example.org/riverton' }));
    writeFileSync(join(dir, 'b.txt'), `Library vote\n\n${text}`);
    const library = await openLibrary({ seedsDir: dir, cacheDir: tempDir() });
    const answer = library.ask('Riverton library vote');
    const [page] = renderAsk(answer);
    const first = page!.embeds[0]!;
    expect(answer.passages[0]!.alsoIn).toHaveLength(1);
    const titles = [first.title, first.fields?.[0]?.value];
    expect(titles.join('\n')).toContain('Riverton library saved');
    expect(titles.join('\n')).toContain('Library vote');
    expect(JSON.stringify(page)).not.toMatch(/unknown source|source not stated/iu);
    if (answer.passages[0]!.doc === 'a') {
      expect(first.url).toBe('https://example.org/riverton');
      expect(first.fields![0]!.value).toBe('Library vote · undated · ¶1');
    } else {
      expect(first.fields![0]!.value).toBe('[Riverton library saved](https://example.org/riverton) · undated · ¶1');
      expect(renderDiscordAsText(page!)).toContain('Riverton library saved <https://example.org/riverton> · undated · ¶1');
    }
  });

  it('in /who give the title of the article each statement comes from', async () => {
    const library = await openLibrary({ seedsDir: BBC, cacheDir: tempDir() });
    const answer = library.who('Abbott');
    expect(answer.statements.length).toBeGreaterThan(0);
    const titles = new Map(library.coverage.articles.map((a) => [a.doc, a]));
    const [page] = renderWho(answer, { articleOf: (doc) => titles.get(doc) });
    const value = page!.embeds[0]!.fields![0]!.value;
    expect(value.split('\n').at(-1)).toMatch(/^US state acts to stop 'spammers' · undated · ¶\d+$/u);
  });
});

describe('a long paragraph', () => {
  it('is shown as the sentences that answer, with "…" where text is left out', async () => {
    const library = await openLibrary({ seedsDir: BBC, cacheDir: tempDir() });
    const answer = library.ask('What penalties do the acts confer?', { limit: 10 });
    const long = answer.passages.find((p) => p.doc === 'tech_273' && p.text.length > 2000);
    expect(long).toBeDefined();
    const [page] = renderAsk({ ...answer, passages: [long!] });
    const shown = renderDiscordAsText(page!);
    expect(shown).toContain('cash **penalties** for each violation of their terms. If the men are found guilty');
    expect(shown).toMatch(/│ … .*\*\*penalties\*\*.* …$/mu);
    expect(page!.embeds[0]!.description!.length).toBeLessThan(700);
    expect(page!.embeds[0]!.footer!.text).toMatch(/¶3$/u);
    expect(shown).not.toContain('Ryan Samuel Pitylak');
    // ask --json keeps the whole paragraph beside what the reader is shown.
    const [json] = toJsonPassages({ ...answer, passages: [long!] });
    expect(json!.text).toBe(long!.text);
    expect(json!.excerpt).toMatch(/^… .*All three acts confer cash penalties for each violation of their terms\..* …$/u);
    expect(json!.excerpt.length).toBeLessThan(600);
    expect(json).toMatchObject({ title: "US state acts to stop 'spammers'", url: null });
  });
});

describe('markdown and mentions', () => {
  it('in an article show as written; highlighting still bolds the matched words', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'a.txt'),
      '**Riverton library** will stay open, said the mayor, who thanked _everyone_ and @everyone in a post ~~today~~ with a `code` |spoiler| <@123456789012345678>.\n# Readers cheered\n> 1. The vote was 7-2.\n1. The mayor thanked readers.',
    );
    const library = await openLibrary({ seedsDir: dir, cacheDir: tempDir() });
    const [page] = renderAsk(library.ask('Riverton library'));
    const description = page!.embeds.map((e) => e.description).join('\n');
    expect(description).toContain('\\*\\***Riverton** **library**\\*\\* will stay open');
    expect(description).toContain('\\_everyone\\_');
    expect(description).toContain('\\~\\~today\\~\\~');
    expect(description).toContain('\\`code\\` \\|spoiler\\|');
    expect(description).not.toMatch(/@everyone|<@\d+>/u);
    // Drawn as Discord draws it: the article's asterisks literal, the highlight bold.
    const drawn = renderDiscordAsText({ embeds: page!.embeds }, { ansi: true });
    expect(drawn).toContain('**\u001b[1mRiverton\u001b[22m \u001b[1mlibrary\u001b[22m** will stay open');
    const heading = renderAsk(library.ask('readers cheered'))[0]!.embeds[0]!.description;
    expect(heading).toBe('\\# **Readers** **cheered**');
    expect(renderAsk(library.ask('vote was 7-2'))[0]!.embeds[0]!.description).toMatch(/^\\> 1\. The \*\*vote\*\*/u);
    expect(renderAsk(library.ask('the mayor thanked readers'))[0]!.embeds.map((e) => e.description).join('\n')).not.toMatch(/^1\./mu);
  });

  it('in a question are escaped in the reply header and never ping', async () => {
    const library = await openLibrary({ seedsDir: BBC, cacheDir: tempDir() });
    const question = '**Why** did <@123456789012345678> and @everyone say Time Warner profits jumped?';
    const [page] = renderAsk(library.ask(question));
    expect(page!.content).toContain('“\\*\\*Why\\*\\* did <@\u200b123456789012345678> and @\u200beveryone say');
    const none = renderAsk(library.ask('<@&1234567890123456> @here zzzqqq'))[0]!.content;
    expect(none).not.toMatch(/@here|<@&\d+>/u);
    const who = renderWho(library.who('<@123456789012345678> **x**'))[0]!.content;
    expect(who).toContain('<@\u200b123456789012345678> \\*\\*x\\*\\*');
  });
});
