// Page furniture that survives an article extractor: lines a reader skips (share and subscribe
// calls, "Continue reading", related links, photo credits, bylines in capitals). Judged on short
// blocks only, so a body paragraph that happens to contain these words is never dropped.

// A short block that opens like this is a call to action or a label, not reporting.
const OPENERS =
  /^(continue reading|read more|read the full|keep reading|sign up|subscribe|follow (us|him|her|me|them)\b|share (this|on|via)\b|advertisement|advert\b|sponsored\b|paid partner|powered by|disclosures?\b|related( articles?| stories| content)?:|see also\b|more on this\b|image (copyright|caption|source)|media caption|click here|listen to (this|the)|watch:|download (the|our)|most (read|popular)\b|recommended\b|topics\b)/iu;

// Anywhere in a short block: author-bio and contribution lines, and the WordPress feed footer
// "The post … appeared first on …".
const ANYWHERE = /\bappeared first on\b|\bfollow (him|her|them|us|me) on (twitter|x|facebook|instagram|threads|bluesky)\b|\bcontributed (reporting )?to this (report|article|story)\b|\bfirst published\b.{0,40}\d{4}/iu;

// "JIM WATSON/AFP/Getty Images": names separated by slashes, no sentence.
const PHOTO_CREDIT = /^[\p{Lu}][\p{L}\p{M}.' &-]*(\/[\p{L}\p{M}.' &-]+)+$/u;

const words = (text: string) => text.split(/\s+/u).filter(Boolean).length;

export function isFurnitureLine(text: string): boolean {
  const n = words(text);
  if (n <= 20 && OPENERS.test(text)) return true;
  if (n <= 60 && ANYWHERE.test(text)) return true;
  if (n <= 12 && PHOTO_CREDIT.test(text)) return true;
  // A line in capitals ("SIGN UP FOR OUR NEWSLETTER", "JANE DOE IS OUR POLITICAL EDITOR").
  if (n >= 2 && n <= 15 && /\p{Lu}{2}/u.test(text) && !/\p{Ll}/u.test(text)) return true;
  return false;
}

// Class names of page parts that are never the story: promotions, sign-ups, share bars, adverts,
// embedded video and graphics players. Matched per class token, by whole hyphen/underscore parts.
const FURNITURE_CLASS = /(^|[-_])(promo|promos|related|newsletter|signup|sign-up|subscribe|subscription|share|sharing|social|advert|advertisement|ads?|sponsor|sponsored|interstitial|video|graphic|outbrain|taboola|recirc|byline|dateline|breadcrumbs?|nav|menu|footer|toolbar)($|[-_])/iu;
const CAPTION_CLASS = /(^|[-_])(caption|credit|wp-caption-text)($|[-_])/iu;

export function isFurnitureClass(className: string): boolean {
  return className.split(/\s+/u).some((token) => FURNITURE_CLASS.test(token));
}

export function isCaptionClass(className: string): boolean {
  return className.split(/\s+/u).some((token) => CAPTION_CLASS.test(token));
}

/** A heading is a body paragraph only when it reads as a sentence (some pages set the lede as <h2>). */
export function isSentenceHeading(text: string): boolean {
  return words(text) >= 8 && /[.?!]["'”’)]*$/u.test(text);
}
