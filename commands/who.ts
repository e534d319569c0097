// /who person:<name or role> [about] [since] [until] [hide] — what a person said and when, in date
// order (with about: best match first); names and roles autocomplete.
import { SlashCommandBuilder } from 'discord.js';
import type { AutocompleteRequest, CommandContext, CommandInteraction } from '../src/bot/context.js';
import { ephemeralIf } from '../src/bot/safety.js';
import { renderWho } from '../src/render/discord.js';
import { LIMITS } from '../src/render/limits.js';
import { truncate } from '../src/render/truncate.js';

export const data = new SlashCommandBuilder()
  .setName('who')
  .setDescription('What a person said in the coverage, and when.')
  .addStringOption((o) =>
    o.setName('person').setDescription('A name, e.g. Lammy or Zelensky').setRequired(true).setMaxLength(100).setAutocomplete(true),
  )
  .addBooleanOption((o) => o.setName('hide').setDescription('Only you see the answer'))
  .addStringOption((o) => o.setName('about').setDescription('Only statements about these words, best first').setMaxLength(100))
  .addStringOption((o) => o.setName('since').setDescription('Said (else published) on or after, e.g. 2025-03-01').setMaxLength(40))
  .addStringOption((o) => o.setName('until').setDescription('Said (else published) on or before, e.g. 2025-03-31').setMaxLength(40))
  .toJSON();

export async function execute(interaction: CommandInteraction, ctx: CommandContext): Promise<void> {
  const hide = interaction.options.getBoolean('hide') ?? false;
  await interaction.deferReply({ flags: ephemeralIf(hide) });
  const person = interaction.options.getString('person', true).trim();
  if (!/[\p{L}\p{N}]/u.test(person)) {
    await ctx.pager.show(interaction, [{ content: 'Please give a name, e.g. `/who person: Lammy`.', embeds: [] }]);
    return;
  }
  const filters = {
    about: interaction.options.getString('about') ?? undefined,
    since: interaction.options.getString('since') ?? undefined,
    until: interaction.options.getString('until') ?? undefined,
  };
  const articles = new Map(ctx.library.coverage.articles.map((a) => [a.doc, a]));
  await ctx.pager.show(interaction, renderWho(ctx.library.who(person, filters), { articleOf: (doc) => articles.get(doc) }));
}

export async function autocomplete(interaction: AutocompleteRequest, ctx: CommandContext): Promise<void> {
  const typed = String(interaction.options.getFocused()).slice(0, 100);
  const people = ctx.library.suggestPeople(typed, LIMITS.autocompleteChoices);
  const choices = people.slice(0, LIMITS.autocompleteChoices).map((p) => {
    const said = p.statements > 0 ? ` — ${p.statements} statement${p.statements === 1 ? '' : 's'}` : '';
    return { name: truncate(`${p.name}${said}`, LIMITS.choiceName), value: p.name.slice(0, LIMITS.choiceValue) };
  });
  // Roles after names, up to the limit: "Foreign Secretary — David Lammy".
  const roles = ctx.library.suggestRoles?.(typed, LIMITS.autocompleteChoices) ?? [];
  const seen = new Set<string>();
  for (const r of roles) {
    if (choices.length >= LIMITS.autocompleteChoices || seen.has(r.role.toLowerCase())) continue;
    seen.add(r.role.toLowerCase());
    choices.push({ name: truncate(`${r.role} — ${r.holder}`, LIMITS.choiceName), value: r.role.slice(0, LIMITS.choiceValue) });
  }
  await interaction.respond(choices);
}
