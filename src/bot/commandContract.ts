// What every command receives besides its interaction, and what a command module looks like.
//
// Commands see interactions through the narrow shapes below, not discord.js's classes: a discord.js
// interaction satisfies them as it is (gateway mode), and so do the adapters over a raw payload
// (HTTP mode, src/http/) and over a page button replaying a command (src/bot/replay.ts). One response
// function per command then serves every mode.
//
// Every function member is written as a property (`f: (x: T) => R`), never as a method (`f(x: T): R`):
// TypeScript checks method parameters both ways round (bivariantly), so a command declaring that it
// needs discord.js's ChatInputCommandInteraction would compile and then fail over HTTP. As properties,
// each adapter is checked against exactly what commands may use.
import {
  ApplicationCommandOptionType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type MessageFlags,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { MessageMentionOptions } from 'discord.js';
import type { Library } from '../answer/library.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import type { SharedState } from '../state/sharedState.js';
import type { Pager } from './pagination.js';

export interface CommandContext {
  /**
   * The snapshot this interaction answers from, start to end (src/answer/snapshot.ts); /add replaces
   * it (one assignment) once an added page is searchable. The dispatcher pins it per interaction.
   */
  library: Library;
  /** With a live library: re-read these coverage files now, resolving once they are answered from. */
  refresh?: (paths: readonly string[]) => Promise<void>;
  /** The bot's settings (coverage folder, /add limits); absent where a caller has none to give. */
  config?: Config;
  logger: Logger;
  pager: Pager;
  /** What every replica and worker agrees on (page queries, /add's rate limit): src/state. */
  shared: SharedState;
}

/** A value an option can carry (string, integer, boolean and number options; the commands use no others). */
export type OptionValue = string | number | boolean;

/** One option as Discord sends it (`interaction.options.data` in discord.js). */
export interface OptionData {
  name: string;
  type: ApplicationCommandOptionType;
  value?: OptionValue;
  focused?: boolean;
}

/** The part of discord.js's CommandInteractionOptionResolver the bot reads: the options as sent. */
export interface CommandOptions {
  readonly data: readonly OptionData[];
}

/** A message body as commands send it (a subset of discord.js's reply/edit options). */
export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions?: MessageMentionOptions;
}

export type EphemeralBody = MessageBody & { flags?: MessageFlags.Ephemeral };

/** Who is asking, with what rights: what moderator-only answers (/coverage's skipped files, /add) check. */
export interface Asker {
  readonly user: { readonly id: string };
  /** The member's permissions in this channel (Manage Server), or null outside a server. */
  readonly memberPermissions: { readonly has: (permission: bigint) => boolean } | null;
  /** The member's role ids (the API's list, or discord.js's cached manager). */
  readonly member: { readonly roles: readonly string[] | { readonly cache: { readonly keys: () => Iterable<string> } } } | null;
  /**
   * The server with its roles by id, where the adapter has them (gateway: discord.js's cache). Null over
   * HTTP, whose payload carries role ids but not names: ADD_ROLE is refused at start in HTTP mode.
   */
  readonly guild: { readonly roles: { readonly cache: { readonly get: (id: string) => { readonly name: string } | undefined } } } | null;
}

/** A slash command being answered: in a guild channel, by one user. */
export interface CommandInteraction extends Asker {
  readonly id: string;
  readonly commandName: string;
  readonly options: CommandOptions;
  readonly deferred: boolean;
  readonly replied: boolean;
  readonly ephemeral: boolean | null;
  /** Set when a page button replays the command (src/bot/replay.ts): the page to show, from 0. */
  readonly page?: number;
  readonly deferReply: (options?: { flags?: MessageFlags.Ephemeral }) => Promise<unknown>;
  readonly editReply: (body: MessageBody) => Promise<unknown>;
  readonly reply: (body: EphemeralBody) => Promise<unknown>;
  readonly followUp: (body: EphemeralBody) => Promise<unknown>;
  readonly deleteReply: () => Promise<unknown>;
}

/** Typing into an option with autocomplete. */
export interface AutocompleteRequest {
  readonly id: string;
  readonly commandName: string;
  readonly user: { readonly id: string };
  readonly options: CommandOptions & { readonly getFocused: () => string | number };
  readonly responded: boolean;
  readonly respond: (choices: { name: string; value: string | number }[]) => Promise<unknown>;
}

/** A click on a button of one of the bot's messages. */
export interface ButtonPress extends Asker {
  readonly id: string;
  readonly customId: string;
  readonly deferred: boolean;
  readonly replied: boolean;
  readonly reply: (body: EphemeralBody) => Promise<unknown>;
  /** Acknowledge now; the clicked message changes with editReply. */
  readonly deferUpdate: () => Promise<unknown>;
  /** Change the clicked message as the acknowledgement. */
  readonly update: (body: MessageBody) => Promise<unknown>;
  readonly editReply: (body: MessageBody) => Promise<unknown>;
  readonly followUp: (body: EphemeralBody) => Promise<unknown>;
}

/** What reaches the dispatcher, whichever way it arrived (gateway or HTTP). */
export type Incoming =
  | { kind: 'command'; interaction: CommandInteraction }
  | { kind: 'autocomplete'; interaction: AutocompleteRequest }
  | { kind: 'button'; interaction: ButtonPress }
  | { kind: 'other'; id: string; userId: string; type: number };

/** A command's definition, exactly as registered with Discord (and as the stand-in checks payloads). */
export type CommandData = RESTPostAPIChatInputApplicationCommandsJSONBody;

type ValueOfType<T> = T extends ApplicationCommandOptionType.String
  ? string
  : T extends ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number
    ? number
    : T extends ApplicationCommandOptionType.Boolean
      ? boolean
      : never;

type OptionsOf<D extends CommandData> = NonNullable<D['options']>[number];

/**
 * The options a command receives, typed from its definition (discord-utils-bot's ArgumentsOf): one
 * property per option, by name, present when `required: true`, else possibly undefined.
 */
export type ArgumentsOf<D extends CommandData> = {
  readonly [O in OptionsOf<D> as O['name']]: O extends { required: true } ? ValueOfType<O['type']> : ValueOfType<O['type']> | undefined;
};

/** A module in commands/: its definition as data plus one response function (and autocomplete). */
export interface Command<D extends CommandData = CommandData> {
  readonly data: D;
  readonly execute: (interaction: CommandInteraction, args: ArgumentsOf<D>, ctx: CommandContext) => Promise<void>;
  readonly autocomplete?: (interaction: AutocompleteRequest, ctx: CommandContext) => Promise<void>;
}

/** A command as the registry and dispatcher hold it: its arguments are read from `data` at run time. */
export interface RegisteredCommand {
  readonly data: CommandData;
  readonly execute: (interaction: CommandInteraction, args: Readonly<Record<string, OptionValue | undefined>>, ctx: CommandContext) => Promise<void>;
  readonly autocomplete?: (interaction: AutocompleteRequest, ctx: CommandContext) => Promise<void>;
}

/**
 * Declares a command: `data` keeps its literal names and types (the `const` type parameter), so
 * `execute` is checked against the arguments `data` declares and against the one interaction shape
 * every adapter provides. The dispatcher builds the arguments with `argumentsOf(data, …)`.
 */
export function defineCommand<const D extends CommandData>(command: Command<D>): RegisteredCommand {
  return command as unknown as RegisteredCommand;
}

const VALUE_TYPE: Partial<Record<ApplicationCommandOptionType, 'string' | 'number' | 'boolean'>> = {
  [ApplicationCommandOptionType.String]: 'string',
  [ApplicationCommandOptionType.Integer]: 'number',
  [ApplicationCommandOptionType.Number]: 'number',
  [ApplicationCommandOptionType.Boolean]: 'boolean',
};

/**
 * The arguments for `execute`, read from what Discord sent against the command's definition: the
 * contract discord.js's resolver keeps (a required option missing, or one of the wrong type, throws).
 */
export function argumentsOf(data: CommandData, sent: readonly OptionData[]): Record<string, OptionValue | undefined> {
  const args: Record<string, OptionValue | undefined> = {};
  for (const option of data.options ?? []) {
    const given = sent.find((o) => o.name === option.name);
    const required = 'required' in option && option.required === true;
    if (!given || given.value === undefined) {
      if (required) throw new TypeError(`Required option "${option.name}" not found.`);
      args[option.name] = undefined;
      continue;
    }
    const expected = VALUE_TYPE[option.type];
    if (given.type !== option.type || !expected || typeof given.value !== expected) {
      throw new TypeError(`Option "${option.name}" is of type ${given.type}; expected ${option.type}.`);
    }
    args[option.name] = given.value;
  }
  return args;
}
