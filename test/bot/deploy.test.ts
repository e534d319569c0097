// deploy-commands logic against the stand-in: both commands, their options, guild or global.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { registerCommands } from '../../src/bot/registerCommands.js';
import { startStandin, type StandIn } from '../../src/standin/index.js';
import { FAKE_TOKEN } from './harness.js';

let standin: StandIn;
beforeAll(async () => {
  standin = await startStandin({ token: FAKE_TOKEN });
});
afterAll(async () => {
  await standin?.close();
});

const commandNames = commands.map((c) => c.data.name);
type Option = { name: string; type: number; required?: boolean; max_length?: number; autocomplete?: boolean };

describe('registerCommands', () => {
  it('registers /ask, /who and /coverage in the guild when a guild id is given', async () => {
    const target = { token: FAKE_TOKEN, appId: standin.world.appId, guildId: standin.world.guildId, apiUrl: standin.apiUrl };
    const done = await registerCommands(target);
    expect(done).toEqual({ scope: 'guild', names: commandNames });
    expect(commandNames).toEqual(expect.arrayContaining(['ask', 'who', 'add', 'coverage']));
    const put = standin.requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe(`/api/v10/applications/${standin.world.appId}/guilds/${standin.world.guildId}/commands`);
    const stored = standin.commands.get(standin.world.guildId)!;
    const ask = stored.find((c) => c.name === 'ask')!.options as Option[];
    const who = stored.find((c) => c.name === 'who')!.options as Option[];
    expect(ask.map((o) => [o.name, o.type, Boolean(o.required)])).toEqual([
      ['question', 3, true],
      ['hide', 5, false],
      ['since', 3, false],
      ['until', 3, false],
      ['source', 3, false],
    ]);
    expect(ask[0]!.max_length).toBe(300);
    expect(who.map((o) => [o.name, o.type, Boolean(o.autocomplete)])).toEqual([
      ['person', 3, true],
      ['hide', 5, false],
      ['about', 3, false],
      ['since', 3, false],
      ['until', 3, false],
    ]);
    const add = stored.find((c) => c.name === 'add')!.options as Option[];
    expect(add.map((o) => [o.name, o.type, Boolean(o.required)])).toEqual([['url', 3, true]]);
  });

  it('registers globally without a guild id', async () => {
    const done = await registerCommands({ token: FAKE_TOKEN, appId: standin.world.appId, guildId: null, apiUrl: standin.apiUrl });
    expect(done.scope).toBe('global');
    expect(standin.commands.get('global')?.map((c) => c.name)).toEqual(commandNames);
  });

  it('fails with a wrong token instead of pretending', async () => {
    const target = { token: 'wrong.token.here', appId: standin.world.appId, guildId: null, apiUrl: standin.apiUrl };
    await expect(registerCommands(target)).rejects.toThrow(/401|Unauthorized/u);
  });
});
