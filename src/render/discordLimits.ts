// Discord's hard limits on one message (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
// A message over any of these is rejected with a 400, so every renderer checks against this one table.
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  authorName: 256,
  /** Sum of title, description, field names and values, footer text and author name across all embeds. */
  embedsTotal: 6000,
  embeds: 10,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;
