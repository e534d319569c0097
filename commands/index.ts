// Every command the bot serves. Adding a command = adding a module here.
import type { Command } from '../src/bot/context.js';
import * as ask from './ask.js';
import * as who from './who.js';

export const commands: Command[] = [ask, who];

export const commandsByName = new Map(commands.map((c) => [c.data.name, c]));
