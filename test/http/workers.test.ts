// `INTERACTIONS=http WORKERS=2 npm start` as a process: two node:cluster workers on one port answer
// interactions in turn, a page button made by one is answered by the other, and SIGTERM stops both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../../src/bot/registerCommands.js';
import { startStandin, type InteractionRecord, type StandIn } from '../../src/standin/index.js';
import { buttonLabelled, FAKE_TOKEN } from '../bot/harness.js';
import { startWorkers } from './workersProcess.js';

let standin: StandIn;
beforeAll(async () => {
  standin = await startStandin({ token: FAKE_TOKEN });
  await registerCommands({ token: FAKE_TOKEN, appId: standin.world.appId, guildId: standin.world.guildId, apiUrl: standin.apiUrl });
});
afterAll(async () => {
  await standin?.close();
});

describe('WORKERS=2', () => {
  it('answers from both workers, pages across them, and exits 0 on SIGTERM', async () => {
    const bot = await startWorkers(standin);
    expect(bot.workersUp.size).toBe(2);
    standin.deliverOverHttp(bot.url);

    const asks: InteractionRecord[] = [];
    for (let i = 0; i < 6; i++) asks.push(standin.sendCommand('ask', { question: 'What happened at the London talks on Ukraine?' }));
    const replies = await Promise.all(asks.map((a) => a.reply(20_000)));
    expect(new Set(asks.map((a) => a.servedBy)).size).toBe(2);
    // Workers take connections in turn: of two successive clicks, one lands on the other worker
    // than the one that answered the command.
    const clicks: InteractionRecord[] = [];
    const next = standin.clickButton(asks[0]!, buttonLabelled(replies[0]!, 'Next').custom_id);
    clicks.push(next);
    const second = await next.reply(20_000);
    expect(second.id).toBe(replies[0]!.id);
    expect(second.content).toMatch(/showing 4–/u);
    const back = standin.clickButton(asks[0]!, buttonLabelled(second, 'Previous').custom_id);
    clicks.push(back);
    expect((await back.reply(20_000)).embeds).toEqual(replies[0]!.embeds);
    expect(clicks.some((c) => c.servedBy !== asks[0]!.servedBy)).toBe(true);

    expect(await bot.stop()).toBe(0);
    expect(bot.out()).toContain('with 2 workers');
    expect(bot.err()).toContain('"msg":"workers stopped"');
  }, 150_000);
});
