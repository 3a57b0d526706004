/**
 * Browser tests for the guide: the header search finds the visa chapter from "H1B", a chapter without
 * widgets loads no JavaScript, the Step 2 CK and fee widgets compute and explain bad input, glossary
 * links go to existing entries, the print page holds every chapter in order, and every figure citation
 * resolves on /method/. Expected values come from content/, never typed in. Throws on the first failure.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { E2EContext } from './run.ts';

interface Figure {
  id: string;
  value: number;
}
const figures = (JSON.parse(readFileSync('content/reference/figures.json', 'utf8')) as { figures: Figure[] }).figures;
const figureValue = (id: string): number => {
  const f = figures.find((x) => x.id === id);
  assert.ok(f, `figure ${id} exists in content/reference/figures.json`);
  return f.value;
};
const glossary = JSON.parse(readFileSync('content/glossary.json', 'utf8')) as { id: string; term: string }[];

const GUIDE = 'content/guide';
/** Chapters in order: slug, order, title and how many `<Fig>` citations the source holds. */
const chapters = readdirSync(GUIDE)
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map((f) => {
    const text = readFileSync(join(GUIDE, f), 'utf8');
    const raw = /^title:\s*(.+?)\s*$/m.exec(text)?.[1] ?? '';
    return {
      slug: f.replace(/^\d+-/, '').replace(/\.mdx$/, ''),
      order: Number(f.slice(0, 2)),
      title: raw.startsWith('"') ? (JSON.parse(raw) as string) : raw,
      figs: [...text.matchAll(/<Fig\s+id="[^"]+"/g)].length,
    };
  });

const usd = (n: number) => `$${n.toLocaleString('en-US')}`;

/** Scrolls to the element and waits until the island that holds it has hydrated (client:visible). */
async function hydrated(page: Page, selector: string): Promise<void> {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (sel) => {
      const island = document.querySelector(sel)?.closest('astro-island');
      return island !== null && island !== undefined && !island.hasAttribute('ssr');
    },
    selector,
    { timeout: 10_000 },
  );
}

/** Waits until the element's text equals the expected text, and returns it. */
async function textBecomes(page: Page, selector: string, expected: string): Promise<string> {
  try {
    await page.waitForFunction(
      ([sel, want]) => document.querySelector(sel ?? '')?.textContent?.trim() === want,
      [selector, expected],
      { timeout: 5000 },
    );
  } catch {
    // Fall through to the assertion, which names what was shown instead.
  }
  const shown = ((await page.locator(selector).textContent()) ?? '').trim();
  assert.equal(shown, expected, `${selector} shows ${expected}`);
  return shown;
}

export const tests: Record<string, (ctx: E2EContext) => Promise<void>> = {
  async 'header search: "H1B" finds a visa chapter heading that exists'({ page, baseUrl }) {
    await page.goto(baseUrl);
    await page.getByRole('link', { name: 'Search guide and programs' }).click();
    await page.waitForURL((u) => u.pathname.endsWith('/search/'));
    const box = page.getByLabel('Search the guide, glossary and programs');
    await box.fill('H1B');
    await box.press('Enter');
    await page.waitForURL((u) => u.pathname.endsWith('/search/') && u.searchParams.get('q') === 'H1B');
    const result = page.locator('.site-search .results a[href*="guide/visas/#"]').first();
    await result.waitFor({ timeout: 10_000 });
    const title = ((await result.textContent()) ?? '').trim();
    await result.click();
    await page.waitForURL((u) => u.pathname.endsWith('/guide/visas/') && u.hash.length > 1);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    const target = await page.evaluate((i) => {
      const el = document.getElementById(i);
      return el ? { tag: el.tagName, text: el.textContent ?? '' } : null;
    }, id);
    assert.ok(target, `#${id} exists on the visa chapter`);
    assert.match(target.tag, /^H[23]$/, `#${id} is a section heading (got ${target.tag})`);
    assert.ok(target.text.includes(title), `the heading "${target.text}" is the result "${title}"`);
  },

  async 'a chapter without widgets loads no JavaScript'({ page, baseUrl }) {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(`${baseUrl}guide/letters/`, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    assert.match((await page.locator('h1').textContent()) ?? '', /\S/, 'the chapter rendered');
    assert.deepEqual(scripts, [], 'no script requests');
    assert.equal(await page.locator('script').count(), 0, 'no <script> elements');
    assert.equal(await page.locator('astro-island').count(), 0, 'no islands');
  },

  async 'usmle: the Step 2 CK widget places a score and explains a bad one'({ page, baseUrl }) {
    await page.goto(`${baseUrl}guide/usmle/`);
    await hydrated(page, '#step2-score');
    const median = figureValue('co.img.dr.step2.matched.median');
    const score = median + 12;
    await page.locator('#step2-score').fill(String(score));
    const line = page.locator('figure.step2 li', { hasText: `12 points above the median of ${median}` }).first();
    await line.waitFor({ timeout: 5000 });
    assert.match((await line.textContent()) ?? '', new RegExp(`^Non-US IMG, DR, matched: ${score} is 12 points above`));
    assert.equal(await page.locator('#step2-error').textContent(), '', 'no error for a valid score');

    await page.locator('#step2-score').fill('400');
    await textBecomes(page, '#step2-error', 'Step 2 CK is a whole-number score from 1 to 300');
    assert.equal(await page.locator('#step2-score').getAttribute('aria-invalid'), 'true');
  },

  async 'targeting: the fee estimator computes ERAS and NRMP fees from the published schedule'({ page, baseUrl }) {
    const tier1 = figureValue('eras.fee.tier1');
    const tier2 = figureValue('eras.fee.tier2');
    const tier1Programs = figureValue('eras.fee.tier1-programs');
    const included = figureValue('nrmp.fee.rank-beyond');
    const perRank = figureValue('nrmp.fee.per-extra-rank');
    const eras = (n: number) => Math.min(n, tier1Programs) * tier1 + Math.max(0, n - tier1Programs) * tier2;

    await page.goto(`${baseUrl}guide/targeting/`);
    await hydrated(page, '#fee-dr');
    await page.locator('#fee-dr').fill('40');
    const dr = eras(40);
    assert.ok(dr > 40 * tier1, '40 programs reach the higher fee');
    await textBecomes(page, '#fee-eras-dr', usd(dr));

    await page.locator('#fee-ir').fill('12');
    await page.locator('#fee-ranks').fill(String(included + 5));
    await textBecomes(page, '#fee-eras-ir', usd(eras(12)));
    await textBecomes(page, '#fee-eras-total', usd(dr + eras(12)));
    await textBecomes(page, '#fee-nrmp', usd(5 * perRank));
    await textBecomes(page, '#fee-total', usd(dr + eras(12) + 5 * perRank));

    // Each example plan's row adds its other costs (stated in the row) to the estimate above.
    const rows = await page.locator('.fee-whole tr').all();
    assert.equal(rows.length, 2, 'two example plans');
    const money = (t: string) => Number(t.replace(/[$,]/g, ''));
    for (const row of rows) {
      const other = /other costs (\$[\d,]+)/.exec((await row.locator('th').textContent()) ?? '')?.[1] ?? '';
      assert.ok(other, "the row states the plan's other costs");
      const whole = money(((await row.locator('td').textContent()) ?? '').trim());
      assert.equal(
        whole,
        money(other) + dr + eras(12) + 5 * perRank,
        'the plan total is its other costs plus the estimate',
      );
    }

    await page.locator('#fee-dr').fill('forty');
    await textBecomes(page, '#fee-dr-error', 'Enter a whole number from 0 to 400');
    await textBecomes(page, '#fee-eras-dr', '—');
    assert.equal(await page.locator('#fee-dr').getAttribute('aria-invalid'), 'true');
    await page.locator('#fee-dr').fill('40');
    await textBecomes(page, '#fee-dr-error', '');
  },

  async 'calendar: no JavaScript, every date marked official or estimated, and each .ics link serves a calendar'({
    page,
    baseUrl,
  }) {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(`${baseUrl}calendar/`, { waitUntil: 'load' });
    assert.deepEqual(scripts, [], 'the calendar page loads no script');
    const calendar = JSON.parse(readFileSync('content/reference/calendar.json', 'utf8')) as {
      years: { match: number; entries: { id: string; start: { kind: string }; end?: { kind: string } }[] }[];
    };
    for (const y of calendar.years) {
      const items = page.locator(`section:has(h2#match-${y.match}) li.entry`);
      assert.equal(await items.count(), y.entries.length, `${y.match}: one item per date`);
      for (const e of y.entries) {
        const tag = ((await page.locator(`[id="${e.id}-${y.match}"] .tag`).textContent()) ?? '').trim();
        const estimated = e.start.kind === 'estimated' || e.end?.kind === 'estimated';
        assert.equal(tag, estimated ? 'estimated' : 'official', `${y.match} ${e.id} is marked`);
      }
      const href = await page.locator(`a[href$="calendar/${y.match}.ics"]`).first().getAttribute('href');
      assert.ok(href, `${y.match}: a link to the .ics file`);
      const res = await page.request.get(new URL(href, page.url()).href);
      assert.equal(res.status(), 200);
      const body = await res.text();
      assert.ok(body.startsWith('BEGIN:VCALENDAR\r\n'), 'an iCalendar file');
      assert.equal(body.match(/BEGIN:VEVENT/g)?.length, y.entries.length, `${y.match}: one event per date`);
    }
  },

  async 'eras: the first use of ERAS links to an existing glossary entry'({ page, baseUrl }) {
    const entry = glossary.find((e) => e.term === 'ERAS');
    assert.ok(entry, 'the glossary has ERAS');
    await page.goto(`${baseUrl}guide/eras/`);
    const first = await page.evaluate(() => {
      const article = document.querySelector('article');
      if (!article) return null;
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        // The title, the table of contents and headings are never linked.
        if (node.parentElement?.closest('h1, h2, h3, h4, nav, code, pre, .meta')) continue;
        if (/(?<![\w/-])ERAS(?![\w/-])/.test(node.textContent ?? '')) {
          const a = node.parentElement?.closest('a');
          return { text: node.textContent ?? '', href: a?.getAttribute('href') ?? null };
        }
      }
      return null;
    });
    const basePath = new URL(baseUrl).pathname;
    assert.ok(first, 'the chapter text mentions ERAS');
    assert.equal(first.text, 'ERAS', 'the first mention is a link of its own');
    assert.equal(first.href, `${basePath}guide/glossary/#${entry.id}`);
    assert.equal(
      await page.locator(`a.term[href="${first.href}"]`).count(),
      1,
      'only the first use in the chapter is linked',
    );

    await page.locator(`a.term[href="${first.href}"]`).click();
    await page.waitForURL((u) => u.pathname.endsWith('/guide/glossary/'));
    const term = page.locator(`[id="${entry.id}"]`);
    assert.equal(await term.count(), 1, `#${entry.id} exists on the glossary page`);
    assert.match((await term.textContent()) ?? '', /ERAS/);
  },

  async 'print: the whole guide holds every chapter title in order'({ page, baseUrl }) {
    await page.goto(`${baseUrl}guide/print/`);
    const titles = (await page.locator('h2.chapter-title').allTextContents()).map((t) => t.trim());
    assert.equal(chapters.length, 16);
    assert.deepEqual(
      titles,
      chapters.map((c) => `${c.order}. ${c.title}`),
    );
  },

  async 'every figure citation in every chapter resolves on /method/'({ page, baseUrl }) {
    const basePath = new URL(baseUrl).pathname;
    const links: { chapter: string; href: string }[] = [];
    for (const c of chapters) {
      await page.goto(`${baseUrl}guide/${c.slug}/`);
      const hrefs = await page.locator('a.cite').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
      // The full-cost tables (CostTable.astro) cite each price too; they are checked below with the others.
      const inProse = await page.locator('a.cite:not(table.costs a.cite)').count();
      assert.equal(inProse, c.figs, `${c.slug}: one citation link per <Fig> (${c.figs})`);
      links.push(...hrefs.map((href) => ({ chapter: c.slug, href })));
    }
    assert.ok(links.length > 0, 'the guide cites figures');

    await page.goto(`${baseUrl}method/`);
    const ids = new Set(await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id)));
    const broken = links.filter(({ href }) => {
      const url = new URL(href, baseUrl);
      return url.pathname !== `${basePath}method/` || !url.hash.startsWith('#source-') || !ids.has(url.hash.slice(1));
    });
    assert.deepEqual(broken, [], 'every citation points at a #source-… id on /method/');
  },
};
