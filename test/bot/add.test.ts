// /add end to end: stand-in → real discord.js client → real bot → a loopback web server, for the
// success path (the new page is then found by /ask through the running bot) and every refusal.
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/answer/openLibrary.js';
import { MANAGE_SERVER_PERMISSIONS, type User } from '../../src/standin/index.js';
import { snowflake } from '../../src/standin/snowflake.js';
import { articlePage, startPageServer, type PageServer } from '../fetch/pageServer.js';
import { SEEDS, tempDir } from '../helpers.js';
import { startHarness, type Harness } from './harness.js';

const BRIDGE = [
  'The old stone bridge over the River Wend reopened to traffic on Tuesday after six months of repairs costing £2.4m, Wendham council said.',
  '“People have waited long enough to drive into town the short way,” said Priya Shah, the council leader.',
  'Engineers replaced two of the five arches and strengthened the foundations against the winter floods that closed the crossing last year.',
  'Buses on route 7 will go back to their old timetable from Monday, the operator said.',
];
const FERRY = [
  'A passenger ferry between Wendham and Castlebay will run again from May, the harbour board announced on Thursday, after a two-year gap.',
  'The board said the new boat would carry 120 passengers and make four crossings a day in the summer months, weather permitting.',
  'Local traders welcomed the decision, saying the crossing brought visitors to the market town every weekend before it stopped.',
];

let server: PageServer;
let h: Harness;
let dir: string;

/** A fresh member for each test, so one test's adds never count against another's rate limit. */
function member(name: string): User {
  return { id: snowflake(), username: name, global_name: name, discriminator: '0', avatar: null };
}
const moderator = (name: string) => ({ user: member(name), member: { permissions: MANAGE_SERVER_PERMISSIONS } });
const add = (url: string, send: Parameters<Harness['standin']['sendCommand']>[2]) => h.standin.sendCommand('add', { url }, send).reply();

beforeAll(async () => {
  server = await startPageServer({
    '/news/bridge-reopens': {
      body: articlePage({ title: 'Wend bridge reopens after repairs', paragraphs: BRIDGE, site: 'Wendham Echo', published: '2025-03-04T09:00:00+00:00', author: 'Sam Okafor', canonical: 'https://wendham-echo.example/news/bridge-reopens' }),
    },
    '/news/ferry-returns': { body: articlePage({ title: 'Castlebay ferry to return', paragraphs: FERRY, site: 'Wendham Echo', published: '2025-03-06T12:00:00Z' }) },
    '/to-bridge?utm_source=x': { status: 302, location: '/news/bridge-reopens' },
    '/news/school-roof': { body: articlePage({ title: 'School roof repaired before term', site: 'Wendham Echo', paragraphs: ['The roof of Wendham primary school has been repaired in time for the new term, the county council said on Friday after a summer of work.', 'Head teacher Joan Marsh said pupils would be back in their own classrooms on Monday instead of the portable cabins they used in spring.'] }) },
    '/news/library-hours': { body: articlePage({ title: 'Library opening hours extended', site: 'Wendham Echo', paragraphs: ['Wendham library will open until eight in the evening on weekdays from April, the town council agreed at its monthly meeting on Wednesday night.', 'Councillors said the longer hours would be paid for by closing the reading room on Sunday mornings, when few visitors come in.'] }) },
    '/news/long-title': { body: articlePage({ title: `Harbour wall repairs${' harbour wall repairs'.repeat(200)}`, site: 'Wendham Echo', paragraphs: ['Repairs to the harbour wall at Castlebay will start in June and take four months, the harbour board said on Tuesday after a storm damaged it.', 'Fishing boats will moor at the north quay while the work goes on, and the ferry will use a temporary pontoon, the board added.'] }) },
    '/menu': { body: '<html><head><title>Sections</title></head><body><nav><a href="/a">News</a> <a href="/b">Sport</a></nav><p>Choose a section.</p></body></html>' },
    '/report.pdf': { type: 'application/pdf', body: '%PDF-1.4 ...' },
    '/huge': { body: Buffer.alloc(5 * 1024 * 1024 + 10, 0x20), chunked: true },
    '/slow': { body: articlePage({ title: 'Slow', paragraphs: FERRY }), delayMs: 4000 },
  });
  dir = tempDir();
  for (const name of readdirSync(SEEDS)) copyFileSync(join(SEEDS, name), join(dir, name));
  const library = await openLibrary({ seedsDir: dir, cacheDir: tempDir() });
  h = await startHarness({ library, env: { SEEDS_DIR: dir, ADD_ALLOW_PRIVATE: 'true', ADD_ROLE: 'Editors', ADD_TIMEOUT_S: '1' } });
});
afterAll(async () => {
  await h?.close();
  await server?.close();
});

describe('/add', () => {
  it('saves the page and a sidecar, replies with its citation, and the running bot then finds it', async () => {
    const reply = await add(server.url('/news/bridge-reopens'), moderator('mod-a'));
    expect(reply.flags & 64).toBe(64); // only the adder sees it
    // Cited by the host it was fetched from; the page's canonical URL and site name are only recorded.
    expect(reply.content).toBe(`Added “Wend bridge reopens after repairs” — 127.0.0.1 · 4 Mar 2025 (\`127-0-0-1-bridge-reopens\`) <${server.url('/news/bridge-reopens')}> — 4 paragraphs, searchable now as \`127-0-0-1-bridge-reopens\` ¶1–4.`);
    expect(existsSync(join(dir, '127-0-0-1-bridge-reopens.html'))).toBe(true);
    const sidecar = JSON.parse(readFileSync(join(dir, '127-0-0-1-bridge-reopens.json'), 'utf8'));
    expect(sidecar).toMatchObject({
      title: 'Wend bridge reopens after repairs',
      url: server.url('/news/bridge-reopens'),
      source: '127.0.0.1',
      publishedOn: '2025-03-04',
      byline: 'Sam Okafor',
      fetchedFrom: server.url('/news/bridge-reopens'),
      claimedUrl: 'https://wendham-echo.example/news/bridge-reopens',
      claimedSiteName: 'Wendham Echo',
    });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const answer = await h.standin.sendCommand('ask', { question: 'When did the Wend bridge reopen after repairs?' }).reply();
    expect(answer.embeds[0]?.title).toBe('1. Wend bridge reopens after repairs'); // cited by its headline
    const who = await h.standin.sendCommand('who', { person: 'Priya Shah' }).reply();
    expect(JSON.stringify(who.embeds)).toMatch(/People have waited long enough/);
  });

  it('takes two adds at once and keeps both searchable', async () => {
    const [roof, hours] = await Promise.all([add(server.url('/news/school-roof'), moderator('mod-x')), add(server.url('/news/library-hours'), moderator('mod-y'))]);
    expect(roof.content).toMatch(/^Added “School roof repaired before term”/);
    expect(hours.content).toMatch(/^Added “Library opening hours extended”/);
    const docs = new Set(h.library.coverage.articles.map((a) => a.doc)); // the harness's copy is the old snapshot
    expect(docs.has('127-0-0-1-school-roof')).toBe(false);
    for (const [question, title] of [['When will pupils be back in their classrooms at Wendham primary?', 'School roof repaired before term'], ['How late will Wendham library open on weekdays?', 'Library opening hours extended']]) {
      const answer = await h.standin.sendCommand('ask', { question: question! }).reply();
      expect(answer.embeds[0]?.title, question).toContain(title!);
    }
  });

  it('lets a member with the configured role add', async () => {
    const reply = await add(server.url('/news/ferry-returns'), { user: member('editor'), member: { roles: [h.standin.world.editorsRoleId] } });
    expect(reply.content).toMatch(/^Added “Castlebay ferry to return” — 127\.0\.0\.1 · 6 Mar 2025/);
  });

  it('refuses a member without Manage Server or the role, before fetching anything', async () => {
    const before = server.requests.length;
    const reply = await add(server.url('/news/ferry-returns'), { user: member('reader') });
    expect(reply.content).toBe('Only members with the Manage Server permission or the “Editors” role can add articles.');
    expect(reply.flags & 64).toBe(64);
    expect(server.requests.length).toBe(before);
  });

  it.each(['ftp://files.example/story', 'javascript:alert(1)', 'www.example.org/story'])('refuses %s as not http(s)', async (url) => {
    expect((await add(url, moderator('mod-b'))).content).toBe('I can only add http:// or https:// links.');
  });

  it('says where a link is already covered, also when it arrives by another address', async () => {
    const again = await add(server.url('/to-bridge?utm_source=x'), moderator('mod-c'));
    expect(again.content).toBe(`Already covered: “Wend bridge reopens after repairs” — 127.0.0.1 · 4 Mar 2025 (\`127-0-0-1-bridge-reopens\`) <${server.url('/news/bridge-reopens')}>.`);
  });

  it('keeps the reply within Discord’s 2,000 characters for a very long title', async () => {
    const reply = await add(server.url('/news/long-title'), moderator('mod-long'));
    expect(reply.content).toMatch(/^Added “Harbour wall repairs(?: harbour wall repairs)*…” — 127\.0\.0\.1 · /u);
    expect(reply.content.length).toBeLessThanOrEqual(2000);
    expect(reply.content).toMatch(/searchable now as `127-0-0-1-long-title` ¶1–2\.$/u);
  });

  it('refuses a page over 5 MB', async () => {
    expect((await add(server.url('/huge'), moderator('mod-d'))).content).toBe('That page is too large to add (the page is over 5 MB).');
  });

  it('refuses a page slower than the time limit', async () => {
    expect((await add(server.url('/slow'), moderator('mod-e'))).content).toBe('That page took too long to load (the site did not answer within 1 s).');
  });

  it('refuses what is not an article', async () => {
    expect((await add(server.url('/menu'), moderator('mod-f'))).content).toMatch(/^That link doesn’t look like a news article: not an article/);
    expect((await add(server.url('/report.pdf'), moderator('mod-f'))).content).toBe('That link doesn’t look like a news article: the link is not a web page (application/pdf).');
  });

  it('allows five adds a minute per member', async () => {
    const send = moderator('busy');
    for (let i = 0; i < 5; i++) expect((await add(server.url('/menu'), send)).content).toMatch(/doesn’t look like a news article/);
    expect((await add(server.url('/menu'), send)).content).toMatch(/^You can add at most 5 articles a minute; try again in \d+ s\.$/);
    // Someone else is not held back.
    expect((await add(server.url('/menu'), moderator('other'))).content).toMatch(/doesn’t look like a news article/);
  });
});

describe('/add without ADD_ALLOW_PRIVATE', () => {
  let strict: Harness;
  beforeAll(async () => {
    strict = await startHarness({ library: h.library, env: { SEEDS_DIR: dir } });
  });
  afterAll(() => strict?.close());

  it('refuses loopback and private addresses, by address or by name, without connecting', async () => {
    const before = server.requests.length;
    for (const url of [server.url('/news/ferry-returns'), `http://localhost:${server.port}/news/ferry-returns`, 'http://10.20.30.40/', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/']) {
      const reply = await strict.standin.sendCommand('add', { url }, moderator('mod-g')).reply();
      expect(reply.content, url).toMatch(/^I won’t fetch that link: it points to a private, loopback or link-local address \(.+(loopback|private|link-local) address.*\)\.$/);
    }
    expect(server.requests.length).toBe(before);
  });
});
