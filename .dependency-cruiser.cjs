// The pipeline's direction, checked in CI (`npm run -s deps`, .ci/run). Coverage flows one way:
//   corpus → statements → search → answer → render → edges (bot, http, live, fetch, cli, eval, standin, commands/)
// A layer may import the layers before it (and src/*.ts at the root: shared types and small helpers),
// never one after it; nothing before render knows Discord. docs/ARCHITECTURE.md explains each layer.
const PIPELINE = ['corpus', 'statements', 'search', 'answer', 'render'];
const EDGES = ['bot', 'http', 'live', 'fetch', 'cli', 'eval', 'standin'];

const later = (layer) => [...PIPELINE.slice(PIPELINE.indexOf(layer) + 1), ...EDGES];

module.exports = {
  forbidden: [
    ...PIPELINE.map((layer) => ({
      name: `${layer}-imports-a-later-layer`,
      comment: `src/${layer} may import only the layers before it in the pipeline (${PIPELINE.join(' → ')}); move the code, or the import, down a layer.`,
      severity: 'error',
      from: { path: `^src/${layer}/` },
      to: { path: [`^src/(${later(layer).join('|')})/`, '^commands/'] },
    })),
    {
      name: 'store-below-the-pipeline',
      comment: 'src/store keeps bytes for the layers that derive them (statements, search) and for src/state; it knows only the root types and the loader\'s read-cache contract.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: [`^src/(${[...PIPELINE.slice(1), ...EDGES, 'state'].join('|')})/`, '^commands/'] },
    },
    {
      name: 'shared-state-for-the-edges',
      comment: 'src/state (what replicas agree on: page keys, seen interactions, rate limits) serves the edges; the pipeline never imports it.',
      severity: 'error',
      from: { path: `^src/(${PIPELINE.join('|')})/` },
      to: { path: '^src/state/' },
    },
    {
      name: 'root-imports-a-layer',
      comment: 'src/*.ts at the root (types, small helpers) is below every layer.',
      severity: 'error',
      from: { path: '^src/[^/]+\\.ts$' },
      to: { path: [`^src/(${[...PIPELINE, ...EDGES, 'store', 'state'].join('|')})/`, '^commands/'] },
    },
    {
      name: 'discord-below-render',
      comment: 'Everything before rendering is pure and knows nothing of Discord.',
      severity: 'error',
      from: { path: '^src/(corpus|statements|search|answer)/' },
      to: { path: 'node_modules/(discord\\.js|discord-api-types|@discordjs)/' },
    },
    {
      name: 'render-without-the-client',
      comment: 'Rendering makes plain message JSON: discord-api-types (data only), never the discord.js client.',
      severity: 'error',
      from: { path: '^src/render/' },
      to: { path: 'node_modules/(discord\\.js|@discordjs)/' },
    },
    {
      name: 'edges-through-the-search-surface',
      comment: 'The edges use src/search through src/search/index.ts, its declared surface (add an export there). The related-terms generator is a maintenance tool that writes one of search\'s data files.',
      severity: 'error',
      from: { path: `^(src/(${EDGES.filter((e) => e !== 'eval').join('|')})/|commands/)`, pathNot: '^src/cli/relatedTerms\\.ts$' },
      to: { path: '^src/search/', pathNot: '^src/search/index\\.ts$' },
    },
    {
      name: 'not-to-tests',
      comment: 'Production code never imports tests or benchmarks.',
      severity: 'error',
      from: { path: '^(src|commands)/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
