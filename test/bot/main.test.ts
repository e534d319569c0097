// The scripts as processes, pointed at a stand-in through DISCORD_API_URL: `npm start` with a token
// is the real bot (no sandbox), shuts down cleanly on SIGTERM; `deploy-commands` registers both.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { startStandin, type StandIn } from '../../src/standin/index.js';
import { FAKE_TOKEN } from './harness.js';
import { WITH_TSX } from '../helpers.js';

const run = promisify(execFile);
let standin: StandIn;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  standin = await startStandin({ token: FAKE_TOKEN });
  env = {
    ...process.env,
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_APP_ID: standin.world.appId,
    DISCORD_GUILD_ID: standin.world.guildId,
    DISCORD_API_URL: standin.apiUrl,
    LOG_LEVEL: 'info',
  };
});
afterAll(async () => {
  await standin?.close();
});

describe('npm run deploy-commands', () => {
  it('registers /ask, /who and /coverage in the guild and says so', async () => {
    const { stdout } = await run(process.execPath, [...WITH_TSX, 'src/bot/deployCommands.ts'], { env });
    const names = commands.map((c) => c.data.name);
    expect(stdout.trim()).toBe(`Registered ${names.map((n) => `/${n}`).join(', ')} in guild ${standin.world.guildId}.`);
    expect(standin.commands.get(standin.world.guildId)?.map((c) => c.name)).toEqual(names);
  });
});

describe('npm start with a token', () => {
  it('logs in as the real bot, answers, and exits 0 on SIGTERM without leaking the token', async () => {
    const child = spawn(process.execPath, [...WITH_TSX, 'src/bot/main.ts'], { env: { ...env, REGISTER_COMMANDS_ON_START: 'true' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    await standin.ready();
    await standin.waitFor(() => standin.commands.size > 0, 20_000, 'commands registered on start');
    const reply = await standin.sendCommand('ask', { question: 'Why did Marco Rubio pull out of the London talks?' }).reply(20_000);
    expect(reply.embeds.length).toBeGreaterThan(0);
    expect(out).toContain('coverage-bot is online');
    expect(out).not.toContain('Local sandbox');
    // The bot runs in the spawned process itself (node --import tsx), so the signal reaches it directly, as a process manager's stop would.
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? s)));
    expect(code).toBe(0);
    expect(err).toContain('"msg":"shutting down"');
    expect(out + err).not.toContain(FAKE_TOKEN);
  }, 60_000);
});
