/**
 * Browser test for /programs/ and the program pages: the full list without interaction, the search island
 * ("mayo" finds the Mayo programs, the typo "pittsburg" still finds Pittsburgh), the track filter, the fact
 * filters with their counts, and a program page's IR pathway, stated facts with every statement, DOL filings,
 * the "Still to ask" list and verify links. Programs with disagreeing sources or a DOL filing are picked from
 * the compiled dataset, which grows as facts are added. Throws on the first failure.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Program } from '../../src/engine/data/program.ts';

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

  // Fact filters: the count beside a choice is what ticking it shows, and every row shown carries the facet.
  const j1Box = page.getByRole('checkbox', { name: /^Sponsors the J-1/ });
  const j1Count = Number(/\((\d+)\)/.exec((await j1Box.locator('xpath=..').textContent()) ?? '')?.[1]);
  assert.ok(j1Count > 0, 'some programs are shown to sponsor the J-1');
  await j1Box.check();
  assert.match(await statusSays(page, 'sponsors the J-1'), new RegExp(`Showing ${j1Count} of 296 programs`));
  const j1Rows = await page.$$eval('#program-list li[data-id]:not([hidden])', (els) =>
    els.map((e) => (e as HTMLElement).dataset['f'] ?? ''),
  );
  assert.ok(j1Rows.length === j1Count && j1Rows.every((f) => f.split(' ').includes('j1')), 'J-1 filter shows its rows');
  await page.getByLabel('Track').selectOption('ir-integrated');
  await statusSays(page, 'IR–Integrated, sponsors the J-1');
  assert.ok(
    (await shownIds(page)).every((id) => id.startsWith('416')),
    'fact and track filters combine',
  );
  await page.getByRole('button', { name: 'Clear' }).click();
  await statusSays(page, 'Showing 296 of 296');
  assert.equal(await j1Box.isChecked(), false, 'Clear unticks the fact filters');

  // A program page: no script, the IR pathway, the questions still to ask, national figures labelled, verify links.
  await page.goto(`${root}programs/4204921199/`);
  assert.equal(await page.locator('h1').textContent(), 'University of Utah Health');
  assert.equal(await page.locator('script').count(), 0, 'program pages ship no JavaScript');
  const text = (await page.locator('main').textContent()) ?? '';
  assert.ok(
    (await page.getByRole('heading', { name: 'IR pathway at this institution' }).count()) === 1,
    'an IR pathway block',
  );
  assert.ok(/IR–Independent/.test(text) && /ESIR/.test(text), 'IR–Independent and ESIR are named');
  assert.match(
    (await page.getByRole('heading', { name: /^Still to ask \(\d+\)$/ }).textContent()) ?? '',
    /Still to ask/,
  );
  const asked = await page.locator('ol.ask li').allTextContents();
  assert.ok(asked.length > 0, 'the questions still to ask are listed');
  assert.ok(
    asked.some((q) => q.includes('Do you sponsor J-1 visas through ECFMG for incoming residents?')) ||
      text.includes('J-1 visa (ECFMG): '),
    'the J-1 question is asked unless a source states it',
  );
  assert.ok(
    !text.includes('J-1 visa (ECFMG): ') || !asked.some((q) => q.includes('J-1 visas through ECFMG')),
    'a stated fact is not asked again',
  );
  if (asked.some((q) => q.includes('J-1 visas through ECFMG'))) {
    assert.ok(
      /73\.1%/.test(text) && text.includes("national figures, not this program's"),
      'national J-1 figure, labelled',
    );
  }
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

  // Pages picked from the compiled dataset: disagreeing sources show every statement; DOL filings show as such.
  const programs = JSON.parse(readFileSync('src/generated/programs.json', 'utf8')) as Program[];
  const disagree = programs.find(
    (p) => p.facts.positionsPerYear.status === 'disagree' || p.facts.j1.status === 'disagree',
  );
  if (disagree) {
    const key = disagree.facts.positionsPerYear.status === 'disagree' ? 'positionsPerYear' : 'j1';
    await page.goto(`${root}programs/${disagree.id}/`);
    const card = page.locator('li.fact', { has: page.locator(`#fact-${key}`) });
    assert.match((await card.locator('h3').textContent()) ?? '', /Sources disagree/);
    assert.equal(
      await card.locator('li.statement').count(),
      (disagree.evidence ?? []).filter((e) => e.fact === key).length,
      `${disagree.id}: every statement about ${key} is listed`,
    );
  }
  const filed = programs.find((p) => p.h1bFilings > 0);
  if (filed) {
    await page.goto(`${root}programs/${filed.id}/`);
    const filings = page.locator('.filings');
    assert.match((await filings.locator('h4').textContent()) ?? '', /H-1B filing evidence/);
    assert.match((await filings.textContent()) ?? '', /not that the petition was approved/);
    assert.equal(await filings.locator('li.statement').count(), filed.h1bFilings, `${filed.id}: each filing listed`);
  }
  // A stated fact names whom it speaks for and links its source page.
  const stated = programs.find((p) => p.facts.j1.value !== 'unknown');
  if (stated) {
    await page.goto(`${root}programs/${stated.id}/`);
    const card = page.locator('li.fact', { has: page.locator('#fact-j1') });
    assert.match(
      (await card.locator('.where').first().textContent()) ?? '',
      /for (this program|the whole institution)/,
    );
    assert.ok((await card.locator('.where a').first().getAttribute('href'))?.startsWith('http'), 'links its source');
  }
}
