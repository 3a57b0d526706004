/**
 * `npm run budget`: measures the JavaScript each built page ships (gzip), following every script,
 * island component and renderer it loads through their static imports, and checks it against
 * tests/budget/budgets.json. Pages no rule matches must ship 0 bytes. Prints a table; exits 1 on excess.
 */
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname, resolve } from 'node:path';
import { builtPages } from '../e2e/harness.ts';

interface Rule {
  name: string;
  pattern: string;
  maxGzipBytes: number;
}
const budgets = JSON.parse(readFileSync('tests/budget/budgets.json', 'utf8')) as { jsPerPage: Rule[] };
const dist = resolve('dist');
const base = (process.env['BASE_PATH'] ?? '/').replace(/\/?$/, '/');

/** Maps a URL path from the HTML to a file in dist/. */
function fileFor(url: string, fromFile: string): string {
  if (url.startsWith(base)) return join(dist, url.slice(base.length));
  if (url.startsWith('/')) return join(dist, url);
  return resolve(dirname(fromFile), url);
}

/** gzip size of a JS file plus everything it imports statically (each file counted once per page). */
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

const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;
const rows: { page: string; rule: string; bytes: number; max: number; files: number }[] = [];
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
  let bytes = inline;
  for (const f of files) bytes += gz(readFileSync(f));
  const rule = budgets.jsPerPage.find((r) => new RegExp(r.pattern).test(page));
  rows.push({
    page: `/${page}`,
    rule: rule?.name ?? 'no island',
    bytes,
    max: rule?.maxGzipBytes ?? 0,
    files: files.size,
  });
}

// Group pages without JS so the table stays readable.
const zero = rows.filter((r) => r.bytes === 0 && r.max === 0);
const shown = rows.filter((r) => !(r.bytes === 0 && r.max === 0));
const over = rows.filter((r) => r.bytes > r.max);
const pad = (s: string, n: number) => s.padEnd(n);
console.log(`${pad('page', 34)}${pad('budget rule', 30)}${pad('JS gzip', 12)}${pad('budget', 12)}files`);
for (const r of shown) {
  console.log(
    `${pad(r.page, 34)}${pad(r.rule, 30)}${pad(`${(r.bytes / 1024).toFixed(1)} KB`, 12)}${pad(`${(r.max / 1024).toFixed(1)} KB`, 12)}${r.files}${r.bytes > r.max ? '  OVER' : ''}`,
  );
}
console.log(`${pad(`${zero.length} other pages`, 34)}${pad('no island', 30)}${pad('0 B', 12)}${pad('0 B', 12)}0`);
if (over.length) {
  console.log(`\nOver budget: ${over.map((r) => `${r.page} (${r.bytes} B > ${r.max} B)`).join(', ')}`);
  process.exit(1);
}
console.log(`\nJS budget: all ${rows.length} pages within budget.`);
