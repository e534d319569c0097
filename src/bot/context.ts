// What every command receives besides its interaction, and what a command module looks like.
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Library } from '../answer/library.js';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import type { Pager } from './pagination.js';

export interface CommandContext {
  /**
   * The snapshot this interaction answers from, start to end (src/answer/snapshot.ts); /add replaces
   * it (one assignment) once an added page is searchable.
   */
  library: Library;
  /** With a live library: re-read these coverage files now, resolving once they are answered from. */
  refresh?: (paths: readonly string[]) => Promise<void>;
  /** The bot's settings (coverage folder, /add limits); absent where a caller has none to give. */
  config?: Config;
  logger: Logger;
  pager: Pager;
}

/** A module in commands/: its definition as data plus one response function (and autocomplete). */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
}
