/**
 * Browser tests for share links: a user with a stored list builds a link on /share/ and copies it;
 * a fresh browser opens it and sees the same programs in the same order, with notes as text; copies
 * them to its own list and imports the facts. A tampered link and damaged stored data change nothing.
 * The fragment never appears in any request. Throws on the first failure.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import {
  STORAGE_KEY,
  emptyState,
  loadState,
  saveState,
  type PlannerState,
} from '../../src/engine/planner/planner-state';
import { SHARE_MESSAGES } from '../../src/engine/share/share';
import { STORE_UNREADABLE_NOTICE } from '../../src/engine/share/share-view';
import { axe } from './harness.ts';

interface Ctx {
  page: Page;
  context: BrowserContext;
  baseUrl: string;
  newContext: () => Promise<BrowserContext>;
}

const IDS: string[] = (
  JSON.parse(readFileSync('src/generated/programs.min.json', 'utf8')) as { p: { i: string }[] }
).p.map((p) => p.i);
// A rank list is not in ID order.
const RANKED = [IDS[200], IDS[3], IDS[150], IDS[41], IDS[99], IDS[7], IDS[260], IDS[120], IDS[55], IDS[180]].map(
  (id) => id ?? '',
);
const XSS_NOTE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> & “quotes”';

const SENDER: PlannerState = {
  ...emptyState(),
  myList: RANKED.map((id, i) => ({
    id,
    note: i === 0 ? 'First choice: J-1 confirmed by email.' : i === 1 ? XSS_NOTE : '',
    unhappy: i === 2,
  })),
  verifications: [
    { programId: RANKED[0] ?? '', fact: 'j1', value: true, date: '2026-09-12', how: 'email from the coordinator' },
    { programId: RANKED[1] ?? '', fact: 'step2Minimum', value: 235, date: '2026-09-20', how: 'program website' },
  ],
};

const pageOf = async (c: BrowserContext) => c.pages()[0] ?? (await c.newPage());

async function seed(page: Page, baseUrl: string, raw: string): Promise<void> {
  await page.goto(`${baseUrl}share/`);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, raw] as const);
}

const stored = (page: Page) => page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);

/** Waits for the shared list with program names (the program list is loaded). */
async function sharedIds(page: Page): Promise<string[]> {
  await page.waitForFunction(
    () => {
      const first = document.querySelector('.shared-list li[data-id] .name a');
      return first !== null && !(first.textContent ?? '').startsWith('Program ');
    },
    undefined,
    { timeout: 10_000 },
  );
  return page.$$eval('.shared-list li[data-id]', (els) => els.map((e) => (e as HTMLElement).dataset['id'] ?? ''));
}

async function buildLink(page: Page, baseUrl: string): Promise<string> {
  await seed(page, baseUrl, saveState(SENDER));
  await page.reload();
  const field = page.getByLabel('Share link');
  await field.waitFor({ state: 'visible', timeout: 10_000 });
  assert.equal(await page.getByLabel(/^My notes on those programs/).isChecked(), true, 'notes are on by default');
  assert.equal(await page.getByLabel(/^Facts I verified/).isChecked(), true, 'facts are on by default');
  assert.equal(await page.getByLabel(/^My profile/).isChecked(), false, 'the profile is off by default');
  assert.match((await page.locator('.share-warning').first().textContent()) ?? '', /Anyone who gets the link/);
  assert.deepEqual(await axe(page), [], 'the builder passes axe');
  return field.inputValue();
}

export const tests: Record<string, (ctx: Ctx) => Promise<void>> = {
  'build, copy, open in a fresh browser, copy to my list': async ({ page, context, baseUrl, newContext }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl).origin });

    const link = await buildLink(page, baseUrl);
    assert.ok(link.startsWith(`${baseUrl}share/#v1.`), `link form: ${link}`);
    assert.match(
      (await page.locator('.share-length').textContent()) ?? '',
      new RegExp(`^${link.length} characters\\.`),
    );
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Link copied.').waitFor({ timeout: 5000 });
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, 'the clipboard holds the link');

    // Without notes the link changes and gets shorter.
    await page.getByLabel(/^My notes on those programs/).uncheck();
    const withoutNotes = await page.getByLabel('Share link').inputValue();
    assert.ok(withoutNotes.length < link.length, 'leaving notes out makes the link shorter');

    // The recipient: a fresh profile with nothing stored.
    const recipient = await newContext();
    const rpage = await pageOf(recipient);
    const recipientErrors: string[] = [];
    rpage.on('request', (r) => requests.push(r.url()));
    rpage.on('console', (m) => (m.type() === 'error' ? recipientErrors.push(m.text()) : undefined));
    rpage.on('pageerror', (e) => recipientErrors.push(e.message));
    await rpage.goto(link);
    assert.deepEqual(await sharedIds(rpage), RANKED, 'the same programs in the same order');

    const xss = rpage.locator(`.shared-list li[data-id="${RANKED[1]}"] .shared-note`);
    assert.equal(
      ((await xss.textContent()) ?? '').replace('Sender’s note: ', ''),
      XSS_NOTE,
      'the note is shown as text',
    );
    assert.equal(await rpage.locator('.shared-list img, .shared-list script').count(), 0, 'no markup from a note');
    assert.equal(await rpage.evaluate(() => (window as { __pwned?: number }).__pwned), undefined, 'nothing ran');
    assert.match(
      (await rpage.locator('main').textContent()) ?? '',
      /Some notes in this link contain text that looks like web code/,
    );
    assert.equal(await rpage.locator('.share-view tbody tr').count(), 2, 'the verified facts are shown');
    assert.equal(await rpage.locator('h3', { hasText: 'Only in the shared list (10)' }).count(), 1);
    assert.deepEqual(await axe(rpage), [], 'the shared view passes axe');

    assert.equal(await stored(rpage), null, 'opening a link stores nothing');
    await rpage.getByRole('button', { name: 'Copy to my list' }).click();
    await rpage.getByText('Added 10 programs to the end of My list').waitFor({ timeout: 5000 });
    const afterCopy = loadState(await stored(rpage));
    assert.equal(afterCopy.notice, undefined);
    assert.deepEqual(
      afterCopy.state.myList.map((e) => e.id),
      RANKED,
      'the recipient’s list now holds them, in order',
    );
    assert.equal(await rpage.locator('h3', { hasText: 'In both (10)' }).count(), 1, 'the comparison updates');

    await rpage.getByRole('button', { name: 'Copy to my list' }).click();
    await rpage.getByText('No programs added').waitFor({ timeout: 5000 });
    assert.equal(loadState(await stored(rpage)).state.myList.length, 10, 'copying twice adds nothing');

    await rpage.getByRole('button', { name: 'Import these verified facts' }).click();
    await rpage.getByText('Imported 2 verified facts').waitFor({ timeout: 5000 });
    assert.deepEqual(loadState(await stored(rpage)).state.verifications, SENDER.verifications);

    const data = link.slice(link.indexOf('#') + 1);
    for (const url of requests) {
      assert.ok(!url.includes('#') && !url.includes(data.slice(3, 40)), `the fragment went out in a request: ${url}`);
    }
    assert.ok(
      requests.some((u) => u.endsWith('data/programs.min.json')),
      'the program list came from this site',
    );
    assert.deepEqual(recipientErrors, [], 'no console errors in the recipient’s browser');
  },

  'copy falls back to selecting the link; the share sheet gets the link': async ({ page, baseUrl }) => {
    const shared: unknown[] = [];
    await page.exposeFunction('__recordShare', (data: unknown) => shared.push(data));
    // A browser without the Clipboard API, with a share sheet. (A string: tsx would add helpers to a function.)
    await page.addInitScript(`
      Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
      Object.defineProperty(navigator, 'share', { value: (d) => window.__recordShare(d), configurable: true });
    `);
    const link = await buildLink(page, baseUrl);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('The link is selected: press Ctrl+C').waitFor({ timeout: 5000 });
    const selection = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return { label: el?.labels?.[0]?.textContent?.trim(), start: el?.selectionStart, end: el?.selectionEnd };
    });
    assert.deepEqual(selection, { label: 'Share link', start: 0, end: link.length }, 'the whole link is selected');
    await page.getByRole('button', { name: 'Share…' }).click();
    for (let i = 0; i < 50 && shared.length === 0; i++) await page.waitForTimeout(50);
    assert.deepEqual(shared, [{ title: 'IR Pathway: a shared program list', url: link }]);
  },

  'a tampered link shows the error and leaves storage untouched': async ({ page, baseUrl, newContext }) => {
    const link = await buildLink(page, baseUrl);
    const at = link.indexOf('#v1.') + 30;
    const tampered = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);

    const other = await newContext();
    const opage = await pageOf(other);
    const mine: PlannerState = { ...emptyState(), myList: [{ id: IDS[0] ?? '', note: 'mine', unhappy: false }] };
    await seed(opage, baseUrl, saveState(mine));
    const before = await stored(opage);

    for (const [url, message] of [
      [tampered, SHARE_MESSAGES.damaged],
      [link.slice(0, -25), SHARE_MESSAGES.damaged],
      [link.replace('#v1.', '#v9.'), SHARE_MESSAGES['unknown-version'](9)],
    ] as const) {
      await opage.goto('about:blank');
      await opage.goto(url);
      const alert = opage.getByRole('alert');
      await alert.waitFor({ timeout: 10_000 });
      const text = (await alert.textContent()) ?? '';
      assert.ok(text.includes(message), `shows "${message}" (got "${text}")`);
      assert.ok(text.includes('Your own list and saved data were not changed.'));
      assert.equal(await opage.locator('.shared-list').count(), 0, 'nothing from the bad link is shown');
      assert.equal(await stored(opage), before, 'storage is untouched, byte for byte');
    }
    assert.deepEqual(await axe(opage), [], 'the error view passes axe');
    // The rest of the site still works.
    await opage.getByRole('link', { name: 'Share your own list' }).click();
    await opage.getByLabel('Share link').waitFor({ timeout: 10_000 });
    assert.equal(await stored(opage), before);
  },

  'damaged stored data is never overwritten': async ({ page, baseUrl }) => {
    const link = await buildLink(page, baseUrl);
    const garbage = '{"version":1,"myList":[{"id":"not-an-id"}]';
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, garbage] as const);
    await page.goto('about:blank');
    await page.goto(link);
    assert.deepEqual(await sharedIds(page), RANKED, 'the shared list is still shown');
    assert.ok(((await page.locator('main').textContent()) ?? '').includes(STORE_UNREADABLE_NOTICE));
    await page.getByRole('button', { name: 'Copy to my list' }).click();
    await page.getByText('Nothing was copied: your saved planner data cannot be read').waitFor({ timeout: 5000 });
    await page.getByRole('button', { name: 'Import these verified facts' }).click();
    await page.getByText('Nothing was copied: your saved planner data cannot be read').waitFor({ timeout: 5000 });
    assert.equal(await stored(page), garbage, 'the damaged data is kept as it was');
  },
};
