/**
 * Browser test for the Content-Security-Policy. `astro preview` sends no security headers, so this test
 * adds the ones dist/_headers gives a Netlify or Cloudflare host to every response; the browser then
 * enforces both the header policy and each page's <meta> policy, as in production. On representative
 * pages, islands hydrate and work (search fetches its index, the program filter runs, the Step 2 widget
 * computes), the header search link leads to a working /search/ (no form submits: form-action 'none'), and no
 * `securitypolicyviolation` fires (run.ts fails the test on any, through the harness).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { metaPolicy, parseHeadersFile, parsePolicy } from '../../scripts/csp.ts';

/** Headers dist/_headers gives a URL path (Netlify rules: `*` matches anything, later rules add to earlier). */
function headersFor(rules: Map<string, Map<string, string>>, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [pattern, headers] of rules) {
    const re = new RegExp(
      `^${pattern
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    if (re.test(path)) for (const [k, v] of headers) out[k.toLowerCase()] = v;
  }
  return out;
}

/** Opens a page, checks both policies arrived, and waits for its islands to hydrate. */
async function open(page: Page, url: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: 'load' });
  assert.ok(response?.ok(), `${url} loads`);
  const header = parsePolicy((await response?.headerValue('content-security-policy')) ?? '');
  assert.equal(header.get('frame-ancestors')?.join(' '), "'none'", `${url}: the header policy (from _headers) applies`);
  const meta = parsePolicy(metaPolicy(await page.content()) ?? '');
  assert.ok(
    meta.get('script-src')?.some((s) => s.startsWith("'sha256-")),
    `${url}: the <meta> policy hashes scripts`,
  );
  for (const name of ['script-src', 'style-src']) {
    for (const policy of [header, meta]) {
      assert.ok(!policy.get(name)?.includes("'unsafe-inline'"), `${url}: no 'unsafe-inline' in ${name}`);
    }
  }
  for (const island of await page.locator('astro-island').all()) await island.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, {
    timeout: 10_000,
  });
  assert.deepEqual(
    await page.evaluate(() => (window as { __cspViolations?: string[] }).__cspViolations ?? []),
    [],
    `${url}: no CSP violation`,
  );
}

export default async function cspE2E(ctx: { page: Page; context: BrowserContext; baseUrl: string }): Promise<void> {
  const { page, context, baseUrl } = ctx;
  const headersFile = join('dist', '_headers');
  assert.ok(existsSync(headersFile), 'dist/_headers exists');
  const rules = parseHeadersFile(readFileSync(headersFile, 'utf8'));
  const origin = new URL(baseUrl).origin;
  const base = new URL(baseUrl).pathname;
  await context.route(
    (url) => url.origin === origin,
    async (route) => {
      const response = await route.fetch();
      const path = `/${new URL(route.request().url()).pathname.slice(base.length)}`;
      await route.fulfill({ response, headers: { ...response.headers(), ...headersFor(rules, path) } });
    },
  );

  await open(page, baseUrl);
  await open(page, `${baseUrl}guide/visas/`);
  await open(page, `${baseUrl}guide/usmle/`);
  await page.getByLabel('Your Step 2 CK score').fill('250');
  await page.locator('.step2 figcaption li').first().waitFor({ timeout: 5000 });

  await open(page, `${baseUrl}programs/`);
  await page.getByLabel('Search by name, city or state').fill('mayo');
  await page.waitForFunction(
    () => (document.querySelector('.program-search [role="status"]')?.textContent ?? '').includes('Showing 6 of'),
    undefined,
    { timeout: 5000 },
  );
  await open(page, `${baseUrl}programs/4204921199/`);

  // Header search is a link (form-action 'none' blocks every form submission); on /search/ the box has
  // focus, and Enter searches in the page (the island cancels the submission) and puts ?q= in the URL.
  await Promise.all([
    page.waitForURL(/\/search\/$/),
    page.getByRole('link', { name: 'Search guide and programs' }).click(),
  ]);
  await page.waitForFunction(() => document.activeElement?.id === 'site-search-q', undefined, { timeout: 10_000 });
  await page.keyboard.type('visa');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\/\?q=visa$/);
  await page.waitForFunction(() => document.querySelectorAll('.site-search .results li').length > 0, undefined, {
    timeout: 10_000,
  });

  for (const path of ['method/', 'share/', 'planner/']) {
    if (existsSync(join('dist', path, 'index.html'))) await open(page, `${baseUrl}${path}`);
    else console.log(`    (no /${path} in this build yet: not checked)`);
  }
}
