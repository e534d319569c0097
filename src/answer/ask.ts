// `ask`: plan the question, rank passages (filtered by date and source when asked), fold same-text
// passages into one hit with every citation.
import type { AskAnswer, Hit, IsoDate, Passage, Person, Statement } from '../types.js';
import { foldCase } from '../corpus/foldCase.js';
import { planQuery, type QueryPlan, type Vocabulary } from '../search/queryPlan.js';
import { searchPassages, type Ranked, type SearchRequest } from '../search/searchIndex.js';
import type { SearchState } from '../search/searchState.js';
import { citationOf } from './citation.js';
import { EMPTY_COVERAGE, emptyPlanNotice, filterNotice, noMatchNotice } from './notices.js';
import { passageFeatures, QUESTION_TYPE_BOOST, questionType, RERANK_DEPTH, type QuestionType } from './questionTypes.js';
import { answerFinder } from './answerFinder.js';
import { isWeakMatch, WEAK_NOTICE } from './weakMatch.js';
import { contextOf } from '../search/context.js';
import { sameArticles } from './sameArticles.js';
import { statsOf, type CollectionStats } from '../search/collectionStats.js';
import { learnShortForms, withShortForms, type ShortForms } from '../search/shortForms.js';

export const DEFAULT_LIMIT = 5;

export interface AskFilters {
  /** Only passages published on or after this date (YYYY-MM-DD). Undated passages are left out. */
  since?: IsoDate;
  /** Only passages published on or before this date (YYYY-MM-DD). Undated passages are left out. */
  until?: IsoDate;
  /** Only passages whose source contains this (case and accents ignored), e.g. "independent". */
  source?: string;
}

export interface AskOptions extends AskFilters {
  /** Most passages to return (default 5). */
  limit?: number;
  /**
   * Drop passages scoring below this fraction of the best one (default 0: keep all). On the dev and
   * paraphrase questions every relevant passage in the top 12 scored at least 0.46 of the best, and
   * the tail below 0.2 was passages sharing one common word with the question; the bot uses 0.2.
   */
  minRelativeScore?: number;
}

export type Ask = (question: string, options?: AskOptions) => AskAnswer;

/** For the evals and experiments: ranking and planning other than production's. */
export interface AskTuning {
  search?: Pick<SearchRequest, 'rank'>;
  /** Re-ranking boost per question type (default QUESTION_TYPE_BOOST); {} turns question types off. */
  questionTypes?: Partial<Record<QuestionType, number>>;
  plan?: (question: string, state: SearchState) => QueryPlan;
  /** Score multiplier by number of planned terms matched, and terms planned (MiniSearch: matched). */
  coordination?: (matched: number, planned: number) => number;
  /** false: no short forms learned from the coverage (for measuring what they do). */
  shortForms?: false;
}

/**
 * What `ask` needs from an index, when it is not one SearchState: the live library's base + live
 * segment (src/live/liveIndex.ts) gives the same plan, ranking request and groups, so question types,
 * filters and folding work on it exactly as on a fresh index.
 */
export interface PassageSearch {
  /** Passages searchable (0: the coverage is empty). */
  documentCount: number;
  /** Tells the planner known words from unknown ones. */
  vocabulary: Vocabulary;
  /** Ranked passage ids (positions in the passages given to makeAsk), best first. */
  search(plan: QueryPlan, request: SearchRequest): Ranked[];
  /** Groups of passage ids that say the same thing (see nearDuplicates.ts). */
  groups: number[][];
  /** Collection statistics, for weighing the question's words by rarity (the live index has them). */
  stats?: CollectionStats;
  /** Short forms the coverage defines, when already learned (stored with the index); else learned on the first question. */
  shortForms?: ShortForms;
}

/**
 * An `ask` over passages and the search state built from them (ids are positions in `passages`), or
 * over a `PassageSearch` (then `passages` may hold null at ids the search never returns).
 */
export function makeAsk(
  passages: readonly (Passage | null)[],
  state: SearchState | PassageSearch,
  about: { statements?: Statement[]; people?: Person[] } = {},
  tuning: AskTuning = {},
): Ask {
  const search: PassageSearch =
    'index' in state
      ? {
          documentCount: passages.length,
          vocabulary: state.index,
          search: (plan, request) => searchPassages(state.index, plan, request),
          groups: state.groups,
          stats: statsOf(state.index),
          shortForms: state.shortForms,
        }
      : state;
  // Passage id → the other ids of its duplicate group; computed once here, not per question.
  const twins = new Map<number, number[]>();
  for (const group of search.groups) for (const id of group) twins.set(id, group.filter((other) => other !== id));
  const tuned = tuning.plan;
  // Short forms the coverage defines ("Lib Dems" ↔ "Liberal Democrats"): learned with the index and
  // stored with it; else (a state made by hand) on the first question, a pass over every passage.
  let shortForms: ShortForms | null = tuning.shortForms === false ? new Map() : (search.shortForms ?? null);
  const formsOf = () => (shortForms ??= learnShortForms(passages, about.people ?? []));
  const plan =
    tuned && 'index' in state
      ? (question: string) => tuned(question, state)
      : (question: string) => withShortForms(planQuery(question, search.vocabulary), question, formsOf(), (t) => search.vocabulary.has(t));
  const boosts = tuning.questionTypes ?? QUESTION_TYPE_BOOST;
  const carries = passageFeatures(passages as readonly Passage[], about.statements ?? [], about.people ?? []);
  const answers = answerFinder(passages, about.people ?? [], search.stats);
  // What the index reads beside a passage's text (its fields), for judging a weak match.
  const speakersAt = new Map<string, string[]>();
  for (const s of about.statements ?? []) {
    const key = `${s.doc}\u0000${s.paragraph}`;
    speakersAt.set(key, [...(speakersAt.get(key) ?? []), s.speaker]);
  }
  // Copies of one article under two files are one article: "Also in" never cites the article shown
  // again, nor a citation that would read the same as one already given (a revised version under the
  // same headline, date and source: the reader could not tell them apart).
  let articleOf: Map<string, string> | null = null;
  const sameArticle = (a: string, b: string) => {
    articleOf ??= sameArticles(passages);
    return (articleOf.get(a) ?? a) === (articleOf.get(b) ?? b);
  };
  const alsoInOf = (id: number, others: number[]) => {
    const passage = passages[id]!;
    const readsAs = (p: Passage) => `${p.title ?? p.doc}\u0000${p.source}\u0000${p.publishedOn}\u0000${p.paragraph}`;
    const cited: Passage[] = [];
    const seen = new Set([readsAs(passage)]);
    for (const other of others) {
      const p = passages[other]!;
      if (sameArticle(p.doc, passage.doc) || seen.has(readsAs(p)) || cited.some((c) => c.paragraph === p.paragraph && sameArticle(c.doc, p.doc))) continue;
      seen.add(readsAs(p));
      cited.push(p);
    }
    return cited.map(citationOf);
  };
  const readBeside = (id: number): string[] => {
    const passage = passages[id]!;
    const context = passages[id - 1] ? contextOf(passages as Passage[], id) : undefined;
    return [passage.text, passage.title ?? '', context ?? '', ...(speakersAt.get(`${passage.doc}\u0000${passage.paragraph}`) ?? [])];
  };

  return (question, options = {}) => {
    if (search.documentCount === 0) return { question, passages: [], notice: EMPTY_COVERAGE };
    const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT));
    const planned = plan(question);
    if (planned.terms.length === 0) return { question, passages: [], notice: emptyPlanNotice(planned) };

    const filter = passageFilter(passages as readonly Passage[], options);
    const coordination = tuning.coordination;
    const plannedCount = planned.terms.length;
    const prior = coordination ? (_id: number, matched: number) => coordination(matched, plannedCount) : undefined;
    const typed = questionType(question);
    const boost = typed ? boosts[typed.type] : undefined;
    const focus = answers.focus(planned);
    // "When / where / who / how much / why": the passage's answering sentence decides (answerFinder.ts).
    const kind = typed && typed.type !== 'said' ? answers.forQuestion(typed.type, question, focus) : null;
    // Only the best few are ranked (a full ranking sorts every matching paragraph: ~10k at 100k
    // paragraphs); folding twins can use some up, so when the page runs out first, rank a longer one.
    let hits: Hit[] = [];
    let bestId = -1;
    for (let wanted = limit * 4 + 16; ; wanted *= 4) {
      const asked = boost ? Math.max(wanted, RERANK_DEPTH) : wanted;
      let ranked = search.search(planned, { ...tuning.search, limit: asked, accept: filter?.accept, prior });
      if (boost && kind) {
        // Re-rank the best by BM25 by how much of the question their answering sentence carries.
        ranked = ranked
          .map((r) => ({ id: r.id, score: r.score * (1 + boost * (kind.answer(r.id)?.strength ?? 0)) }))
          .sort((a, b) => b.score - a.score || a.id - b.id);
      } else if (boost && typed) {
        // "What did X say …": passages with a statement by X move up.
        ranked = ranked
          .map((r) => (carries(typed, r.id) ? { id: r.id, score: r.score * (1 + boost) } : r))
          .sort((a, b) => b.score - a.score || a.id - b.id);
      }
      hits = [];
      const shown = new Set<number>();
      for (const { id, score } of ranked) {
        if (hits.length >= limit) break;
        if (shown.has(id)) continue; // Already folded into a better-ranked twin.
        const others = (twins.get(id) ?? []).filter((other) => !filter || filter.accept(other));
        for (const other of twins.get(id) ?? []) shown.add(other);
        const passage = passages[id]!;
        if (hits.length === 0) bestId = id;
        const span = kind?.answer(id)?.span;
        hits.push({ ...passage, score, alsoIn: alsoInOf(id, others), ...(span ? { answer: span } : {}) });
      }
      if (hits.length >= limit || ranked.length < asked) break;
    }
    const floor = (hits[0]?.score ?? 0) * (options.minRelativeScore ?? 0);
    hits = hits.filter((hit) => hit.score >= floor);
    // The list stays whole (the evals read rankings); renderers show WEAK_SHOWN of a weak one.
    const weak = hits.length > 0 && isWeakMatch(planned, focus, readBeside(bestId));
    const filtered = filter ? filterNotice(options, filter.undatedLeftOut()) : null;
    const notice = hits.length ? [weak ? WEAK_NOTICE : null, filtered].filter(Boolean).join(' ') : [noMatchNotice(question), filtered].filter(Boolean).join(' ');
    return { question, passages: hits, notice: notice || null, ...(weak ? { weak } : {}) };
  };
}

interface PassageFilter {
  accept: (id: number) => boolean;
  /** Undated passages the date filter left out that would otherwise have matched (counted as seen). */
  undatedLeftOut: () => number;
}

/** The filter for these options, or null when none is given. */
export function passageFilter(passages: readonly Passage[], filters: AskFilters): PassageFilter | null {
  const { since, until } = filters;
  const source = filters.source?.trim() ? foldCase(filters.source.trim()) : null;
  if (!since && !until && !source) return null;
  const sourceOk = new Map<string | null, boolean>();
  const undated = new Set<number>();
  return {
    accept: (id) => {
      const passage = passages[id]!;
      if (source !== null) {
        let ok = sourceOk.get(passage.source);
        if (ok === undefined) sourceOk.set(passage.source, (ok = passage.source !== null && foldCase(passage.source).includes(source)));
        if (!ok) return false;
      }
      if (since || until) {
        const date = passage.publishedOn;
        if (date === null) {
          undated.add(id);
          return false;
        }
        if ((since && date < since) || (until && date > until)) return false;
      }
      return true;
    },
    undatedLeftOut: () => undated.size,
  };
}
