/**
 * `npm run budget`: checks the build in dist/ against tests/budget/budgets.json and prints tables.
 * - JavaScript each page ships (gzip), following every script, island component and renderer it loads
 *   through their imports; pages no rule matches must ship 0 bytes.
 * - CSS each page loads (gzip: its stylesheets and inline styles), by page type.
 * - The largest HTML page, the compiled program dataset, the search indexes and the offline precache.
 * - With --build: runs `npm run build`, times it, and fails at `failAtFactor` × the recorded time.
 * Exits 1 when anything is over.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { builtPages } from '../e2e/harness.ts';

interface Rule {
  name: string;
  pattern: string;
  maxGzipBytes: number;
}
/** tests/budget/budgets.json. */
export interface Budgets {
  jsPerPage: Rule[];
  cssPerPage: Rule[];
  largestHtmlPage: { maxBytes: number; maxGzipBytes: number };
  files: { name: string; path: string; maxGzipBytes: number }[];
  offlinePrecache: { maxGzipBytes: number };
  buildTime: { recordedMs: number; failAtFactor: number; recordedOn: string };
  lighthouse: { minScores: Record<string, number> };
}

/** One measured item against its limit. */
export interface Row {
  budget: string;
  item: string;
  value: number;
  limit: number;
  unit: 'B' | 'ms';
}

/** Reads tests/budget/budgets.json. */
export function readBudgets(): Budgets {
  return JSON.parse(readFileSync('tests/budget/budgets.json', 'utf8')) as Budgets;
}

const dist = resolve('dist');
const base = (process.env['BASE_PATH'] ?? '/').replace(/\/?$/, '/');
const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;

/** Maps a URL path from the HTML to a file in dist/. */
function fileFor(url: string, fromFile: string): string {
  if (url.startsWith(base)) return join(dist, url.slice(base.length));
  if (url.startsWith('/')) return join(dist, url);
  return resolve(dirname(fromFile), url);
}

/** Adds a JS file and everything it imports (each file counted once per page). */
function collect(file: string, seen: Set<string>): void {
  if (seen.has(file) || !existsSync(file)) return;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  // Static imports and exports, and lazy import("…") calls: a lazily loaded chunk is still shipped when used.
  for (const m of text.matchAll(/(?:(?:import|export)\s*(?:[^'"()]*?from\s*)?|import\s*\(\s*)["']([^"']+\.js)["']/g)) {
    const spec = m[1] ?? '';
    collect(spec.startsWith('.') ? resolve(dirname(file), spec) : fileFor(spec, file), seen);
  }
}

/** Per page: JS and CSS gzip bytes and the rules that apply. */
export interface PageRow {
  page: string;
  jsRule: string;
  js: number;
  jsMax: number;
  jsFiles: number;
  cssRule: string;
  css: number;
  cssMax: number;
  html: number;
  htmlGzip: number;
}

/** Measures every built page. */
export function measurePages(budgets: Budgets): PageRow[] {
  const rows: PageRow[] = [];
  for (const page of builtPages('dist')) {
    const htmlFile = join(dist, page, 'index.html');
    const html = readFileSync(htmlFile, 'utf8');
    const files = new Set<string>();
    let inline = 0;
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const attrs = m[1] ?? '';
      if (/type="application\/(ld\+)?json"/.test(attrs)) continue;
      const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
      if (src) collect(fileFor(src, htmlFile), files);
      else if ((m[2] ?? '').trim()) inline += gz(m[2] ?? '');
    }
    for (const m of html.matchAll(/\b(?:component-url|renderer-url)="([^"]+)"/g))
      collect(fileFor(m[1] ?? '', htmlFile), files);
    let js = inline;
    for (const f of files) js += gz(readFileSync(f));

    const sheets = new Set<string>();
    for (const m of html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)) {
      const href = /\bhref="([^"]+)"/.exec(m[0])?.[1];
      if (href) sheets.add(fileFor(href, htmlFile));
    }
    let css = 0;
    for (const f of sheets) if (existsSync(f)) css += gz(readFileSync(f));
    for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) css += gz(m[1] ?? '');

    const jsRule = budgets.jsPerPage.find((r) => new RegExp(r.pattern).test(page));
    const cssRule = budgets.cssPerPage.find((r) => new RegExp(r.pattern).test(page));
    rows.push({
      page: `/${page}`,
      jsRule: jsRule?.name ?? 'no island',
      js,
      jsMax: jsRule?.maxGzipBytes ?? 0,
      jsFiles: files.size,
      cssRule: cssRule?.name ?? 'no rule',
      css,
      cssMax: cssRule?.maxGzipBytes ?? 0,
      html: Buffer.byteLength(html),
      htmlGzip: gz(html),
    });
  }
  return rows;
}

/** The Lighthouse categories the gate scores, and the metrics its tables show (scripts/lighthouse.ts, scripts/report.ts). */
export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export const LIGHTHOUSE_METRICS = [
  ['FCP', 'first-contentful-paint'],
  ['LCP', 'largest-contentful-paint'],
  ['TBT', 'total-blocking-time'],
  ['CLS', 'cumulative-layout-shift'],
  ['SI', 'speed-index'],
] as const;

/** Every budget but build time, as rows: CSS per page type (the largest page of each), HTML, files, precache. */
export function measureSizes(budgets: Budgets, pages: PageRow[]): Row[] {
  const rows: Row[] = [];
  for (const rule of budgets.cssPerPage) {
    const matching = pages.filter((p) => p.cssRule === rule.name);
    const worst = matching.reduce<PageRow | undefined>((w, p) => (!w || p.css > w.css ? p : w), undefined);
    if (worst) {
      rows.push({
        budget: `CSS per page: ${rule.name}`,
        item: `${worst.page} (largest of ${matching.length})`,
        value: worst.css,
        limit: rule.maxGzipBytes,
        unit: 'B',
      });
    }
  }
  const unruled = pages.filter((p) => p.cssRule === 'no rule');
  for (const p of unruled)
    rows.push({ budget: 'CSS per page: no rule', item: p.page, value: p.css, limit: 0, unit: 'B' });
  const largest = pages.reduce<PageRow | undefined>((w, p) => (!w || p.html > w.html ? p : w), undefined);
  const largestGzip = pages.reduce<PageRow | undefined>((w, p) => (!w || p.htmlGzip > w.htmlGzip ? p : w), undefined);
  if (largest && largestGzip) {
    rows.push(
      {
        budget: 'largest HTML page',
        item: largest.page,
        value: largest.html,
        limit: budgets.largestHtmlPage.maxBytes,
        unit: 'B',
      },
      {
        budget: 'largest HTML page (gzip)',
        item: largestGzip.page,
        value: largestGzip.htmlGzip,
        limit: budgets.largestHtmlPage.maxGzipBytes,
        unit: 'B',
      },
    );
  }
  for (const f of budgets.files) {
    const value = existsSync(f.path) ? gz(readFileSync(f.path)) : Number.NaN;
    rows.push({ budget: `${f.name} (gzip)`, item: f.path, value, limit: f.maxGzipBytes, unit: 'B' });
  }
  const sw = join(dist, 'sw.js');
  if (existsSync(sw)) {
    const list = /const PRECACHE = (\[[\s\S]*?\]);/.exec(readFileSync(sw, 'utf8'))?.[1] ?? '[]';
    const urls = JSON.parse(list) as string[];
    let bytes = 0;
    for (const url of urls) {
      const rel = url.slice(base.length);
      const file = rel === '' || rel.endsWith('/') ? join(dist, rel, 'index.html') : join(dist, rel);
      if (existsSync(file)) bytes += gz(readFileSync(file));
    }
    rows.push({
      budget: 'offline precache (gzip)',
      item: `${urls.length} files in dist/sw.js`,
      value: bytes,
      limit: budgets.offlinePrecache.maxGzipBytes,
      unit: 'B',
    });
  } else {
    rows.push({
      budget: 'offline precache (gzip)',
      item: 'dist/sw.js missing',
      value: Number.NaN,
      limit: 0,
      unit: 'B',
    });
  }
  return rows;
}

/** A row is over when its value is missing (NaN) or above its limit. */
export const isOver = (r: Row): boolean => !(r.value <= r.limit);

/** "12.3 KB", "850 B", "9.8 s". */
export function formatValue(value: number, unit: Row['unit']): string {
  if (Number.isNaN(value)) return 'missing';
  if (unit === 'ms') return `${(value / 1000).toFixed(1)} s`;
  return value >= 1024 ? `${(value / 1024).toFixed(1)} KB` : `${value} B`;
}

const pad = (s: string, n: number) => s.padEnd(n);

/** Prints the JS-per-page table (pages without JS grouped in one line). */
export function printJsTable(pages: PageRow[]): void {
  const zero = pages.filter((r) => r.js === 0 && r.jsMax === 0);
  const shown = pages.filter((r) => !(r.js === 0 && r.jsMax === 0));
  console.log(`${pad('page', 34)}${pad('JS budget rule', 30)}${pad('JS gzip', 12)}${pad('budget', 12)}files`);
  for (const r of shown) {
    console.log(
      `${pad(r.page, 34)}${pad(r.jsRule, 30)}${pad(formatValue(r.js, 'B'), 12)}${pad(formatValue(r.jsMax, 'B'), 12)}${r.jsFiles}${r.js > r.jsMax ? '  OVER' : ''}`,
    );
  }
  console.log(`${pad(`${zero.length} other pages`, 34)}${pad('no island', 30)}${pad('0 B', 12)}${pad('0 B', 12)}0`);
}

/** Prints the other budgets as one table. */
export function printRows(rows: Row[]): void {
  console.log(`${pad('budget', 40)}${pad('measured on', 44)}${pad('value', 12)}${pad('budget', 12)}`);
  for (const r of rows) {
    console.log(
      `${pad(r.budget, 40)}${pad(r.item, 44)}${pad(formatValue(r.value, r.unit), 12)}${pad(formatValue(r.limit, r.unit), 12)}${isOver(r) ? 'OVER' : 'ok'}`,
    );
  }
}

/** Runs `npm run build`, returns how long it took and keeps it in reports/build-time.json for `npm run report`. */
function timeBuild(): number {
  const start = Date.now();
  execSync('npm run build', { stdio: ['ignore', 'ignore', 'inherit'] });
  const ms = Date.now() - start;
  mkdirSync('reports', { recursive: true });
  writeFileSync(join('reports', 'build-time.json'), `${JSON.stringify({ ms, at: new Date().toISOString() })}\n`);
  return ms;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const budgets = readBudgets();
  const buildMs = process.argv.includes('--build') ? timeBuild() : undefined;
  if (!existsSync(join(dist, 'index.html'))) {
    console.error('No build in dist/: run `npm run build` first (or pass --build).');
    process.exit(1);
  }
  const pages = measurePages(budgets);
  printJsTable(pages);
  const rows = measureSizes(budgets, pages);
  const { recordedMs, failAtFactor, recordedOn } = budgets.buildTime;
  if (buildMs !== undefined) {
    console.log(`build time recorded on ${recordedOn}`);
    rows.push({
      budget: `build time (fails at ${failAtFactor}× ${formatValue(recordedMs, 'ms')})`,
      item: 'npm run build',
      value: buildMs,
      limit: recordedMs * failAtFactor,
      unit: 'ms',
    });
  }
  console.log('');
  printRows(rows);
  if (buildMs === undefined) console.log('build time: not measured (pass --build to build and time it)');
  const over = [
    ...pages.filter((r) => r.js > r.jsMax).map((r) => `${r.page} JS (${r.js} B > ${r.jsMax} B)`),
    ...rows
      .filter(isOver)
      .map((r) => `${r.budget}: ${r.item} (${formatValue(r.value, r.unit)} > ${formatValue(r.limit, r.unit)})`),
  ];
  if (over.length) {
    console.log(`\nOver budget:\n${over.map((o) => `  ${o}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`\nBudgets: all ${pages.length} pages and ${rows.length} other budgets within budget.`);
}
