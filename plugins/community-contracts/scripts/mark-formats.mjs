// Each output folder says which module format it holds, so Node (Strapi and Medusa require the
// CommonJS build; Astro and Vite import the ES build) never has to guess from the file extension.
import { writeFileSync } from 'node:fs';

writeFileSync(new URL('../dist/cjs/package.json', import.meta.url), JSON.stringify({ type: 'commonjs' }) + '\n');
writeFileSync(new URL('../dist/esm/package.json', import.meta.url), JSON.stringify({ type: 'module' }) + '\n');
