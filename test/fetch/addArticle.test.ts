// /add trusts where a page was fetched from, not what the page says about itself: a page on one
// host that claims another site's canonical URL and name is cited by its own host, and cannot
// block that site's real article as "already covered". Two made-up hosts, both the loopback server.
import type { LookupAddress } from 'node:dns';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/corpus/loadArticles.js';
import { addArticle } from '../../src/fetch/addArticle.js';
import type { FetchOptions } from '../../src/fetch/fetchPage.js';
import { addedText, addRefusalText } from '../../src/render/addReply.js';
import { tempDir } from '../helpers.js';
import { articlePage, startPageServer, type PageServer } from './pageServer.js';

const STORY = [
  'The harbour board approved a new lifeboat station at Castlebay on Monday after a two-year campaign by the town’s volunteer crew.',
  'Work on the station will start in the spring and should be finished before next winter, the board said in a statement.',
  'The crew has launched from a borrowed shed on the slipway since the old station was damaged in a storm three years ago.',
  'Local businesses raised more than £40,000 towards the new building, which will house a bigger boat and a training room.',
];
const TITLE = 'Castlebay gets a new lifeboat station';

let server: PageServer;
// news.test is the real publisher; impostor.test copies its title, canonical URL and site name.
const lookup = ((host: string, _opts: unknown, callback: (e: NodeJS.ErrnoException | null, a: LookupAddress[]) => void) => {
  if (host === 'news.test' || host === 'impostor.test') return callback(null, [{ address: '127.0.0.1', family: 4 }]);
  callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), []);
}) as unknown as FetchOptions['lookup'];
const fetch: FetchOptions = { lookup, blocked: (a) => (a === '127.0.0.1' ? null : 'not the test server') };
const real = () => `http://news.test:${server.port}/news/lifeboat`;

beforeAll(async () => {
  server = await startPageServer({
    '/news/lifeboat': { body: articlePage({ title: TITLE, paragraphs: STORY, site: 'News Test', published: '2025-05-05T10:00:00Z' }) },
    '/copy': { body: articlePage({ title: TITLE, paragraphs: STORY, site: 'News Test', published: '2025-05-05T10:00:00Z', canonical: 'http://news.test/news/lifeboat' }) },
    '/long': { body: articlePage({ title: `Lifeboat ${'station '.repeat(600)}`, paragraphs: STORY, site: 'x'.repeat(3000) }) },
  });
});
afterAll(() => server?.close());

describe('/add cites a page by where it was fetched from', () => {
  it('an impostor claiming another site’s canonical URL and name is saved under its own host', async () => {
    const dir = tempDir();
    const added = await addArticle({ link: `http://impostor.test:${server.port}/copy`, coverageDir: dir, articles: [], fetch });
    expect(added.ok, JSON.stringify(added)).toBe(true);
    if (!added.ok) return;
    expect(added.draft).toMatchObject({ title: TITLE, publishedOn: '2025-05-05', source: 'impostor.test', url: `http://impostor.test:${server.port}/copy` });
    expect(added.path).toMatch(/\/impostor-copy\.html$/u); // named by the host it came from
    const sidecar = JSON.parse(readFileSync(added.sidecarPath, 'utf8'));
    expect(sidecar).toMatchObject({ source: 'impostor.test', url: `http://impostor.test:${server.port}/copy`, claimedUrl: 'http://news.test/news/lifeboat', claimedSiteName: 'News Test' });

    // As the bot loads it: cited by the impostor's host; the real article can still be added.
    const { articles } = await loadArticles(dir);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ source: 'impostor.test', url: `http://impostor.test:${server.port}/copy` });
    const genuine = await addArticle({ link: real(), coverageDir: dir, articles, fetch });
    expect(genuine).toMatchObject({ ok: true, draft: { source: 'news.test', url: real() } });

    // …and once it is in, the real article is already covered, whichever way it is linked.
    const both = (await loadArticles(dir)).articles;
    expect(await addArticle({ link: `${real()}?utm_source=feed`, coverageDir: dir, articles: both, fetch })).toMatchObject({ ok: false, refusal: 'already-covered', covered: { source: 'news.test' } });
  });

  it('keeps the reply for a page with a 4,800-character title and a 3,000-character site name within 2,000 characters', async () => {
    const dir = tempDir();
    const added = await addArticle({ link: `http://news.test:${server.port}/long`, coverageDir: dir, articles: [], fetch });
    expect(added.ok, JSON.stringify(added)).toBe(true);
    const [article] = (await loadArticles(dir)).articles;
    expect(article!.title!.length).toBeGreaterThan(4000);
    const reply = addedText(article!);
    expect(reply.length).toBeLessThanOrEqual(2000);
    expect(reply).toMatch(/^Added “Lifeboat station station .*…” — news\.test · undated \(`news-long`\) <http:\/\/news\.test:\d+\/long> — 4 paragraphs, searchable now as `news-long` ¶1–4\.$/u);
    const covered = addRefusalText('already-covered', { covered: { ...article!, source: 's'.repeat(5000), url: `https://example.org/${'a'.repeat(3000)}` } });
    expect(covered.length).toBeLessThanOrEqual(2000);
    expect(covered).toMatch(/^Already covered: “Lifeboat station .*…” — s+… · undated \(`news-long`\)\.$/u);
  });
});
