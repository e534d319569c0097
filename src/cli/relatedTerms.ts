// `npm run related-terms`: rewrites src/search/relatedTerms.json from WordNet (see relatedTerms.ts).
import { writeFileSync } from 'node:fs';
import { deriveRelatedTerms, RELATED_TERMS_FILE } from '../search/relatedTerms.js';

const table = deriveRelatedTerms();
writeFileSync(RELATED_TERMS_FILE, `${JSON.stringify(table)}\n`);
process.stdout.write(`${Object.keys(table).length} terms written to ${RELATED_TERMS_FILE.pathname}\n`);
