/**
 * `npm run report`: the state of performance in one place, for a maintainer. Prints the size budgets of
 * the build in dist/ (as `npm run budget`) with the last timed build, the engine benchmark medians (runs
 * `vitest bench` and keeps reports/bench.json; `--no-bench` reuses the last file) and the latest
 * Lighthouse scores from reports/lighthouse/ (`npm run lighthouse` writes them). Informative: exits 0
 * even when something is over budget; `npm run budget` and `npm run lighthouse` are the checks.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  LIGHTHOUSE_CATEGORIES,
  LIGHTHOUSE_METRICS,
  formatValue,
  isOver,
  measurePages,
  measureSizes,
  printJsTable,
  printRows,
  readBudgets,
} from '../tests/budget/check-budget.ts';

const pad = (s: string, n: number) => s.padEnd(n);
const heading = (s: string) => console.log(`\n== ${s}\n`);
const age = (ms: number) => {
  const minutes = Math.round((Date.now() - ms) / 60_000);
  return minutes < 120 ? `${minutes} min ago` : `${Math.round(minutes / 60)} h ago`;
};

const budgets = readBudgets();

heading('Sizes (gzip unless marked; budgets in tests/budget/budgets.json)');
if (existsSync(join('dist', 'index.html'))) {
  const pages = measurePages(budgets);
  printJsTable(pages);
  console.log('');
  const rows = measureSizes(budgets, pages);
  printRows(rows);
  const over = rows.filter(isOver).length + pages.filter((p) => p.js > p.jsMax).length;
  console.log(`\nbuild in dist/ from ${age(statSync(join('dist', 'index.html')).mtimeMs)}; ${over} over budget.`);
} else {
  console.log('No build in dist/: run `npm run build` first.');
}
const buildFile = join('reports', 'build-time.json');
const { recordedMs, failAtFactor } = budgets.buildTime;
if (existsSync(buildFile)) {
  const last = JSON.parse(readFileSync(buildFile, 'utf8')) as { ms: number; at: string };
  console.log(
    `last timed build: ${formatValue(last.ms, 'ms')} (${last.at}); recorded ${formatValue(recordedMs, 'ms')}, fails at ${failAtFactor}×.`,
  );
} else {
  console.log(
    `build time: not measured yet (npm run budget -- --build); recorded ${formatValue(recordedMs, 'ms')}, fails at ${failAtFactor}×.`,
  );
}

heading('Benchmarks (tests/bench/*.bench.ts; times in ms)');
const benchFile = join('reports', 'bench.json');
if (!process.argv.includes('--no-bench')) {
  mkdirSync('reports', { recursive: true });
  try {
    execSync(`npx vitest bench --run --outputJson ${benchFile}`, { stdio: 'ignore' });
  } catch {
    console.log('vitest bench failed; run `npm run bench` to see why.');
  }
}
if (existsSync(benchFile)) {
  interface Bench {
    name: string;
    median: number;
    mean: number;
    p99: number;
    rme: number;
    sampleCount: number;
  }
  const data = JSON.parse(readFileSync(benchFile, 'utf8')) as {
    files: { filepath: string; groups: { benchmarks: Bench[] }[] }[];
  };
  console.log(`${pad('benchmark', 60)}${pad('median', 10)}${pad('mean', 10)}${pad('p99', 10)}${pad('±', 9)}samples`);
  const named = data.files.flatMap((f) => {
    const file = basename(f.filepath).replace(/\.bench\.ts$/, '');
    return f.groups.flatMap((g) => g.benchmarks.map((b) => ({ ...b, name: `${file}: ${b.name}` })));
  });
  for (const b of named) {
    console.log(
      `${pad(b.name.length > 58 ? `${b.name.slice(0, 57)}…` : b.name, 60)}${pad(b.median.toFixed(3), 10)}${pad(b.mean.toFixed(3), 10)}${pad(b.p99.toFixed(3), 10)}${pad(`${b.rme.toFixed(1)}%`, 9)}${b.sampleCount}`,
    );
  }
  console.log(`\n${benchFile} from ${age(statSync(benchFile).mtimeMs)}; targets: 296 programs < 2 ms, 10,000 < 50 ms.`);
} else {
  console.log('No benchmark results: run without --no-bench.');
}

heading(
  'Lighthouse (mobile, simulated throttling; median of the runs of `npm run lighthouse`; minimum in tests/budget/budgets.json)',
);
const lhDir = join('reports', 'lighthouse');
const reports = existsSync(lhDir) ? readdirSync(lhDir).filter((f) => f.endsWith('.json')) : [];
if (reports.length === 0) {
  console.log('No Lighthouse reports: run `npm run lighthouse` (after a build).');
} else {
  const categories = LIGHTHOUSE_CATEGORIES;
  const metrics = LIGHTHOUSE_METRICS;
  console.log(
    `${pad('page', 16)}${categories.map((c) => pad(c === 'best-practices' ? 'best pr.' : c.slice(0, 11), 13)).join('')}${metrics.map(([m]) => pad(m, 9)).join('')}run`,
  );
  for (const file of reports.sort()) {
    const lhr = JSON.parse(readFileSync(join(lhDir, file), 'utf8')) as {
      fetchTime: string;
      categories: Record<string, { score: number | null } | undefined>;
      audits: Record<string, { displayValue?: string } | undefined>;
    };
    const min = budgets.lighthouse.minScores;
    const cells = categories
      .map((c) => {
        const score = Math.round((lhr.categories[c]?.score ?? 0) * 100);
        return pad(`${score}${score < (min[c] ?? 0) ? ' ✗' : ''}`, 13);
      })
      .join('');
    const metric = (id: string) => lhr.audits[id]?.displayValue?.replace(/\s/g, ' ') ?? '–';
    console.log(
      `${pad(file.replace(/\.json$/, ''), 16)}${cells}${metrics.map(([, id]) => pad(metric(id), 9)).join('')}${age(Date.parse(lhr.fetchTime))}`,
    );
  }
}
