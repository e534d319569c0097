// Every command the bot serves. Adding a command = adding a module here (see CONTRIBUTING.md): the
// gateway, HTTP mode, page buttons and the sandbox all read this list.
import type { RegisteredCommand } from '../src/bot/commandContract.js';
import { command as add } from './add.js';
import { command as ask } from './ask.js';
import { command as coverage } from './coverage.js';
import { command as who } from './who.js';

export const commands: readonly RegisteredCommand[] = [ask, who, coverage, add];

export const commandsByName: ReadonlyMap<string, RegisteredCommand> = new Map(commands.map((c) => [c.data.name, c]));
