/** CLI: prints every 8+ word run a guide file shares with the seed article. Usage: tsx scripts/check-overlap.ts [files...] */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedRuns } from '../tests/content/overlap.ts';

const seedDir = '../shared/seeds';
if (!existsSync(seedDir)) {
  console.log('No ../shared/seeds folder: nothing to compare against.');
  process.exit(0);
}
const seed = readdirSync(seedDir)
  .map((f) => readFileSync(join(seedDir, f), 'utf8'))
  .join('\n');
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync('content/guide').map((f) => join('content/guide', f));
let bad = 0;
for (const f of files) {
  for (const run of sharedRuns(readFileSync(f, 'utf8'), seed)) {
    bad++;
    console.log(`${f}: "${run}"`);
  }
}
console.log(bad ? `${bad} copied run(s) found` : 'No 8-word run shared with the seed article.');
process.exit(bad ? 1 : 0);
