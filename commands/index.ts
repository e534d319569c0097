// Every command the bot serves. Adding a command = adding a module here.
import type { Command } from '../src/bot/context.js';
import * as add from './add.js';
import * as ask from './ask.js';
import * as who from './who.js';
import * as coverage from './coverage.js';

export const commands: Command[] = [ask, who, coverage, add];

export const commandsByName = new Map(commands.map((c) => [c.data.name, c]));
