/**
 * Browser tests for the offline service worker (dist/sw.js from scripts/build-sw.ts). The site is served
 * here by a small static server over dist/ that can be cut off and can serve a changed file, so the network
 * cut is real (server down and `context.setOffline(true)`) and a new deploy is simulated without touching
 * dist/. Each test uses a fresh browser profile.
 * - After a first online visit to the planner (or /search/ until the planner exists), with the network
 *   cut, guide chapters and the planner still load and their islands hydrate.
 * - A new deploy (a changed page and a new sw.js version) is shown on the next online visit, the old
 *   cache is deleted, and the new version is what is then available offline.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { watch } from './harness.ts';

const DIST = 'dist';
const BASE = (process.env['BASE_PATH'] ?? '/').replace(/\/?$/, '/');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** A static server over dist/ that can serve changed files (a "deploy") and be cut off. */
interface TestHost {
  root: string;
  origin: string;
  /** Files (relative to dist/) served with other content. */
  overrides: Map<string, string>;
  /** While false, every connection is dropped. */
  up: boolean;
  close: () => Promise<void>;
}

async function serveDist(): Promise<TestHost> {
  const host: Omit<TestHost, 'root' | 'origin' | 'close'> = { overrides: new Map(), up: true };
  const server: Server = createServer((req, res) => {
    if (!host.up) {
      req.socket.destroy();
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const rel = normalize(path.startsWith(BASE) ? path.slice(BASE.length) : '\0');
    const file = join(DIST, rel);
    if (rel.startsWith('..') || rel.includes('\0') || !file.startsWith(DIST)) {
      res.writeHead(404).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory() && !path.endsWith('/')) {
      res.writeHead(301, { location: `${path}/` }).end();
      return;
    }
    const target = path.endsWith('/') ? join(rel, 'index.html') : rel;
    const body = host.overrides.get(target.split(sep).join('/')) ?? readOrUndefined(join(DIST, target));
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return Object.assign(host, {
    root: `http://127.0.0.1:${port}${BASE}`,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  });
}

function readOrUndefined(file: string): Buffer | undefined {
  return existsSync(file) && statSync(file).isFile() ? readFileSync(file) : undefined;
}

/** The island page that registers the worker: the planner once it exists, /search/ until then. */
const firstVisit = () => (existsSync(join(DIST, 'planner', 'index.html')) ? 'planner/' : 'search/');

/** Waits until a service worker controls the page and has finished precaching. */
async function waitForControl(page: Page, what: string): Promise<void> {
  await page
    .waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', undefined, { timeout: 20_000 })
    .catch(() => {
      throw new Error(`no service worker controls /${what} (does its island call registerServiceWorker(base)?)`);
    });
}

const cacheKeys = (page: Page) => page.evaluate(() => caches.keys());

/** Number of islands on the page that have not hydrated yet. */
const unhydrated = (page: Page) => page.locator('astro-island[ssr]').count();

/** Opens a page and checks that it shows its heading and that its islands hydrate. */
async function opens(page: Page, url: string, heading: RegExp): Promise<void> {
  const response = await page.goto(url, { waitUntil: 'load' });
  assert.ok(response?.ok(), `${url} loads (status ${response?.status() ?? 'none'})`);
  assert.match((await page.locator('h1').first().textContent()) ?? '', heading, `${url} shows its heading`);
  for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, {
    timeout: 10_000,
  });
  assert.equal(await unhydrated(page), 0, `every island on ${url} hydrates`);
}

/** Runs a step under the harness watch; fails on console errors, failed or off-host requests, CSP violations. */
async function clean<T>(page: Page, origin: string, step: string, action: () => Promise<T>): Promise<T> {
  const w = await watch(page, origin, action);
  const problems = [
    ...w.consoleErrors.map((e) => `console error: ${e}`),
    ...w.failedRequests.map((e) => `failed request: ${e}`),
    ...w.offOriginRequests.map((u) => `request off the test host: ${u}`),
    ...w.cspViolations.map((v) => `CSP violation: ${v}`),
  ];
  assert.deepEqual(problems, [], `${step}: no problems`);
  return w.result;
}

async function withHost(
  newContext: () => Promise<BrowserContext>,
  run: (host: TestHost, context: BrowserContext, page: Page) => Promise<void>,
): Promise<void> {
  const host = await serveDist();
  try {
    const context = await newContext();
    const page = context.pages()[0] ?? (await context.newPage());
    await run(host, context, page);
  } finally {
    await host.close();
  }
}

/** Feature tests, run by tests/e2e/run.ts. */
export const tests = {
  'the guide and the planner work offline after a first visit': ({
    newContext,
  }: {
    newContext: () => Promise<BrowserContext>;
  }) =>
    withHost(newContext, async (host, context, page) => {
      assert.ok(existsSync(join(DIST, 'sw.js')), 'dist/sw.js exists (the build must run scripts/build-sw.ts)');
      const first = firstVisit();
      await clean(page, host.origin, 'first visit', async () => {
        await page.goto(`${host.root}${first}`, { waitUntil: 'load' });
        await waitForControl(page, first);
      });
      const keys = await cacheKeys(page);
      assert.equal(
        keys.filter((k) => k.startsWith('irp-')).length,
        1,
        `one cache after the first visit (${keys.join(', ')})`,
      );

      host.up = false;
      await context.setOffline(true);
      await clean(page, host.origin, 'offline', async () => {
        await opens(page, `${host.root}guide/usmle/`, /USMLE/);
        // The Step 2 widget's code came from the cache: it still computes.
        await page.getByLabel('Your Step 2 CK score').fill('255');
        await page.locator('.step2 figcaption li').first().waitFor({ timeout: 5000 });
        await opens(page, `${host.root}guide/visas/`, /Visas/);
        await opens(page, `${host.root}guide/`, /guide/);
        if (existsSync(join(DIST, 'planner', 'index.html'))) await opens(page, `${host.root}planner/`, /./);
        else console.log('    (no /planner/ in this build yet: the offline test opened the guide only)');
      });
      const notCached = await page.goto(`${host.root}programs/4204921199/`).then(
        () => 'loaded',
        () => 'failed',
      );
      assert.equal(notCached, 'failed', 'a page never visited is not available offline (the network really is cut)');
    }),

  'a new deploy is shown on the next visit and replaces the old cache': ({
    newContext,
  }: {
    newContext: () => Promise<BrowserContext>;
  }) =>
    withHost(newContext, async (host, context, page) => {
      const first = firstVisit();
      const url = `${host.root}${first}`;
      await clean(page, host.origin, 'first visit', async () => {
        await page.goto(url, { waitUntil: 'load' });
        await waitForControl(page, first);
      });
      const [oldCache] = await cacheKeys(page);
      assert.ok(oldCache?.startsWith('irp-'), `a versioned cache (${oldCache ?? 'none'})`);

      // The "deploy": the page gets new text and sw.js a new version, as a real build would give it.
      const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
      const version = /const VERSION = "([^"]+)"/.exec(sw)?.[1];
      assert.ok(version, 'sw.js declares its VERSION');
      const html = readFileSync(join(DIST, first, 'index.html'), 'utf8');
      host.overrides.set(`${first}index.html`, html.replace('</main>', '<p id="deploy-marker">New deploy</p></main>'));
      host.overrides.set('sw.js', sw.replace(`const VERSION = "${version}"`, `const VERSION = "${version}-next"`));

      // Each visit waits until the page is quiet: reloading at "load" would abort the island's scripts,
      // which start after load (client:idle), and count as failed requests.
      await clean(page, host.origin, 'visits after the deploy', async () => {
        await page.reload({ waitUntil: 'networkidle' });
        assert.equal(await page.locator('#deploy-marker').count(), 1, 'the first visit after a deploy shows it');
        await page.reload({ waitUntil: 'networkidle' });
        assert.equal(await page.locator('#deploy-marker').count(), 1, 'and so does the next');
        for (let i = 0; i < 100 && (await cacheKeys(page)).join() !== `irp-${version}-next`; i++) {
          await page.waitForTimeout(200);
        }
      });
      assert.deepEqual(await cacheKeys(page), [`irp-${version}-next`], 'the old cache is deleted');
      await page.reload({ waitUntil: 'load' });

      host.up = false;
      await context.setOffline(true);
      await page.reload({ waitUntil: 'load' });
      assert.equal(await page.locator('#deploy-marker').count(), 1, 'offline, the new version is served, not the old');
    }),
};
