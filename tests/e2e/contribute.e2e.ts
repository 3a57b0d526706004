/**
 * Browser test for "Contribute a fact": a person with a recorded answer in the planner's verification log
 * opens Contribute, is stopped at a directory page, names the program's own page and their own words,
 * and gets a facts.csv row to copy or download. axe runs with the form's errors shown and with the row.
 * Throws on the first failure.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { STORAGE_KEY, emptyState, saveState } from '../../src/engine/planner/planner-state';
import { axe } from './harness.ts';

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

export default async function contributeE2E(ctx: { page: Page; baseUrl: string }): Promise<void> {
  const { page } = ctx;
  const root = ctx.baseUrl.endsWith('/') ? ctx.baseUrl : `${ctx.baseUrl}/`;
  const state = {
    ...emptyState(),
    verifications: [
      { programId: '4204921199', fact: 'h1b' as const, value: true, date: '2026-12-04', how: 'read the website' },
    ],
  };
  await page.goto(`${root}planner/`);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, saveState(state)] as const);
  await page.goto(`${root}planner/#verification`);

  const contribute = page.getByRole('button', { name: 'Contribute this answer to the dataset' });
  await contribute.waitFor({ timeout: 10_000 });
  await contribute.click();
  await page.getByRole('heading', { name: /^Contribute this fact: University of Utah Health/ }).waitFor();
  assert.equal(await focusedId(page), 'cf-url', 'focus goes to the first field');

  // A directory page and a quoted note are refused, with the message tied to the field.
  await page.fill('#cf-url', 'https://freida.ama-assn.org/program/4204921199');
  await page.fill('#cf-note', 'The page says "we sponsor H-1B" for residents.');
  await page.getByRole('button', { name: 'Make the row' }).click();
  await page.locator('#cf-url-error').waitFor();
  assert.match((await page.locator('#cf-url-error').textContent()) ?? '', /not a source/);
  assert.equal(await page.getAttribute('#cf-url', 'aria-invalid'), 'true');
  assert.match((await page.getAttribute('#cf-note', 'aria-describedby')) ?? '', /cf-note-error/);
  assert.equal(await focusedId(page), 'cf-url', 'focus goes to the first field to fix');
  assert.equal(await page.locator('#cf-row').count(), 0, 'no row while the form has errors');
  assert.deepEqual(await axe(page), [], 'axe, contribute form with errors');

  await page.fill('#cf-url', 'https://medicine.utah.edu/radiology/education/residency/how-to-apply');
  await page.selectOption('#cf-scope', 'program');
  await page.fill('#cf-pageDate', '2026-09');
  await page.fill('#cf-condition', 'Step 3, passed before ranking');
  await page.fill(
    '#cf-note',
    'How-to-apply page says the program sponsors the H-1B for residents who have passed Step 3.',
  );
  await page.getByRole('button', { name: 'Make the row' }).click();
  const row = page.locator('#cf-row');
  await row.waitFor();
  assert.equal(
    await row.inputValue(),
    '4204921199,h1b,yes,"Step 3, passed before ranking",program,program-site,' +
      'https://medicine.utah.edu/radiology/education/residency/how-to-apply,2026-09,2026-12-04,' +
      'How-to-apply page says the program sponsors the H-1B for residents who have passed Step 3.',
  );
  assert.deepEqual(await axe(page), [], 'axe, contribute form with its row');

  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as CSV' }).click(),
  ]);
  assert.equal(file.suggestedFilename(), 'facts-4204921199-h1b.csv');

  // Editing the form takes the row away until it is made again.
  await page.fill('#cf-pageDate', '2027');
  assert.equal(await row.count(), 0, 'a changed form hides the old row');
  await page.getByRole('button', { name: 'Close' }).click();
  assert.equal(await page.locator('#cf-url').count(), 0, 'Close removes the form');
}
