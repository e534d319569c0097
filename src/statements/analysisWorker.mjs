// Entry of the analysis worker under tsx (tests, `npm run dev`). Node 20 does not pass the parent's
// tsx hooks to worker threads, so the worker registers tsx itself before loading the TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./analysisWorker.ts');
