// The head of a plain-text or Markdown article: YAML front matter, the date line in the forms
// archives write it, and (once boilerplate is gone) a headline line. What is read here is metadata,
// never a paragraph; a date that cannot be read is a warning, never a guess.
import { parse as parseYaml } from 'yaml';
import type { IsoDate } from '../types.js';
import { parseDateLine } from './parseDateLine.js';
import { isDateShaped, readDate } from './readDate.js';

export interface Header {
  title: string | null;
  publishedOn: IsoDate | null;
  source: string | null;
  url: string | null;
  /** The lines after the header, in order (the text after a ` date YYYY-MM-DD` stays as body). */
  body: string[];
  /** Problems worth telling the operator, without the file name (the caller adds it). */
  warnings: string[];
}

// "Date: …", "Published: …", "Published on …", "Posted: …". With a colon the line is a header even
// when the date cannot be read; without one it is a header only when the rest is a readable date.
const LABELLED = /^\s*(date|published(?:\s+on)?|publication\s+date|posted(?:\s+on)?|pubdate)\s*(:)?\s*(.+?)\s*$/iu;
/** How many lines at the top may hold the date (a headline may come first). */
const HEADER_LINES = 3;
const FRONT_MATTER_END = /^(?:---|\.\.\.)\s*$/u;
const FRONT_MATTER_DATE_KEYS = ['date', 'published', 'publishedOn', 'published_on', 'pubDate'];

type DateLineReading = { date: IsoDate } | { unreadable: string } | null;

/** A whole line that is a date header: labelled, or nothing but a date. */
export function readDateHeaderLine(line: string): DateLineReading {
  const labelled = LABELLED.exec(line);
  if (labelled) {
    const reading = readDate(labelled[3]!);
    if ('date' in reading || labelled[2]) return reading;
  }
  const bare = readDate(line);
  if ('date' in bare) return bare;
  return isDateShaped(line) ? bare : null;
}

function frontMatter(lines: string[], header: Header): string[] {
  if (lines[0]?.trim() !== '---') return lines;
  const end = lines.findIndex((line, i) => i > 0 && FRONT_MATTER_END.test(line));
  if (end < 0) return lines;
  let data: unknown;
  try {
    data = parseYaml(lines.slice(1, end).join('\n'));
  } catch (error) {
    header.warnings.push(`front matter is not valid YAML (${(error as Error).message.split('\n')[0]}); ignored`);
    return lines.slice(end + 1);
  }
  if (!data || typeof data !== 'object') return lines.slice(end + 1);
  const fields = data as Record<string, unknown>;
  const text = (key: string) => {
    const value = fields[key];
    return typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' || value instanceof Date ? String(value) : null;
  };
  header.title = text('title');
  header.source = text('source');
  header.url = text('url') ?? text('link');
  for (const key of FRONT_MATTER_DATE_KEYS) {
    const value = fields[key] instanceof Date ? (fields[key] as Date).toISOString().slice(0, 10) : text(key);
    if (value === null) continue;
    const reading = readDate(value);
    if ('date' in reading) header.publishedOn = reading.date;
    else header.warnings.push(`front matter ${key}: ${reading.unreadable}; treated as undated`);
    break;
  }
  return lines.slice(end + 1);
}

/** Splits the front matter and date line off an article's lines (already normalised). */
export function parseHeader(lines: string[]): Header {
  const header: Header = { title: null, publishedOn: null, source: null, url: null, body: [], warnings: [] };
  let rest = frontMatter(lines, header);

  // The old form first: ` date 2025-04-23 <body text on the same line>`.
  const dateLine = parseDateLine(rest[0] ?? '');
  if (dateLine.invalid) header.warnings.push(`"${dateLine.invalid}" is not a real date; treated as undated`);
  if (dateLine.publishedOn || dateLine.invalid) {
    header.publishedOn ??= dateLine.publishedOn;
    header.body = [dateLine.rest, ...rest.slice(1)];
    return header;
  }

  // Otherwise a date line among the first few non-empty lines (a headline may sit above it).
  const kept = [...rest];
  let seen = 0;
  for (let i = 0; i < kept.length && seen < HEADER_LINES; i++) {
    const line = kept[i]!;
    if (!line.trim()) continue;
    seen++;
    if (line.length > HEADLINE_MAX_CHARS) break; // Body text: the header is over.
    const reading = readDateHeaderLine(line);
    if (!reading) continue;
    if ('date' in reading) header.publishedOn ??= reading.date;
    else header.warnings.push(`date line "${line.trim().slice(0, 80)}" cannot be read (${reading.unreadable}); treated as undated`);
    kept.splice(i, 1);
    break;
  }
  rest = kept;
  header.body = rest;
  return header;
}

// A headline does not end like a sentence: no full stop, colon or comma at its end (a question or
// exclamation mark is allowed: "Will Blair call an election?", and so is a trailing "…").
const SENTENCE_END = /(?<!\.\.)[.:;,]["'”’)\]]*$/u;
// It starts like a title: not with a lower-case word ("iTunes" is fine, "and then" is not).
const TITLE_START = /^(?!\p{Ll}+\b)["'“‘(]?[\p{L}\p{N}\p{Sc}&#]/u;
const HEADLINE_MAX_CHARS = 150;
const HEADLINE_MAX_WORDS = 20;
const MARKDOWN_HEADING = /^#{1,3}\s+(.+?)\s*#*\s*$/u;

/**
 * The headline, when the first line of cleaned body lines is one: a Markdown heading, or a line that
 * is short, starts like a title, does not end like a sentence and is followed by body text.
 */
export function headlineOf(lines: string[]): string | null {
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first < 0) return null;
  const line = lines[first]!.replace(/\s+/gu, ' ').trim();
  const hasBody = lines.slice(first + 1).some((l) => /[\p{L}]/u.test(l));
  if (!hasBody) return null;
  const heading = MARKDOWN_HEADING.exec(line);
  if (heading) return heading[1]!;
  if (line.length > HEADLINE_MAX_CHARS || line.split(' ').length > HEADLINE_MAX_WORDS) return null;
  if (SENTENCE_END.test(line) || !TITLE_START.test(line) || isDateShaped(line)) return null;
  return line;
}
