// `npm start` without a token: the real bot logged into the loopback stand-in, driven from a
// terminal prompt (or piped stdin), each reply drawn the way Discord would show it.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Library } from '../answer/library.js';
import { renderDiscordAsText } from '../render/discord.js';
import { MANAGE_SERVER_PERMISSIONS, startStandin, type InteractionRecord, type StandIn } from '../standin/index.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { registerCommands } from './registerCommands.js';
import { startBot, type RunningBot } from './start.js';

/** Made up: the stand-in accepts exactly this token, and Discord would reject it. */
export const SANDBOX_TOKEN = 'sandbox.not-a-real-token';

export const SANDBOX_BANNER =
  'Local sandbox: no DISCORD_TOKEN is set, so coverage-bot is logged into a loopback stand-in for Discord. ' +
  'To use real Discord, set DISCORD_TOKEN and DISCORD_APP_ID in .env, then run `npm run deploy-commands` and `npm start`. Type `help` for commands.';

const HELP = [
  '/ask <question>            passages that answer it, with citations   e.g. /ask Why did Rubio pull out of the talks?',
  '/ask hide:true <question>  the same, visible only to you',
  '/who <name>                what a person said, in date order          e.g. /who Lammy',
  '/coverage                  what the bot covers; add as:moderator to see skipped files as one with Manage Server',
  '/add <link>                fetch a news page into the coverage folder e.g. /add https://example.org/news/story',
  'complete <typed>           what /who autocomplete offers for <typed>',
  'next, prev                 click Next/Previous on the last reply',
  'help, quit',
].join('\n');

export interface SandboxOptions {
  config: Config;
  library: Library;
  logger: Logger;
  input: Readable;
  output: Writable;
  /** Interactive terminal: show a prompt and ANSI bold. */
  tty: boolean;
  /** Aborting ends the prompt and shuts down cleanly (SIGINT/SIGTERM). */
  signal?: AbortSignal;
}

/** The option that takes the rest of the line, per command (none for /coverage). */
const MAIN_OPTION: Record<string, string | null> = { who: 'person', add: 'url', coverage: null };

/** `/ask hide:true some words` → { hide: true, question: 'some words' }; `as:moderator` → asModerator. */
export function parseCommandLine(line: string): { name: string; options: Record<string, string | boolean>; asModerator?: boolean } | null {
  const m = /^\/(\w+)\s*(.*)$/su.exec(line.trim());
  if (!m) return null;
  const name = m[1]!.toLowerCase();
  const main = name in MAIN_OPTION ? MAIN_OPTION[name]! : 'question';
  const options: Record<string, string | boolean> = {};
  let asModerator = false;
  const rest = m[2]!
    .replace(/(^|\s)hide:\s*(true|false|yes|no)\b/iu, (_all, pre: string, value: string) => {
      options.hide = /^(true|yes)$/iu.test(value);
      return pre;
    })
    .replace(/(^|\s)as:\s*moderator\b/iu, (_all, pre: string) => ((asModerator = true), pre));
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
      this.out(`${HELP}\n`);
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
    const choices = await this.standin.sendAutocomplete('who', 'person', typed).choices();
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
    const sandbox = new Sandbox(standin, bot, write, tty);
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
