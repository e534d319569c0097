// What src/search offers the layers after it and the edges: the index and its options, the query
// plan and ranking, the persisted state, and the pieces the live index (src/live) ranks a segment
// with. Edges import from here, not from the modules (checked by .dependency-cruiser.cjs); src/answer
// still names modules directly, as it did before this file.
export type { IndexExtras } from './buildIndex.js';
export type { CollectionStats } from './collectionStats.js';
export { contextOf } from './context.js';
export { openSearchState } from './indexCache.js';
export { INDEX_FIELDS, RANK_OPTIONS, type IndexedDocument } from './indexOptions.js';
export { combinedStats, knownIn, segmentOf } from './liveSegment.js';
export { RESEMBLANCE, resemblance, shingles } from './nearDuplicates.js';
export { planQuery, type QueryPlan } from './queryPlan.js';
export { expandPlan, rankSegment, type Ranked } from './rank.js';
export type { SearchRequest } from './searchIndex.js';
export type { SearchState } from './searchState.js';
export { joinShortForms, learnShortForms, type ShortForms } from './shortForms.js';
export { speakerNames } from './speakerNames.js';
