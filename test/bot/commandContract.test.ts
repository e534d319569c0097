// The command contract (src/bot/commandContract.ts): arguments read from what Discord sent against a
// command's own definition, and, checked by `tsc --noEmit` (CI), that a command cannot ask for more
// than every adapter gives or read an option its definition does not declare.
import { MemoryState } from '../../src/state/sharedState.js';
import { ApplicationCommandOptionType as Option } from 'discord-api-types/v10';
import type { ChatInputCommandInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { argumentsOf, defineCommand, type ArgumentsOf } from '../../src/bot/commandContract.js';
import { autocompleteTarget, helpText, mainOptionOf, parseCommandLine } from '../../src/bot/sandbox.js';

const data = {
  name: 'echo',
  description: 'Says it back.',
  options: [
    { type: Option.String, name: 'text', description: 'What to say', required: true, autocomplete: true },
    { type: Option.Integer, name: 'times', description: 'How often' },
    { type: Option.Boolean, name: 'hide', description: 'Only you see it' },
  ],
} as const;

describe('argumentsOf', () => {
  it('reads each declared option by its declared type, absent ones as undefined', () => {
    const sent = [
      { name: 'text', type: Option.String, value: 'hello' },
      { name: 'hide', type: Option.Boolean, value: true },
      { name: 'stray', type: Option.String, value: 'ignored' },
    ];
    expect(argumentsOf(data as never, sent)).toEqual({ text: 'hello', times: undefined, hide: true });
  });

  it('throws, as discord.js does, on a missing required option or a value of the wrong type', () => {
    expect(() => argumentsOf(data as never, [])).toThrow('Required option "text" not found.');
    expect(() => argumentsOf(data as never, [{ name: 'text', type: Option.Integer, value: 3 }])).toThrow(/expected 3/u);
  });
});

describe('a command declared with defineCommand', () => {
  it('is served everywhere from its definition: help, the main option, autocomplete (a test command)', () => {
    const echo = defineCommand({
      data: { ...data, options: [...data.options] },
      execute: async () => {},
    });
    const list = [...commands, echo];
    expect(helpText(list)).toMatch(/^\/echo <text> +Says it back\. \(also times: hide:\)$/mu);
    expect(mainOptionOf(echo.data)).toBe('text');
    expect(parseCommandLine('/echo hide:true times:3 hi there', new Map(list.map((c) => [c.data.name, c])))).toEqual({
      name: 'echo',
      options: { hide: true, times: '3', text: 'hi there' },
    });
    expect(autocompleteTarget([echo])).toEqual({ command: 'echo', option: 'text' });
    expect(autocompleteTarget(commands)).toEqual({ command: 'who', option: 'person' });
  });

  it('types its arguments from data, and refuses what an adapter cannot give (checked by tsc)', () => {
    type Args = ArgumentsOf<{ name: 'echo'; description: 'x'; options: [...(typeof data)['options']] }>;
    const args: Args = { text: 'a', times: undefined, hide: undefined };
    // @ts-expect-error — `times` is an integer option, so a number or undefined
    const wrong: Args = { text: 'a', times: 'two', hide: undefined };
    defineCommand({
      data: { name: 'typo', description: 'x', options: [{ type: Option.String, name: 'url', description: 'x', required: true }] },
      execute: async (_interaction, a) => {
        // @ts-expect-error — only declared options exist
        void a.link;
        const url: string = a.url; // required: never undefined
        void url;
      },
    });
    defineCommand({
      data: { name: 'gateway-only', description: 'x' },
      // @ts-expect-error — HTTP mode and page replays cannot give a discord.js ChatInputCommandInteraction
      execute: async (_interaction: ChatInputCommandInteraction) => {},
    });
    expect([args, wrong]).toHaveLength(2);
  });
});

describe('the dispatcher', () => {
  it('pins one library snapshot per interaction, whichever adapter brought it', async () => {
    const { createDispatcher } = await import('../../src/bot/dispatcher.js');
    const { commandContext } = await import('../../src/bot/start.js');
    const { createLogger } = await import('../../src/bot/log.js');
    const { parseConfig } = await import('../../src/bot/config.js');
    const parsed = parseConfig({});
    if (!parsed.ok) throw new Error(parsed.error);
    // A source whose snapshot changes on every read: the worst case of live coverage.
    let reads = 0;
    const snapshot = (n: number) => ({ n }) as never;
    const source = {
      get current() {
        reads += 1;
        return snapshot(reads);
      },
    };
    const seen: unknown[] = [];
    const probe = defineCommand({
      data: { name: 'probe', description: 'x' },
      execute: async (_interaction, _args, ctx) => {
        seen.push(ctx.library, ctx.library);
      },
    });
    const dispatch = createDispatcher(new Map([['probe', probe]]), commandContext(parsed.config, source, createLogger('silent'), new MemoryState()));
    const interaction = { kind: 'command' as const, interaction: { commandName: 'probe', options: { data: [] }, id: '1', user: { id: '2' } } as never };
    await dispatch(interaction);
    await dispatch(interaction);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[2]).toBe(seen[3]);
    expect(seen[0]).not.toBe(seen[2]);
  });
});
