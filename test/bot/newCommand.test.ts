// A new command added as CONTRIBUTING.md says (its module, and its line in the registry, done here by
// adding it to the registry the bot reads) is served by the real bot with no other edit: through the
// gateway (what the sandbox runs) and over HTTP, its pages turned by buttons (page replays) in both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType as Option } from 'discord-api-types/v10';
import { commands, commandsByName } from '../../commands/index.js';
import { defineCommand, type RegisteredCommand } from '../../src/bot/commandContract.js';
import { buttonLabelled, startHarness, type Harness } from './harness.js';
import { startHttpHarness, type HttpHarness } from '../http/harness.js';

// The module a contributor would write: commands/spell.ts.
const spell = defineCommand({
  data: {
    name: 'spell',
    description: 'Spells a word, one letter a page.',
    options: [{ type: Option.String, name: 'word', description: 'The word to spell', required: true, max_length: 20 }],
  },
  execute: async (interaction, args, ctx) => {
    await interaction.deferReply();
    const pages = [...args.word].map((letter, i) => ({ content: `Letter ${i + 1} of “${args.word}”: ${letter}`, embeds: [] }));
    await ctx.pager.show(interaction, pages);
  },
});

// Its line in the registry (commands/index.ts).
beforeAll(() => {
  (commands as RegisteredCommand[]).push(spell);
  (commandsByName as Map<string, RegisteredCommand>).set('spell', spell);
});
afterAll(() => {
  (commands as RegisteredCommand[]).splice(commands.indexOf(spell), 1);
  (commandsByName as Map<string, RegisteredCommand>).delete('spell');
});

async function spellAndPage(h: Pick<Harness, 'standin'>) {
  const ask = h.standin.sendCommand('spell', { word: 'cab' });
  const first = await ask.reply();
  expect(first.content).toBe('Letter 1 of “cab”: c');
  const second = await h.standin.clickButton(ask, buttonLabelled(first, 'Next').custom_id).reply();
  expect(second.id).toBe(first.id);
  expect(second.content).toBe('Letter 2 of “cab”: a');
  const back = await h.standin.clickButton(ask, buttonLabelled(second, 'Previous').custom_id).reply();
  expect(back.content).toBe('Letter 1 of “cab”: c');
}

describe('a command added by the recipe', () => {
  let gateway: Harness;
  let http: HttpHarness;
  beforeAll(async () => {
    gateway = await startHarness();
    http = await startHttpHarness();
  });
  afterAll(async () => {
    await gateway?.close();
    await http?.close();
  });

  it('answers and pages through the gateway, as in the sandbox', async () => {
    await spellAndPage(gateway);
  });

  it('answers and pages over HTTP interactions', async () => {
    await spellAndPage(http);
  });
});
