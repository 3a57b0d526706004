// The compile step reports every bad row at once, each with its file, line and field.
import { join } from 'node:path';
import { compileDataset, formatIssue, type Issue } from '../../scripts/data/compile.ts';
import { readDatasetSources } from '../../scripts/data/sources.ts';

const root = process.cwd();
const result = compileDataset(readDatasetSources(root, join(root, 'tests/content/fixtures/bad-rows')));
const issues: Issue[] = result.ok ? [] : result.issues;
const dir = 'tests/content/fixtures/bad-rows';

describe('compile error report on fixture files with several bad rows', () => {
  it('fails', () => {
    expect(result.ok).toBe(false);
  });

  it.each([
    [
      'programs.csv',
      3,
      'acgme_id',
      /prefix 420 does not match specialty "Interventional Radiology - Integrated" \(expects 416\)/,
    ],
    ['programs.csv', 4, 'acgme_id', /state-code digits 35 mean NY, but the state is NJ \(code 33\)/],
    ['programs.csv', 5, 'acgme_id', /10 digits/],
    ['programs.csv', 6, 'acgme_id', /duplicate ID 4203511121 \(first on line 2\)/],
    ['programs.csv', 7, 'specialty', /must be one of/],
    ['programs.csv', 7, 'state', /not a USPS code/],
    ['programs.csv', 8, 'hospital', /empty/],
    ['programs.csv', 8, 'flags', /New Program/],
    ['facts.csv', 3, 'fact', /must be one of/],
    ['facts.csv', 4, 'value', /"maybe" is not a h1b value: write yes, no or case-by-case/],
    ['facts.csv', 5, 'acgme_id', /no program 4209999999/],
    ['facts.csv', 6, 'url', /not a source/],
    ['facts.csv', 7, 'url', /not a URL/],
    ['facts.csv', 7, 'checked_on', /YYYY-MM-DD/],
    ['facts.csv', 8, 'note', /own words/],
    ['harvest-log.csv', 2, 'outcome', /found, partial or none/],
    ['sibling-overrides.csv', 2, 'action', /redundant/],
    ['sibling-overrides.csv', 3, 'action', /link|unlink|Invalid enum/],
    ['sibling-overrides.csv', 4, 'dr_id', /not a DR program/],
    ['sibling-overrides.csv', 4, 'ir_id', /not an IR-Integrated program/],
    ['ir-independent-matches.csv', 2, 'token', /not in the 415 source text/],
  ])('%s line %i names field %s', (file, line, field, message) => {
    const hit = issues.find((i) => i.file === `${dir}/${file}` && i.line === line && i.field === field);
    expect(hit, `no issue for ${file}:${line} ${field}; got:\n${issues.map(formatIssue).join('\n')}`).toBeDefined();
    expect(hit?.message).toMatch(message);
  });

  it('reports nothing for the good rows', () => {
    const good = [
      ['programs.csv', 2],
      ['programs.csv', 9],
      ['facts.csv', 2],
    ] as const;
    for (const [file, line] of good)
      expect(issues.filter((i) => i.file === `${dir}/${file}` && i.line === line)).toEqual([]);
  });

  it('formats an issue as file:line  field: message', () => {
    expect(formatIssue({ file: 'a.csv', line: 3, field: 'state', message: 'bad' })).toBe('a.csv:3  state: bad');
  });
});
