// /who person:<name or role> [about] [since] [until] [hide] — what a person said and when, in date
// order (with about: best match first); names and roles autocomplete.
import { ApplicationCommandOptionType as Option } from 'discord-api-types/v10';
import { defineCommand } from '../src/bot/commandContract.js';
import { ephemeralIf } from '../src/bot/safety.js';
import { renderWho } from '../src/render/discord.js';
import { examplesFrom, forExample } from '../src/render/examples.js';
import { LIMITS } from '../src/render/discordLimits.js';
import { truncate } from '../src/render/truncate.js';

export const command = defineCommand({
  data: {
    name: 'who',
    description: 'What a person said in the coverage, and when.',
    options: [
      { type: Option.String, name: 'person', description: 'A name, e.g. Lammy or Zelensky', required: true, max_length: 100, autocomplete: true },
      { type: Option.Boolean, name: 'hide', description: 'Only you see the answer' },
      { type: Option.String, name: 'about', description: 'Only statements about these words, best first', max_length: 100 },
      { type: Option.String, name: 'since', description: 'Said (else published) on or after, e.g. 2025-03-01', max_length: 40 },
      { type: Option.String, name: 'until', description: 'Said (else published) on or before, e.g. 2025-03-31', max_length: 40 },
    ],
  },
  async execute(interaction, args, ctx) {
    await interaction.deferReply({ flags: ephemeralIf(args.hide ?? false) });
    const person = args.person.trim();
    if (!/[\p{L}\p{N}]/u.test(person)) {
      const example = examplesFrom(ctx.library.coverage).person;
      await ctx.pager.show(interaction, [{ content: `Please give a name${forExample('who', 'person', example)}.`, embeds: [] }]);
      return;
    }
    const filters = { about: args.about, since: args.since, until: args.until };
    const articles = new Map(ctx.library.coverage.articles.map((a) => [a.doc, a]));
    await ctx.pager.show(interaction, renderWho(ctx.library.who(person, filters), { articleOf: (doc) => articles.get(doc) }));
  },
  async autocomplete(interaction, ctx) {
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
  },
});
