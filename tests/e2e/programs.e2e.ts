/**
 * Browser test for /programs/ and a program page: the full list without interaction, the search island
 * ("mayo" finds the Mayo programs, the typo "pittsburg" still finds Pittsburgh), the track filter, and a
 * program page's provenance and verify links. Throws on the first failure.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

const MAYO = ['4160300003', '4161100001', '4162600003', '4200300935', '4201121250', '4202621105'];
const PITTSBURGH = ['4164100001', '4164100008', '4204121176', '4204121177'];

/** IDs of the list items currently shown. */
async function shownIds(page: Page): Promise<string[]> {
  return page.$$eval('#program-list li[data-id]:not([hidden])', (els) =>
    els.map((e) => (e as HTMLElement).dataset['id'] ?? ''),
  );
}

/** Waits until the live status line contains the text. */
async function statusSays(page: Page, text: string): Promise<string> {
  const status = page.locator('.program-search [role="status"]');
  await page.waitForFunction(
    (t) => document.querySelector('.program-search [role="status"]')?.textContent?.includes(t) ?? false,
    text,
    { timeout: 5000 },
  );
  return (await status.textContent()) ?? '';
}

export default async function programsE2E(ctx: { page: Page; baseUrl: string }): Promise<void> {
  const { page } = ctx;
  const root = ctx.baseUrl.endsWith('/') ? ctx.baseUrl : `${ctx.baseUrl}/`;

  await page.goto(`${root}programs/`);
  assert.equal(
    await page.locator('#program-list li[data-id]').count(),
    296,
    'the server-rendered list holds all 296 programs',
  );

  const box = page.getByLabel('Search by name, city or state');
  await box.waitFor({ state: 'visible', timeout: 10_000 });

  await box.fill('mayo');
  const mayoStatus = await statusSays(page, '“mayo”');
  const mayo = await shownIds(page);
  assert.deepEqual([...mayo].sort(), [...MAYO].sort(), `"mayo" shows the six Mayo programs (got ${mayo.join(', ')})`);
  assert.match(mayoStatus, /Showing 6 of 296 programs/);
  for (const id of MAYO) {
    assert.match((await page.locator(`li[data-id="${id}"] a.name`).textContent()) ?? '', /Mayo Clinic/);
  }

  await box.fill('pittsburg');
  await statusSays(page, '“pittsburg”');
  const pitt = await shownIds(page);
  for (const id of PITTSBURGH)
    assert.ok(pitt.includes(id), `the typo "pittsburg" finds ${id} in Pittsburgh (got ${pitt.join(', ')})`);

  await box.fill('');
  await page.getByLabel('Track').selectOption('ir-integrated');
  assert.match(await statusSays(page, 'IR–Integrated'), /Showing 103 of 296 programs/);
  await page.getByLabel('Region').selectOption('West');
  const west = await shownIds(page);
  assert.ok(west.length > 0 && west.every((id) => id.startsWith('416')), 'track and region filters combine');
  await page.getByRole('button', { name: 'Clear' }).click();
  await statusSays(page, 'Showing 296 of 296');

  // A program page: no script, provenance for every fact, the question to ask, national figures labelled, verify links.
  await page.goto(`${root}programs/4204921199/`);
  assert.equal(await page.locator('h1').textContent(), 'University of Utah Health');
  assert.equal(await page.locator('script').count(), 0, 'program pages ship no JavaScript');
  const text = (await page.locator('main').textContent()) ?? '';
  assert.ok(text.includes('Not verified — ask the program'), 'an unknown fact says it is not verified');
  assert.ok(
    text.includes('Do you sponsor J-1 visas through ECFMG for incoming residents?'),
    'the J-1 question is shown',
  );
  assert.ok(text.includes('not yet verified'), 'each fact shows its source');
  assert.ok(
    /73\.1%/.test(text) && /23\.2%/.test(text) && text.includes("National figure, not this program's"),
    'national visa figures, labelled',
  );
  assert.equal(
    await page.getByRole('link', { name: 'This program on FREIDA' }).getAttribute('href'),
    'https://freida.ama-assn.org/program/4204921199',
  );
  assert.equal(
    await page.getByRole('link', { name: 'ACGME public program search' }).getAttribute('href'),
    'https://apps.acgme.org/ads/Public/Programs/Search',
  );
  assert.ok(
    ((await page.getByRole('link', { name: 'Add to my list in the planner' }).getAttribute('href')) ?? '').endsWith(
      'planner/#program=4204921199',
    ),
  );
  assert.ok(
    ((await page.locator('a[href$="programs/4164900002/"]').count()) ?? 0) > 0,
    'links its IR-Integrated sibling',
  );
}
