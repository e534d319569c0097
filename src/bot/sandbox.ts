// `npm start` without a token: the real bot logged into the loopback stand-in, driven from a
// terminal prompt (or piped stdin), each reply drawn the way Discord would show it.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { commands, commandsByName } from '../../commands/index.js';
import type { Library } from '../answer/library.js';
import { currentLibrary, type LibrarySource } from '../answer/snapshot.js';
import { renderDiscordAsText } from '../render/discord.js';
import { examplesFrom } from '../render/examples.js';
import { MANAGE_SERVER_PERMISSIONS, startStandin, type InteractionRecord, type StandIn } from '../standin/index.js';
import type { CommandData, RegisteredCommand } from './commandContract.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { registerCommands } from './registerCommands.js';
import { startBot, type RunningBot } from './start.js';

/** Made up: the stand-in accepts exactly this token, and Discord would reject it. */
export const SANDBOX_TOKEN = 'sandbox.not-a-real-token';

export const SANDBOX_BANNER =
  'Local sandbox: no DISCORD_TOKEN is set, so coverage-bot is logged into a loopback stand-in for Discord. ' +
  'To use real Discord, set DISCORD_TOKEN and DISCORD_APP_ID in .env, then run `npm run deploy-commands` and `npm start`. Type `help` for commands.';

/** The option that takes the rest of the line: the command's first required text option (none for /coverage). */
export function mainOptionOf(data: CommandData): string | null {
  const main = (data.options ?? []).find((o) => o.type === ApplicationCommandOptionType.String && 'required' in o && o.required);
  return main?.name ?? null;
}

/** What `complete <typed>` types into: the first option of any command that autocompletes. */
export function autocompleteTarget(list: readonly RegisteredCommand[] = commands): { command: string; option: string } | null {
  for (const { data } of list) {
    const option = (data.options ?? []).find((o) => 'autocomplete' in o && o.autocomplete);
    if (option) return { command: data.name, option: option.name };
  }
  return null;
}

/**
 * The prompt's help, one line per command from its own definition, so a new command shows up here;
 * `examples` (by option name) adds an example drawn from the loaded coverage to a command's line.
 */
export function helpText(list: readonly RegisteredCommand[] = commands, examples: Readonly<Record<string, string | null>> = {}): string {
  const lines = list.map(({ data }) => {
    const main = mainOptionOf(data);
    const others = (data.options ?? []).filter((o) => o.name !== main).map((o) => `${o.name}:`);
    const usage = `/${data.name}${main ? ` <${main}>` : ''}`;
    const example = main ? examples[main] : null;
    return `${usage.padEnd(26)} ${data.description}${others.length ? ` (also ${others.join(' ')})` : ''}${example ? `\n${''.padEnd(27)}e.g. /${data.name} ${example}` : ''}`;
  });
  const target = autocompleteTarget(list);
  return [
    ...lines,
    'name:value                 any other option, e.g. hide:true (only you see it); as:moderator sends it as a member with Manage Server',
    ...(target ? [`complete <typed>           what /${target.command} autocomplete offers for <typed> (${target.option})`] : []),
    'next, prev                 click Next/Previous on the last reply',
    'help, quit',
  ].join('\n');
}

export interface SandboxOptions {
  config: Config;
  library: Library | LibrarySource;
  logger: Logger;
  input: Readable;
  output: Writable;
  /** Interactive terminal: show a prompt and ANSI bold. */
  tty: boolean;
  /** Aborting ends the prompt and shuts down cleanly (SIGINT/SIGTERM). */
  signal?: AbortSignal;
}

/**
 * `/ask hide:true some words` → { hide: true, question: 'some words' }; `as:moderator` → asModerator.
 * Options are the command's own (its definition in commands/): `name:value` for any of them, the rest
 * of the line for its main option.
 */
export function parseCommandLine(
  line: string,
  byName: ReadonlyMap<string, RegisteredCommand> = commandsByName,
): { name: string; options: Record<string, string | boolean>; asModerator?: boolean } | null {
  const m = /^\/(\w+)\s*(.*)$/su.exec(line.trim());
  if (!m) return null;
  const name = m[1]!.toLowerCase();
  const data = byName.get(name)?.data;
  // An unknown command still reaches the bot, which says it does not know it.
  const main = data ? mainOptionOf(data) : null;
  const options: Record<string, string | boolean> = {};
  let asModerator = false;
  let rest = m[2]!.replace(/(^|\s)as:\s*moderator\b/iu, (_all, pre: string) => ((asModerator = true), pre));
  for (const option of data?.options ?? []) {
    if (option.name === main) continue;
    const boolean = option.type === ApplicationCommandOptionType.Boolean;
    const pattern = new RegExp(`(^|\\s)${option.name}:\\s*${boolean ? '(true|false|yes|no)\\b' : '(\\S+)'}`, 'iu');
    rest = rest.replace(pattern, (_all, pre: string, value: string) => {
      options[option.name] = boolean ? /^(true|yes)$/iu.test(value) : value;
      return pre;
    });
  }
  if (main) options[main] = rest.trim().replace(new RegExp(`^${main}:\\s*`, 'iu'), '');
  return asModerator ? { name, options, asModerator } : { name, options };
}

export class Sandbox {
  private last: InteractionRecord | null = null;

  constructor(
    private readonly standin: StandIn,
    private readonly bot: RunningBot,
    private readonly out: (text: string) => void,
    private readonly ansi: boolean,
    /** The library answered from, for help's examples. */
    private readonly library: Library | LibrarySource | null = null,
  ) {}

  private show(message: Parameters<typeof renderDiscordAsText>[0]): void {
    this.out(`${renderDiscordAsText(message, { ansi: this.ansi, author: this.bot.client.user.username })}\n`);
  }

  /** Handles one line; returns false when the user asked to quit. */
  async handle(line: string): Promise<boolean> {
    const text = line.trim();
    if (!text) return true;
    if (/^(quit|exit|\.exit)$/iu.test(text)) return false;
    if (/^(help|\?|\/help)$/iu.test(text)) {
      const examples = this.library ? examplesFrom(currentLibrary(this.library).coverage) : null;
      this.out(`${helpText(commands, { question: examples?.question ?? null, person: examples?.person ?? null })}\n`);
      return true;
    }
    try {
      if (/^(next|prev|previous)$/iu.test(text)) await this.click(text.toLowerCase().startsWith('n') ? 'Next' : 'Previous');
      else if (/^complete\b/iu.test(text)) await this.complete(text.replace(/^complete\s*/iu, ''));
      else await this.command(text);
    } catch (error) {
      this.out(`(${(error as Error).message})\n`);
    }
    return true;
  }

  private async command(text: string): Promise<void> {
    const parsed = parseCommandLine(text);
    if (!parsed) {
      this.out('Commands start with a slash, e.g. /ask What did Lammy say? Type help for more.\n');
      return;
    }
    // The sandbox's user runs the server, so may use /add; `as:moderator` also shows what only moderators see.
    const send = parsed.asModerator ? { user: this.standin.world.moderator } : { member: { permissions: MANAGE_SERVER_PERMISSIONS } };
    const ix = this.standin.sendCommand(parsed.name, parsed.options, send);
    this.show(await ix.reply());
    this.last = ix;
  }

  private async click(label: 'Next' | 'Previous'): Promise<void> {
    const last = this.last;
    const buttons = last ? this.standin.messages.get(last.originalMessageId)?.components.flatMap((r) => r.components ?? []) : undefined;
    const button = buttons?.find((b) => b.label?.includes(label));
    if (!last || !buttons || !button?.custom_id) throw new Error('the last reply has no Previous/Next buttons');
    if (button.disabled) throw new Error(label === 'Next' ? 'already on the last page' : 'already on the first page');
    const final = await this.standin.clickButton(last, button.custom_id).final();
    if (final.kind === 'message') this.show(final.message);
  }

  private async complete(typed: string): Promise<void> {
    const target = autocompleteTarget();
    if (!target) throw new Error('no command autocompletes');
    const choices = await this.standin.sendAutocomplete(target.command, target.option, typed).choices();
    this.out(choices.length ? `${choices.map((c) => `  ${c.name}`).join('\n')}\n` : '  (no suggestions)\n');
  }
}

/** Starts the stand-in and the bot, runs the prompt until quit or end of input, then shuts down. */
export async function runSandbox({ config, library, logger, input, output, tty, signal }: SandboxOptions): Promise<void> {
  const standin = await startStandin({ token: SANDBOX_TOKEN });
  let bot: RunningBot | null = null;
  try {
    // Registering first tells the stand-in each option's type, as Discord's client knows them.
    await registerCommands({ token: SANDBOX_TOKEN, appId: standin.world.appId, guildId: standin.world.guildId, apiUrl: standin.apiUrl });
    bot = await startBot({
      config: { ...config, token: SANDBOX_TOKEN, appId: standin.world.appId, guildId: standin.world.guildId, apiUrl: standin.apiUrl, registerCommandsOnStart: false },
      library,
      logger,
    });
    const write = (text: string) => void output.write(text);
    write(`${SANDBOX_BANNER}\n`);
    const sandbox = new Sandbox(standin, bot, write, tty, library);
    const rl = createInterface({ input, output: tty ? output : undefined, terminal: tty, prompt: '> ', signal });
    rl.on('SIGINT', () => rl.close());
    if (tty) rl.prompt();
    for await (const line of rl) {
      if (!tty && line.trim()) write(`\n> ${line.trim()}\n`);
      if (!(await sandbox.handle(line))) break;
      if (tty) rl.prompt();
    }
    rl.close();
  } finally {
    await bot?.stop();
    await standin.close();
  }
}
