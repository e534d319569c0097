// /who person:<name> [hide] — what a person said and when, in date order; names autocomplete.
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
  .toJSON();

export async function execute(interaction: CommandInteraction, ctx: CommandContext): Promise<void> {
  const hide = interaction.options.getBoolean('hide') ?? false;
  await interaction.deferReply({ flags: ephemeralIf(hide) });
  const person = interaction.options.getString('person', true).trim();
  if (!/[\p{L}\p{N}]/u.test(person)) {
    await ctx.pager.show(interaction, [{ content: 'Please give a name, e.g. `/who person: Lammy`.', embeds: [] }]);
    return;
  }
  const articles = new Map(ctx.library.coverage.articles.map((a) => [a.doc, a]));
  await ctx.pager.show(interaction, renderWho(ctx.library.who(person), { articleOf: (doc) => articles.get(doc) }));
}

export async function autocomplete(interaction: AutocompleteRequest, ctx: CommandContext): Promise<void> {
  const typed = String(interaction.options.getFocused()).slice(0, 100);
  const people = ctx.library.suggestPeople(typed, LIMITS.autocompleteChoices);
  const choices = people.slice(0, LIMITS.autocompleteChoices).map((p) => {
    const said = p.statements > 0 ? ` — ${p.statements} statement${p.statements === 1 ? '' : 's'}` : '';
    return { name: truncate(`${p.name}${said}`, LIMITS.choiceName), value: p.name.slice(0, LIMITS.choiceValue) };
  });
  await interaction.respond(choices);
}
