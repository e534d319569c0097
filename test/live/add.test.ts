// /add under a bot whose library follows its folder: the page is saved into the folder, and /add
// answers through the live library's onArticleAdded (no reopen), once the article is searchable:
// the reply's citation, then /ask and /who find it through the same running bot.
// Real discord.js client over the loopback stand-in, real loopback web server, real watcher.
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveLibrary } from '../../src/live/liveLibrary.js';
import { MANAGE_SERVER_PERMISSIONS } from '../../src/standin/index.js';
import { snowflake } from '../../src/standin/snowflake.js';
import { articlePage, startPageServer, type PageServer } from '../fetch/pageServer.js';
import { startHarness, type Harness } from '../bot/harness.js';
import { SEEDS, tempDir } from '../helpers.js';

const ORCHARD = [
  'The community orchard at Lower Farley will be replanted with forty heritage apple trees this winter, the parish council said on Monday.',
  '“Some of these varieties were grown here two hundred years ago,” said Helen Okoro, who chairs the orchard trust.',
  'Volunteers will plant the trees in February, and the first harvest is expected in three years.',
];

let server: PageServer;
let live: LiveLibrary;
let h: Harness;

beforeAll(async () => {
  server = await startPageServer({
    '/news/orchard': { body: articlePage({ title: 'Farley orchard to be replanted', paragraphs: ORCHARD, site: 'Farley Gazette', published: '2025-11-03T08:00:00Z' }) },
  });
  const dir = tempDir();
  for (const name of readdirSync(SEEDS)) copyFileSync(join(SEEDS, name), join(dir, name));
  live = await LiveLibrary.open({ seedsDir: dir, cacheDir: tempDir(), compactAfterMs: 60_000 });
  await live.watch();
  h = await startHarness({ library: live, env: { SEEDS_DIR: dir, ADD_ALLOW_PRIVATE: 'true' } });
});
afterAll(async () => {
  await h?.close();
  await live?.close();
  await server?.close();
});

describe('/add with a live library', () => {
  it('answers once the article is searchable, through the live segment, and the bot then finds it', async () => {
    const before = live.current.version;
    const user = { id: snowflake(), username: 'mod', global_name: 'mod', discriminator: '0', avatar: null };
    const reply = await h.standin.sendCommand('add', { url: server.url('/news/orchard') }, { user, member: { permissions: MANAGE_SERVER_PERMISSIONS } }).reply();
    expect(reply.content).toMatch(/^Added “Farley orchard to be replanted” — 127\.0\.0\.1 · /u); // cited by the host it came from
    expect(reply.content).toMatch(/searchable now/u);
    // The live library took it (a new snapshot, the article in the live segment), not a reopen.
    expect(live.current.version).toBeGreaterThan(before);
    expect(live.pending.live).toBeGreaterThanOrEqual(ORCHARD.length);
    const answer = await h.standin.sendCommand('ask', { question: 'When will the heritage apple trees be planted in the orchard?' }).reply();
    expect(answer.embeds[0]?.title).toBe('1. Farley orchard to be replanted');
    const who = await h.standin.sendCommand('who', { person: 'Helen Okoro' }).reply();
    expect(JSON.stringify(who.embeds)).toMatch(/Some of these varieties/u);
  });
});
