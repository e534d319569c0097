// What every command receives besides its interaction, and what a command module looks like.
//
// Commands see interactions through the narrow shapes below, not discord.js's classes: a discord.js
// interaction satisfies them as it is (gateway mode), and so do the adapters over a raw payload
// (HTTP mode, src/http/) and over a page button replaying a command (src/bot/replay.ts). One response
// function per command then serves both modes.
import type { APIActionRowComponent, APIButtonComponent, APIEmbed, MessageFlags, MessageMentionOptions, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Library } from '../answer/library.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import type { Pager } from './pagination.js';

export interface CommandContext {
  /** The snapshot answers come from; /add replaces it (one assignment) once an added page is searchable. */
  library: Library;
  /** The bot's settings (coverage folder, /add limits); absent where a caller has none to give. */
  config?: Config;
  logger: Logger;
  pager: Pager;
}

/** One option as Discord sends it (`interaction.options.data` in discord.js). */
export interface OptionData {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
}

/** The part of discord.js's CommandInteractionOptionResolver that commands use. */
export interface CommandOptions {
  readonly data: readonly OptionData[];
  getString(name: string, required: true): string;
  getString(name: string, required?: boolean): string | null;
  getBoolean(name: string, required: true): boolean;
  getBoolean(name: string, required?: boolean): boolean | null;
  getInteger(name: string, required: true): number;
  getInteger(name: string, required?: boolean): number | null;
  getNumber(name: string, required: true): number;
  getNumber(name: string, required?: boolean): number | null;
}

/** A message body as commands send it (a subset of discord.js's reply/edit options). */
export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions?: MessageMentionOptions;
}

/** A slash command being answered: in a guild channel, by one user. */
export interface CommandInteraction {
  readonly id: string;
  readonly commandName: string;
  readonly user: { readonly id: string };
  readonly options: CommandOptions;
  readonly deferred: boolean;
  readonly replied: boolean;
  readonly ephemeral: boolean | null;
  /** Set when a page button replays the command (src/bot/replay.ts): the page to show, from 0. */
  readonly page?: number;
  deferReply(options?: { flags?: MessageFlags.Ephemeral }): Promise<unknown>;
  editReply(body: MessageBody): Promise<unknown>;
  reply(body: MessageBody & { flags?: MessageFlags.Ephemeral }): Promise<unknown>;
  followUp(body: MessageBody & { flags?: MessageFlags.Ephemeral }): Promise<unknown>;
  deleteReply(): Promise<unknown>;
}

/** Typing into an option with autocomplete. */
export interface AutocompleteRequest {
  readonly id: string;
  readonly commandName: string;
  readonly user: { readonly id: string };
  readonly options: CommandOptions & { getFocused(): string | number };
  readonly responded: boolean;
  respond(choices: { name: string; value: string | number }[]): Promise<unknown>;
}

/** A click on a button of one of the bot's messages. */
export interface ButtonPress {
  readonly id: string;
  readonly customId: string;
  readonly user: { readonly id: string };
  readonly deferred: boolean;
  readonly replied: boolean;
  reply(body: MessageBody & { flags?: MessageFlags.Ephemeral }): Promise<unknown>;
  /** Acknowledge now; the clicked message changes with editReply. */
  deferUpdate(): Promise<unknown>;
  /** Change the clicked message as the acknowledgement. */
  update(body: MessageBody): Promise<unknown>;
  editReply(body: MessageBody): Promise<unknown>;
  followUp(body: MessageBody & { flags?: MessageFlags.Ephemeral }): Promise<unknown>;
}

/** What reaches the dispatcher, whichever way it arrived (gateway or HTTP). */
export type Incoming =
  | { kind: 'command'; interaction: CommandInteraction }
  | { kind: 'autocomplete'; interaction: AutocompleteRequest }
  | { kind: 'button'; interaction: ButtonPress }
  | { kind: 'other'; id: string; userId: string; type: number };

/** A module in commands/: its definition as data plus one response function (and autocomplete). */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: CommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteRequest, ctx: CommandContext): Promise<void>;
}
