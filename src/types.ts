// The shapes every layer shares: loading, statements, search, answers, rendering and the bot.
// Keep this file free of logic so that any layer can import it without pulling in another.

/** A calendar date as `YYYY-MM-DD`. Never a guess: `null` where the coverage does not say. */
export type IsoDate = string;

/** One article of coverage, after cleaning. */
export interface Article {
  /**
   * The article's id in every citation: the file name without its extension; `<file>#<slug>` for one
   * of several articles in a file (feed items, `.jsonl` lines).
   */
  doc: string;
  /** Where it was loaded from. */
  path: string;
  title: string | null;
  url: string | null;
  /** The publisher, e.g. "The Independent", when the text or a sidecar says so. */
  source: string | null;
  /** From the ` date YYYY-MM-DD` first line or a sidecar; `null` when undated. */
  publishedOn: IsoDate | null;
  /** Body paragraphs, numbered 1.. in reading order after cleaning. */
  paragraphs: Passage[];
  /** Photo captions: article metadata, never passages. */
  captions: Caption[];
  /** Who wrote it, when a page or feed says so (e.g. "Erin Cunningham"). */
  byline?: string | null;
}

/** A photo caption that followed an "open image in gallery" marker. */
export interface Caption {
  /** The body paragraph it came after (0 when before the first). */
  afterParagraph: number;
  text: string;
  /** The photo credit in trailing brackets, e.g. "Jeff Moore/PA". */
  credit: string | null;
}

/** One body paragraph: the unit of search and of citation. */
export interface Passage {
  doc: string;
  /** 1-based position in the cleaned article. */
  paragraph: number;
  text: string;
  publishedOn: IsoDate | null;
  source: string | null;
  /** The article's title and link, when the coverage gives them (copied from its Article). */
  title?: string | null;
  url?: string | null;
}

/** Where a passage or statement comes from. `citation` is `<doc> ¶<n>`. */
export interface Citation {
  doc: string;
  paragraph: number;
  citation: string;
  publishedOn: IsoDate | null;
  source: string | null;
  title?: string | null;
  url?: string | null;
}

export type StatementKind = 'direct' | 'partial' | 'indirect';

/** Words attributed to a speaker in one paragraph. */
export interface Statement {
  doc: string;
  paragraph: number;
  /** Canonical name of the person or speaking body (a spokesperson is never their principal). */
  speaker: string;
  /** The words attributed, without quote marks. */
  text: string;
  kind: StatementKind;
  /** When it was said, when the text says so; never after `publishedOn`. */
  saidOn: IsoDate | null;
  publishedOn: IsoDate | null;
  /** The attribution words, e.g. "he told reporters on Tuesday night". */
  cue: string;
}

/** An entry of the people register: a person or a speaking body. */
export interface Person {
  name: string;
  aliases: string[];
  kind: 'person' | 'body';
  /** Roles by article, e.g. { doc: "000_…", role: "Foreign Secretary" }. */
  roles: { doc: string; role: string }[];
  statements: number;
  mentions: number;
  /** How many articles name them (absent in registers from before it was counted). */
  articles?: number;
}

/** Everything loaded and derived from a folder of coverage. */
export interface Coverage {
  articles: Article[];
  passages: Passage[];
  statements: Statement[];
  people: Person[];
  /** Files skipped, each with why. */
  skipped: { path: string; reason: string }[];
}

/** One result of `ask`: a passage, best first, with any same-text passages folded in. */
export interface Hit extends Passage {
  score: number;
  /** Citations of passages elsewhere that say the same thing. */
  alsoIn: Citation[];
  /**
   * Where in `text` the answer of the kind asked for is (a date for "when", an amount for "how much"…),
   * when the question has a kind and a sentence carrying its focus words holds one: the excerpt keeps
   * that sentence and bolds the span.
   */
  answer?: { start: number; end: number };
}

export interface AskAnswer {
  question: string;
  passages: Hit[];
  /** A friendly one-line explanation when there is nothing to show (empty question, no match). */
  notice: string | null;
  /** True when the best passage shares only common words, or one word, with the question (see weakMatch.ts). */
  weak?: boolean;
}

export interface WhoAnswer {
  query: string;
  person: { name: string; aliases: string[] } | null;
  /** Ordered by when said, else when published. */
  statements: Statement[];
  /** Nearest names when the query matched nobody ("did you mean"). */
  suggestions: string[];
  /** When asked by role: who holds it in the coverage, e.g. "David Lammy, Foreign Secretary in 4 articles". */
  roleNote?: string | null;
  /** A friendly line when filters (about, since, until) left nothing or could not be read. */
  notice?: string | null;
}

/** Why fetching a page for /add failed (src/fetch/fetchPage.ts); src/render/addReply.ts words each one. */
export type FetchRefusal =
  | 'not-http'
  | 'blocked-address'
  | 'too-large'
  | 'timeout'
  | 'http-status'
  | 'not-html'
  | 'too-many-redirects'
  | 'unreachable';
