/**
 * Browser-test harness: serves the built site with `astro preview` on 127.0.0.1 and drives Debian
 * Chromium through playwright-core, kept on loopback (see ../shared/toolchain.md).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { createServer } from 'node:net';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

/** Path of the Chromium binary: CHROMIUM_PATH, or Debian's. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Finds a free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts `astro preview` on 127.0.0.1 and resolves once it answers. */
export async function startPreview(): Promise<{ baseUrl: string; stop: () => void }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['node_modules/astro/astro.js', 'preview', '--host', '127.0.0.1', '--port', String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } },
  );
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const base = (process.env['BASE_PATH'] ?? '/').replace(/\/?$/, '/');
  const baseUrl = `http://127.0.0.1:${port}${base}`;
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(baseUrl);
      if (res.ok) return { baseUrl, stop: () => child.kill('SIGTERM') };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error(`astro preview did not start on ${baseUrl}:\n${log}`);
}

/** CSP violations reported by each page's `securitypolicyviolation` listener (installed by `launch`). */
const cspViolationsByPage = new WeakMap<Page, string[]>();

/** Every CSP violation a page has reported so far, across navigations. */
export function cspViolations(page: Page): string[] {
  return cspViolationsByPage.get(page) ?? [];
}

// Runs in every frame before the page's own scripts: records each violation in window.__cspViolations
// and hands it to Node, so a violation on a page that has since navigated away is not lost.
const CSP_LISTENER = `addEventListener('securitypolicyviolation', (e) => {
  const v = e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + (e.sourceFile || e.documentURI) + ':' + e.lineNumber + (e.sample ? ' (' + e.sample + ')' : '');
  (window.__cspViolations = window.__cspViolations || []).push(v);
  if (typeof window.__irpCspViolation === 'function') window.__irpCspViolation(v);
});`;

/** Launches Chromium with a fresh profile, blocked from every host but loopback. */
export async function launch(): Promise<BrowserContext> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'irp-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Chromium still contacts Google hosts without these two; they keep it on loopback.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      '--proxy-server=http://127.0.0.1:9',
      '--proxy-bypass-list=127.0.0.1;localhost',
    ],
  });
  await context.exposeBinding('__irpCspViolation', ({ page }, v: string) => {
    cspViolationsByPage.set(page, [...cspViolations(page), v]);
  });
  await context.addInitScript(CSP_LISTENER);
  return context;
}

/** Every built page's URL path (relative to the base), from the build output. */
export function builtPages(distDir = 'dist'): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'index.html') {
        const rel = relative(distDir, dir).split(sep).join('/');
        pages.push(rel === '' ? '' : `${rel}/`);
      }
    }
  };
  walk(distDir);
  return pages.sort();
}

/** What went wrong on one page. */
export interface PageProblems {
  url: string;
  consoleErrors: string[];
  failedRequests: string[];
  offOriginRequests: string[];
  axeViolations: string[];
  keyboard: string[];
  /** Content-Security-Policy violations (`securitypolicyviolation` events). */
  cspViolations: string[];
  /** Elements that stick out of a 360 px wide viewport and make the page scroll sideways. */
  narrowOverflow: string[];
}

/** Collects requests, console errors and failures for a page while `action` runs. */
export async function watch<T>(
  page: Page,
  origin: string,
  action: () => Promise<T>,
): Promise<{
  result: T;
  consoleErrors: string[];
  failedRequests: string[];
  offOriginRequests: string[];
  requestUrls: string[];
  cspViolations: string[];
}> {
  const cspBefore = cspViolations(page).length;
  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];
  const offOriginRequests: string[] = [];
  const requestUrls: string[] = [];
  const onConsole = (m: import('playwright-core').ConsoleMessage) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  };
  const onPageError = (e: Error) => consoleErrors.push(`uncaught: ${e.message}`);
  const onRequest = (r: import('playwright-core').Request) => {
    requestUrls.push(r.url());
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) offOriginRequests.push(u);
  };
  const onFailed = (r: import('playwright-core').Request) =>
    failedRequests.push(`${r.url()} (${r.failure()?.errorText ?? 'failed'})`);
  const onResponse = (r: import('playwright-core').Response) => {
    if (r.status() >= 400) failedRequests.push(`${r.url()} (HTTP ${r.status()})`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('request', onRequest);
  page.on('requestfailed', onFailed);
  page.on('response', onResponse);
  try {
    const result = await action();
    // Violation events are dispatched as tasks; give the last ones a moment to reach Node.
    if (!page.isClosed()) await page.evaluate(() => new Promise((r) => setTimeout(r, 0))).catch(() => undefined);
    const csp = cspViolations(page).slice(cspBefore);
    return { result, consoleErrors, failedRequests, offOriginRequests, requestUrls, cspViolations: csp };
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    page.off('request', onRequest);
    page.off('requestfailed', onFailed);
    page.off('response', onResponse);
  }
}

/** Runs axe with the WCAG 2.1 A and AA rules and returns one line per violation. */
export async function axe(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}

/** Tabs from the top of the page and checks that every main-navigation link receives focus. */
export async function mainNavByKeyboard(page: Page): Promise<string[]> {
  const targets = await page.$$eval('nav[aria-label="Main"] a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  if (targets.length === 0) return ['no main navigation (nav[aria-label="Main"]) found'];
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const reached = new Set<string>();
  for (let i = 0; i < 12 && reached.size < targets.length; i++) {
    await page.keyboard.press('Tab');
    const href = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.closest('nav[aria-label="Main"]') ? el.getAttribute('href') : null;
    });
    if (href) reached.add(href);
  }
  return targets.filter((t) => !reached.has(t)).map((t) => `main nav link ${t} not reachable by Tab`);
}

/** Loads a page and runs every per-page check. */
export async function checkPage(page: Page, url: string, origin: string): Promise<PageProblems> {
  const watched = await watch(page, origin, async () => {
    await page.goto(url, { waitUntil: 'load' });
    // Let idle/visible islands hydrate before checking.
    await page.waitForTimeout(150);
    await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r(null), { timeout: 1000 })));
    const axeViolations = await axe(page);
    const keyboard = await mainNavByKeyboard(page);
    const narrowOverflow = await sidewaysAt360(page);
    return { axeViolations, keyboard, narrowOverflow };
  });
  return {
    url,
    consoleErrors: watched.consoleErrors,
    failedRequests: watched.failedRequests,
    offOriginRequests: watched.offOriginRequests,
    axeViolations: watched.result.axeViolations,
    keyboard: watched.result.keyboard,
    cspViolations: watched.cspViolations,
    narrowOverflow: watched.result.narrowOverflow,
  };
}

/**
 * At a 360 px wide viewport (a small phone), whether the page scrolls sideways, and if so the innermost
 * elements that stick out (a wide table or an unbroken address). Restores the viewport it found.
 */
export async function sidewaysAt360(page: Page): Promise<string[]> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 800 });
  // A string, not a function: tsx would add helpers the page does not have.
  const found = (await page.evaluate(`(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    const limit = root.clientWidth + 1;
    // Sticking out: the element's box, or its content (an unbroken word), unless a scrolling ancestor holds it.
    const held = (e) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    const wide = [...document.body.querySelectorAll('*')].filter(
      (e) =>
        !held(e) &&
        (e.getBoundingClientRect().right > limit ||
          (e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible')),
    );
    const inner = wide.filter((e) => ![...e.children].some((c) => wide.includes(c)));
    return [
      'the page is ' + root.scrollWidth + ' px wide at 360 px: ' +
        inner.slice(0, 3).map((e) => '<' + e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '') + '> "' + (e.textContent || '').trim().slice(0, 40) + '"').join(', '),
    ];
  })()`)) as string[];
  if (size) await page.setViewportSize(size);
  return found;
}

/** All problem lines of a page check, empty when the page is clean. */
export function problemLines(p: PageProblems): string[] {
  return [
    ...p.consoleErrors.map((e) => `console error: ${e}`),
    ...p.failedRequests.map((e) => `failed request: ${e}`),
    ...p.offOriginRequests.map((e) => `request off the preview server: ${e}`),
    ...p.axeViolations.map((e) => `axe: ${e}`),
    ...p.keyboard.map((e) => `keyboard: ${e}`),
    ...p.cspViolations.map((e) => `CSP violation: ${e}`),
    ...p.narrowOverflow.map((e) => `small screen: ${e}`),
  ];
}
