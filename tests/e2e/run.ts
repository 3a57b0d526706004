/**
 * `npm run test:e2e`: builds the site, serves it on 127.0.0.1 and checks it in Debian Chromium.
 * 1. A self-test proves the checks bite: a page with an off-site image, an unlabeled input and an inline
 *    script its Content-Security-Policy forbids must fail.
 * 2. Every page in the build output: no console errors, no failed requests, nothing off the preview
 *    server, no CSP violation, axe WCAG 2.1 AA with zero violations, main navigation reachable by keyboard.
 *    Before the browser, every built page's figures are read from dist/: each reads once, with a space before its
 *    citation (tests/content/figure-prose.ts).
 * 3. Feature tests: every tests/e2e/*.e2e.ts, each run in a fresh browser profile under the same watch.
 * Pass --skip-build to reuse an existing dist/.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { builtPages, checkPage, launch, problemLines, startPreview, watch } from './harness.ts';
import { figureProblems } from '../content/figure-prose.ts';

/** What a feature test receives. */
export interface E2EContext {
  /** A page in a fresh browser profile. */
  page: Page;
  /** That page's browser context. */
  context: BrowserContext;
  /** The site's root URL, ending with "/". */
  baseUrl: string;
  /** Opens another fresh browser profile (e.g. the recipient of a shared link); closed after the test. */
  newContext: () => Promise<BrowserContext>;
}
type FeatureTest = (ctx: E2EContext) => Promise<void>;

const started = Date.now();
if (!process.argv.includes('--skip-build')) {
  execSync('npm run build', { stdio: ['ignore', 'ignore', 'inherit'] });
}

const { baseUrl, stop } = await startPreview();
const origin = new URL(baseUrl).origin;
let passed = 0;
let failed = 0;
const failures: string[] = [];
const record = (name: string, problems: string[]) => {
  if (problems.length === 0) {
    passed++;
  } else {
    failed++;
    failures.push(`✗ ${name}\n${problems.map((p) => `    ${p}`).join('\n')}`);
  }
};

try {
  // 1. Self-test: the checks must catch an off-site request, an unlabeled input, a CSP violation and a
  //    page that scrolls sideways on a phone.
  const selfDir = join('dist', '__e2e-selftest');
  mkdirSync(selfDir, { recursive: true });
  writeFileSync(
    join(selfDir, 'index.html'),
    '<!doctype html><html lang="en"><head><title>self-test</title>' +
      `<meta http-equiv="content-security-policy" content="script-src 'self'; img-src *"></head><body><main>` +
      '<img src="https://example.com/pixel.png" alt="off-site"><input type="text">' +
      '<script>document.title = "inline script ran";</script>' +
      // One unbroken word (no inline style: the preview server's CSP would block it).
      `<p>${'Unbreakable'.repeat(8)}</p>` +
      '</main></body></html>',
  );
  {
    const ctx = await launch();
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const p = await checkPage(page, `${baseUrl}__e2e-selftest/`, origin);
    await ctx.close();
    const caughtOffSite = p.offOriginRequests.some((u) => u.startsWith('https://example.com/'));
    const caughtLabel = p.axeViolations.some((v) => v.startsWith('label '));
    const caughtCsp = p.cspViolations.some((v) => v.startsWith('script-src'));
    const caughtWide = p.narrowOverflow.some((v) => v.includes('"UnbreakableUnbreakable'));
    record(
      'self-test: checks catch an off-site image, an unlabeled input, a CSP violation and a page wider than a phone',
      [
        ...(caughtOffSite ? [] : ['the off-site image request was not reported']),
        ...(caughtLabel ? [] : ['the unlabeled input was not reported by axe']),
        ...(caughtCsp ? [] : ['the inline script blocked by the CSP was not reported']),
        ...(caughtWide ? [] : ['the line wider than 360 px was not reported']),
      ],
    );
  }
  rmSync(selfDir, { recursive: true, force: true });

  // 2. Every page of the build, two tabs at a time (skipped with --only=<feature file>, to iterate on one feature).
  const onlyFeature = process.argv.find((a) => a.startsWith('--only='));
  const pages = onlyFeature ? [] : builtPages().filter((p) => !p.startsWith('__e2e-selftest'));
  if (!onlyFeature) {
    const doubled = '<p>Offered <span class="fig">150 positions <a class="cite">(NRMP 2025)</a></span> positions.</p>';
    record('every built page: each figure reads once, with a space before its citation', [
      ...(figureProblems(doubled).length === 1 ? [] : ['self-test: a repeated unit word was not reported']),
      ...pages.flatMap((p) =>
        figureProblems(readFileSync(join('dist', p, 'index.html'), 'utf8')).map((x) => `/${p}: ${x}`),
      ),
    ]);
  }
  const ctx = await launch();
  const workers = [ctx.pages()[0] ?? (await ctx.newPage()), await ctx.newPage()];
  let next = 0;
  await Promise.all(
    workers.map(async (page) => {
      while (next < pages.length) {
        const path = pages[next++] ?? '';
        const problems = await checkPage(page, `${baseUrl}${path}`, origin);
        record(`page /${path}`, problemLines(problems));
      }
    }),
  );
  await ctx.close();
  console.log(`checked ${pages.length} pages`);

  // 3. Feature tests.
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  const files = readdirSync('tests/e2e')
    .filter((f) => f.endsWith('.e2e.ts'))
    .filter((f) => !only || f.includes(only))
    .sort();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join('tests/e2e', file)).href)) as {
      default?: FeatureTest;
      tests?: Record<string, FeatureTest>;
    };
    const tests: [string, FeatureTest][] = [
      ...(mod.default ? ([[file, mod.default]] as [string, FeatureTest][]) : []),
      ...Object.entries(mod.tests ?? {}).map(([n, t]) => [`${file}: ${n}`, t] as [string, FeatureTest]),
    ];
    for (const [name, test] of tests) {
      const context = await launch();
      const extra: BrowserContext[] = [];
      const page = context.pages()[0] ?? (await context.newPage());
      const t0 = Date.now();
      let problems: string[] = [];
      try {
        const w = await watch(page, origin, () =>
          test({
            page,
            context,
            baseUrl,
            newContext: async () => {
              const c = await launch();
              extra.push(c);
              return c;
            },
          }),
        );
        problems = [
          ...w.consoleErrors.map((e) => `console error: ${e}`),
          ...w.offOriginRequests.map((u) => `request off the preview server: ${u}`),
          ...w.cspViolations.map((v) => `CSP violation: ${v}`),
        ];
      } catch (e) {
        problems = [(e as Error).stack ?? String(e)];
      } finally {
        await Promise.all([context, ...extra].map((c) => c.close().catch(() => undefined)));
      }
      record(`${name} (${Date.now() - t0} ms)`, problems);
    }
  }
} finally {
  stop();
}

for (const f of failures) console.log(f);
console.log(`e2e finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
