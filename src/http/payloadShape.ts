// The shape of a signed interaction payload, checked once where it enters (POST /interactions), so
// that command code can trust every field it reads: a signature proves who sent the bytes, not that
// they are well formed (a test tool, a replayed old schema, a bug on the sender's side). Only what the
// bot reads is checked; unknown extra fields pass, as Discord adds fields without notice.
import { ApplicationCommandOptionType, ComponentType, InteractionType } from 'discord.js';
import type { RawInteraction } from './httpInteraction.js';

export type ShapeVerdict = { ok: true; raw: RawInteraction } | { ok: false; problem: string };

/** The option types a command declares, by name (from the registered definitions), if it is ours. */
export type DeclaredOptionTypes = (command: string) => Map<string, ApplicationCommandOptionType> | undefined;

const SNOWFLAKE = /^\d{1,20}$/u;
/** A permissions bitfield is a decimal string; Discord's are far below this many digits. */
const BITFIELD = /^\d{1,40}$/u;
/** Discord's own limits on names and values; anything longer is not from Discord. */
const NAME_MAX = 100;
const VALUE_MAX = 6000;
const OPTIONS_MAX = 25;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown, max = VALUE_MAX): v is string => typeof v === 'string' && v.length <= max;
const isId = (v: unknown): v is string => typeof v === 'string' && SNOWFLAKE.test(v);

/** What a value of this option type must be; autocomplete's focused value is what was typed so far. */
function valueProblem(type: number, value: unknown, focused: boolean): string | null {
  if (focused && typeof value === 'string') return value.length <= VALUE_MAX ? null : 'is too long';
  switch (type) {
    case ApplicationCommandOptionType.String:
      return isString(value) ? null : 'must be a string';
    case ApplicationCommandOptionType.Integer:
      return Number.isSafeInteger(value) ? null : 'must be an integer';
    case ApplicationCommandOptionType.Number:
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case ApplicationCommandOptionType.Boolean:
      return typeof value === 'boolean' ? null : 'must be true or false';
    case ApplicationCommandOptionType.User:
    case ApplicationCommandOptionType.Channel:
    case ApplicationCommandOptionType.Role:
    case ApplicationCommandOptionType.Mentionable:
    case ApplicationCommandOptionType.Attachment:
      return isId(value) ? null : 'must be an id';
    default:
      return 'has an unknown type';
  }
}

function optionsProblem(options: unknown, declared: Map<string, ApplicationCommandOptionType> | undefined, focusAllowed: boolean): string | null {
  if (options === undefined) return null;
  if (!Array.isArray(options) || options.length > OPTIONS_MAX) return 'data.options must be a list of options';
  const seen = new Set<string>();
  let focusedCount = 0;
  for (const option of options as unknown[]) {
    if (!isObject(option) || !isString(option.name, NAME_MAX) || typeof option.type !== 'number') return 'each option needs a name and a type';
    const where = `option "${option.name}"`;
    if (seen.has(option.name)) return `${where} is given twice`;
    seen.add(option.name);
    if (option.focused !== undefined && typeof option.focused !== 'boolean') return `${where}: focused must be true or false`;
    const focused = option.focused === true;
    if (focused && !focusAllowed) return `${where} is focused outside autocomplete`;
    if (focused) focusedCount++;
    if (option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup) {
      // None of the bot's commands has subcommands; a payload with them is not for these commands.
      if (declared) return `${where} is a subcommand, which this command does not have`;
      continue;
    }
    const expected = declared?.get(option.name);
    if (declared && expected === undefined) return `${where} is not an option of this command`;
    if (expected !== undefined && option.type !== expected) return `${where} has type ${option.type}; the command declares ${expected}`;
    if (option.value === undefined) return `${where} has no value`;
    const problem = valueProblem(option.type, option.value, focused);
    if (problem) return `${where} ${problem}`;
  }
  if (focusAllowed && focusedCount !== 1) return 'autocomplete needs exactly one focused option';
  return null;
}

/**
 * The payload as the bot reads it, or what is wrong with it (for the 400 reply: it names the field,
 * never echoes the value). `declared` checks a command's options against the command's own definition.
 */
export function checkInteractionShape(value: unknown, declared: DeclaredOptionTypes): ShapeVerdict {
  const fail = (problem: string): ShapeVerdict => ({ ok: false, problem });
  if (!isObject(value)) return fail('the body must be a JSON object');
  const type = value.type;
  if (typeof type !== 'number' || !Number.isInteger(type)) return fail('type must be an interaction type');
  if (type === InteractionType.Ping) return { ok: true, raw: value as unknown as RawInteraction };
  if (!isId(value.id)) return fail('id must be an id');
  if (!isId(value.application_id)) return fail('application_id must be an id');
  if (!isString(value.token, 1000) || !value.token) return fail('token must be a string');
  for (const field of ['guild_id', 'channel_id'] as const) {
    if (value[field] !== undefined && !isId(value[field])) return fail(`${field} must be an id`);
  }
  if (value.user !== undefined && !(isObject(value.user) && isId(value.user.id))) return fail('user must have an id');
  if (value.member !== undefined) {
    const member = value.member;
    if (!isObject(member)) return fail('member must be an object');
    if (member.user !== undefined && !(isObject(member.user) && isId(member.user.id))) return fail('member.user must have an id');
    if (member.permissions !== undefined && !(typeof member.permissions === 'string' && BITFIELD.test(member.permissions))) {
      return fail('member.permissions must be a bitfield as a decimal string');
    }
    if (member.roles !== undefined && !(Array.isArray(member.roles) && member.roles.length <= 250 && member.roles.every(isId))) {
      return fail('member.roles must be a list of ids');
    }
  }
  // Who asked decides who may page a reply and use /add: an interaction without anyone is not Discord's.
  const member = value.member as Record<string, unknown> | undefined;
  if (!isObject(member?.user) && value.user === undefined) return fail('an interaction needs a user or a member with a user');

  const data = value.data;
  if (type === InteractionType.ApplicationCommand || type === InteractionType.ApplicationCommandAutocomplete) {
    if (!isObject(data)) return fail('data is missing');
    if (!isString(data.name, NAME_MAX) || !data.name) return fail('data.name must be a command name');
    const problem = optionsProblem(data.options, declared(data.name), type === InteractionType.ApplicationCommandAutocomplete);
    if (problem) return fail(problem);
  } else if (type === InteractionType.MessageComponent) {
    if (!isObject(data)) return fail('data is missing');
    if (!isString(data.custom_id, NAME_MAX)) return fail('data.custom_id must be a string of at most 100 characters');
    if (typeof data.component_type !== 'number' || !(data.component_type in ComponentType)) return fail('data.component_type must be a component type');
  }
  // Modal submits and types newer than this code: handleRaw answers them quietly without reading data.
  return { ok: true, raw: value as unknown as RawInteraction };
}
