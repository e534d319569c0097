// The search side of one library snapshot: the packed base index (built or loaded once), plus a live
// segment holding every paragraph that is new or whose indexed fields differ from what the base holds,
// plus the set of base paragraphs to hide. Computing it is linear in the coverage's paragraph count for
// the comparison (string equality per paragraph, no tokenising) and proportional to what changed for
// the rest, so one new article at 100,000 paragraphs is searchable in well under a second.
import type { PassageSearch } from '../answer/ask.js';
import type { Article, Passage } from '../types.js';
import {
  combinedStats,
  contextOf,
  expandPlan,
  INDEX_FIELDS,
  joinShortForms,
  knownIn,
  learnShortForms,
  planQuery,
  RANK_OPTIONS,
  rankSegment,
  RESEMBLANCE,
  resemblance,
  segmentOf,
  shingles,
  type CollectionStats,
  type IndexedDocument,
  type QueryPlan,
  type Ranked,
  type SearchRequest,
  type SearchState,
} from '../search/index.js';

/** A built base: its search state and what it indexed, by base id (= position in its passages). */
export interface IndexBase {
  state: SearchState;
  passages: readonly Passage[];
  documents: readonly IndexedDocument[];
  /** Base id of each article's first paragraph (an article's paragraphs are consecutive). */
  firstOf: ReadonlyMap<string, number>;
}

export function makeBase(state: SearchState, passages: readonly Passage[], documents: readonly IndexedDocument[]): IndexBase {
  const firstOf = new Map<string, number>();
  passages.forEach((p, id) => {
    if (!firstOf.has(p.doc)) firstOf.set(p.doc, id);
  });
  return { state, passages, documents, firstOf };
}

/** Who speaks in each paragraph of one article (from speakerNames), and all of it as one string. */
export interface ArticleSpeakers {
  byParagraph: Map<number, string>;
  signature: string;
}

/** speakerNames' `doc \0 paragraph` map, grouped by article. */
export function speakersByArticle(speakers: ReadonlyMap<string, string>): Map<string, ArticleSpeakers> {
  const byDoc = new Map<string, ArticleSpeakers>();
  for (const [key, names] of speakers) {
    const cut = key.indexOf('\u0000');
    const doc = key.slice(0, cut);
    let entry = byDoc.get(doc);
    if (!entry) byDoc.set(doc, (entry = { byParagraph: new Map(), signature: '' }));
    entry.byParagraph.set(Number(key.slice(cut + 1)), names);
    entry.signature += `${key.slice(cut + 1)}\u0000${names}\u0001`;
  }
  return byDoc;
}

export interface CachedDocuments {
  documents: IndexedDocument[];
  signature: string;
}

/**
 * The documents of one article as indexDocuments (src/search/buildIndex.ts) makes them, reusing the
 * array made for the same article object last time when its speakers are unchanged (so an update
 * costs nothing per paragraph of an untouched article, and liveIndex recognises its paragraphs by
 * identity), and the paragraphs' objects whose speakers did not change. `id` is the paragraph's
 * position in the article (ids are not read from these: the base is built by buildIndex, the live
 * segment numbers its own).
 */
export function articleDocuments(
  article: Article,
  speakers: ArticleSpeakers | undefined,
  cache: WeakMap<Article, CachedDocuments>,
): IndexedDocument[] {
  const signature = speakers?.signature ?? '';
  const cached = cache.get(article);
  if (cached?.signature === signature) return cached.documents;
  const title = article.title || undefined;
  const documents = article.paragraphs.map((passage, i) => {
    const names = speakers?.byParagraph.get(passage.paragraph);
    const old = cached?.documents[i];
    if (old && old.speakers === names) return old;
    const document: IndexedDocument = { id: i, text: passage.text };
    if (names) document.speakers = names;
    const context = contextOf(article.paragraphs, i);
    if (context) document.context = context;
    if (title) document.title = title;
    return document;
  });
  cache.set(article, { documents, signature });
  return documents;
}

export interface LiveIndex extends PassageSearch {
  /** Passage by id (base ids then live ids); null for retired base ids, which are never returned. */
  table: (Passage | null)[];
  base: IndexBase;
  /** base + live − retired: what every passage is scored with. */
  stats: CollectionStats;
  /** Paragraphs in the live segment, and base paragraphs hidden: what compaction would fold in. */
  liveCount: number;
  retiredCount: number;
}

/** Candidates per new paragraph when looking for near-duplicates through the index itself. */
const TWIN_CANDIDATES = 8;
/** Words of a new paragraph, its rarest, used to look for copies of it. */
const TWIN_QUERY_TERMS = 6;

const sameDocument = (a: IndexedDocument, b: IndexedDocument) =>
  a.text === b.text && a.speakers === b.speakers && a.context === b.context && a.title === b.title;

/**
 * The index over `passages` (the whole current coverage, in coverage order) whose indexed form is
 * `documents` (same order, from indexDocuments): base paragraphs whose document is unchanged are
 * reused as they are; every other paragraph goes into the live segment; base paragraphs not reused
 * are retired. Searching it is what README "Plugging in a live segment" describes: one plan against
 * both vocabularies, both segments ranked with the same terms and statistics, merged by score.
 */
export function liveIndex(base: IndexBase, passages: readonly Passage[], documents: readonly IndexedDocument[]): LiveIndex {
  const baseSize = base.passages.length;
  const kept = new Int32Array(baseSize).fill(-1); // base id → position in passages
  const liveAt: number[] = []; // live local id → position in passages
  let doc: string | null = null;
  let first: number | undefined;
  passages.forEach((passage, at) => {
    if (passage.doc !== doc) (doc = passage.doc), (first = base.firstOf.get(doc));
    // The same paragraph of the same article in the base, if there is one.
    let id = first === undefined ? -1 : first + passage.paragraph - base.passages[first]!.paragraph;
    const there = base.passages[id];
    if (!there || there.doc !== passage.doc || there.paragraph !== passage.paragraph) id = -1;
    const same = id >= 0 && kept[id] === -1 && (base.documents[id] === documents[at] || sameDocument(base.documents[id]!, documents[at]!));
    if (same) kept[id] = at;
    else liveAt.push(at);
  });
  const retired = new Uint8Array(baseSize);
  const retiredDocuments: IndexedDocument[] = [];
  for (let id = 0; id < baseSize; id++) {
    if (kept[id] === -1) {
      retired[id] = 1;
      retiredDocuments.push(base.documents[id]!);
    }
  }
  const baseIndex = base.state.index;
  const live = segmentOf(liveAt.map((at) => documents[at]!));
  const stats = combinedStats(baseIndex, live, segmentOf(retiredDocuments));
  const size = baseSize + liveAt.length;
  // Ties go by the paragraph's place in the coverage, as they do (by id) in a fresh build.
  const order = new Int32Array(size);
  const table: (Passage | null)[] = new Array(size).fill(null);
  for (let id = 0; id < baseSize; id++) {
    order[id] = kept[id] === -1 ? passages.length : kept[id]!;
    if (kept[id] !== -1) table[id] = passages[kept[id]!]!; // the current object: metadata may have changed
  }
  liveAt.forEach((at, local) => {
    order[baseSize + local] = at;
    table[baseSize + local] = passages[at]!;
  });
  const vocabularies = [baseIndex.vocabulary, live.vocabulary];

  const search = (plan: QueryPlan, request: SearchRequest = {}): Ranked[] => {
    if (plan.terms.length === 0) return [];
    const options = request.rank ?? RANK_OPTIONS;
    const terms = expandPlan(plan, vocabularies, options);
    const { accept, prior, limit } = request;
    const fromBase = rankSegment(baseIndex, stats, terms, options, {
      limit,
      accept: accept ? (id) => !retired[id] && accept(id) : (id) => !retired[id],
      prior: prior && ((id, matched) => (retired[id] ? 1 : prior(id, matched))),
    });
    if (live.documentCount === 0) return fromBase;
    const fromLive = rankSegment(live, stats, terms, options, {
      limit,
      accept: accept && ((local) => accept(baseSize + local)),
      prior: prior && ((local, matched) => prior(baseSize + local, matched)),
    });
    const merged = [...fromBase, ...fromLive.map((r) => ({ id: baseSize + r.id, score: r.score }))];
    merged.sort((x, y) => y.score - x.score || order[x.id]! - order[y.id]!);
    return limit === undefined ? merged : merged.slice(0, Math.max(0, limit));
  };

  return {
    table,
    base,
    stats,
    liveCount: liveAt.length,
    retiredCount: retiredDocuments.length,
    documentCount: stats.documentCount,
    vocabulary: { has: knownIn(stats, INDEX_FIELDS.length) },
    search,
    groups: mergeGroups(base.state.groups, retired, liveAt.map((_, local) => baseSize + local), table, stats, search),
    // The base's short forms and those the live paragraphs define (a form seen beside its name in two
    // articles counts once compaction folds them into the base).
    shortForms: joinShortForms(base.state.shortForms ?? learnShortForms(base.passages), learnShortForms(liveAt.map((at) => passages[at]!))),
  };
}

/**
 * Near-duplicate groups: the base's groups without retired paragraphs, joined with what each live
 * paragraph resembles. Candidates for a live paragraph come from the index itself (its own rarest
 * words as the query), compared by the same shingle resemblance as nearDuplicates.ts. Exact groups
 * for the whole coverage come back with the next compaction (duplicateGroups over everything).
 */
function mergeGroups(
  baseGroups: number[][],
  retired: Uint8Array,
  liveIds: number[],
  table: (Passage | null)[],
  stats: CollectionStats,
  search: (plan: QueryPlan, request: SearchRequest) => Ranked[],
): number[][] {
  const parent = new Map<number, number>();
  const find = (id: number): number => {
    let root = id;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  };
  for (const group of baseGroups) {
    const visible = group.filter((id) => !retired[id]);
    for (let i = 1; i < visible.length; i++) union(visible[0]!, visible[i]!);
  }
  const shingleSets = new Map<number, Set<string>>();
  const shinglesOf = (id: number) => {
    let set = shingleSets.get(id);
    if (!set) shingleSets.set(id, (set = shingles(table[id]!.text)));
    return set;
  };
  const textField = INDEX_FIELDS.indexOf('text');
  for (const id of liveIds) {
    const own = shinglesOf(id);
    // A copy shares the paragraph's rarest words: those few, exact, find it cheaply (a whole
    // paragraph as the query would walk the posting lists of every common word in it).
    const plan = planQuery(table[id]!.text);
    plan.terms = plan.terms
      .map((term) => ({ term: term.term, word: term.word, named: term.named, unknown: false, fuzzy: false as const, prefix: false, df: stats.documentFrequency(term.term, textField) }))
      .sort((a, b) => a.df - b.df)
      .slice(0, TWIN_QUERY_TERMS);
    for (const candidate of search(plan, { limit: TWIN_CANDIDATES })) {
      if (candidate.id === id) continue;
      const other = shinglesOf(candidate.id);
      let shared = 0;
      for (const shingle of own) if (other.has(shingle)) shared++;
      if (shared > 0 && resemblance(shared, own.size, other.size) >= RESEMBLANCE) union(id, candidate.id);
    }
  }
  const groups = new Map<number, number[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const group = groups.get(root);
    if (group) group.push(id);
    else groups.set(root, [id]);
  }
  return [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort((a, b) => a - b));
}
