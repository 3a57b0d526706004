/**
 * CLI: validates content/programs/*.csv and compiles them into src/generated/ (programs.json,
 * programs.min.json, search-index.json). Usage: tsx scripts/compile-data.ts [--check | --write-review]
 *   (no flag)       compile, write the outputs, print sizes against the budgets
 *   --check         validate only; print counts per track and state, and the coverage table: per fact and
 *                   track, known values by source kind and scope, open ones (disagree, case by case, DOL
 *                   filing only), DOL filings and IR–Independent presence
 *   --write-review  compile and rewrite content/programs/links.review.csv (review the diff before committing)
 * Exits 1 with every problem listed (file:line  field: message) when any source row is bad.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STATES, TRACK_LABEL } from '../src/engine/data/dataset.ts';
import { factCoverage, formatCoverage } from '../src/engine/data/coverage.ts';
import { compileDataset, formatIssue } from './data/compile.ts';
import { COMPACT_BUDGET_GZIP, SEARCH_INDEX_BUDGET_GZIP, buildOutputs, byteSizes, kb } from './data/outputs.ts';
import { linkReviewCsv } from './data/review.ts';
import { readDatasetSources } from './data/sources.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const contentDir = join(root, 'content/programs');
const outDir = join(root, 'src/generated');
const reviewPath = join(contentDir, 'links.review.csv');

const mode = process.argv.includes('--check')
  ? 'check'
  : process.argv.includes('--write-review')
    ? 'write-review'
    : 'compile';

const result = compileDataset(readDatasetSources(root, contentDir));
if (!result.ok) {
  console.error(`Program data: ${result.issues.length} problem(s) found; nothing was written.\n`);
  for (const issue of result.issues) console.error(formatIssue(issue));
  process.exit(1);
}

const { dataset, links } = result;
const programs = dataset.programs;
const review = linkReviewCsv(programs, links);
const reviewCurrent = existsSync(reviewPath) && readFileSync(reviewPath, 'utf8') === review;
const linkedDr = new Set(links.map((l) => l.drId)).size;
const linkedIr = new Set(links.map((l) => l.irId)).size;
const count = (track: string) => programs.filter((p) => p.track === track).length;

console.log(
  `Program data OK: ${programs.length} programs (DR ${count('dr')}, IR-Integrated ${count('ir-integrated')}, ` +
    `IR-Independent ${count('ir-independent')}); ${links.length} DR↔IR links ` +
    `(${links.filter((l) => l.basis === 'override').length} by override); ${linkedDr} DR programs linked, ` +
    `${count('ir-integrated') - linkedIr} IR-Integrated programs without a DR sibling; ` +
    `${dataset.irIndependent.length} DR programs matched to an IR-Independent ID.`,
);

if (mode === 'check') {
  console.log('\nPrograms per track:');
  for (const track of Object.keys(TRACK_LABEL))
    console.log(`  ${TRACK_LABEL[track as keyof typeof TRACK_LABEL].padEnd(22)} ${count(track)}`);
  console.log('\nPrograms per state (DR / IR-Integrated / total):');
  for (const code of Object.keys(STATES)) {
    const here = programs.filter((p) => p.state === code);
    if (!here.length) continue;
    const dr = here.filter((p) => p.track === 'dr').length;
    const ir = here.filter((p) => p.track === 'ir-integrated').length;
    console.log(
      `  ${code}  ${String(dr).padStart(3)} / ${String(ir).padStart(3)} / ${String(here.length).padStart(3)}`,
    );
  }
  console.log(`\n${formatCoverage(factCoverage(programs))}`);
  if (!reviewCurrent) {
    console.error(
      '\ncontent/programs/links.review.csv is out of date: run `tsx scripts/compile-data.ts --write-review` and review the diff.',
    );
    process.exit(1);
  }
  process.exit(0);
}

if (mode === 'write-review') {
  writeFileSync(reviewPath, review);
  console.log(`Wrote ${relative(root, reviewPath)}: review its diff before committing.`);
} else if (!reviewCurrent) {
  console.warn(
    'Warning: content/programs/links.review.csv is out of date (run with --write-review and review the diff).',
  );
}

const outputs = buildOutputs(dataset);
mkdirSync(outDir, { recursive: true });
let over = false;
for (const [name, text] of Object.entries(outputs)) {
  writeFileSync(join(outDir, name), text);
  const size = byteSizes(text);
  const budget =
    name === 'programs.min.json'
      ? COMPACT_BUDGET_GZIP
      : name === 'search-index.json'
        ? SEARCH_INDEX_BUDGET_GZIP
        : undefined;
  const verdict =
    budget === undefined
      ? ''
      : size.gzip <= budget
        ? ` (budget ${kb(budget)} gzip: OK)`
        : ` (budget ${kb(budget)} gzip: OVER)`;
  if (budget !== undefined && size.gzip > budget) over = true;
  console.log(
    `  src/generated/${name.padEnd(20)} ${kb(size.raw).padStart(9)} raw, ${kb(size.gzip).padStart(8)} gzip${verdict}`,
  );
}
if (over) {
  console.error('A generated file is over its size budget.');
  process.exit(1);
}
