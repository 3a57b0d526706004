// Contribute a fact: a verification log entry and the page that states it become a facts.csv row that
// the dataset compile step accepts (checked here against its own row schema and CSV reader).
import fc from 'fast-check';
import { COLUMNS, factRowSchema, readFactValue } from '../../scripts/data/compile.ts';
import { parseCsv } from '../../scripts/data/csv.ts';
import { NOT_A_SOURCE_HOSTS } from '../../src/engine/data/facts.ts';
import { policyFactsSchema } from '../../src/engine/data/program.ts';
import {
  FACTS_CSV_COLUMNS,
  contributionFile,
  contributionRow,
  csvField,
  defaultContributionForm,
  factsCsvValue,
  type ContributionForm,
} from '../../src/engine/planner/fact-contribution.ts';
import type { VerificationEntry } from '../../src/engine/planner/verification.ts';

const entry: VerificationEntry = {
  programId: '4204921199',
  fact: 'h1b',
  value: true,
  date: '2026-12-04',
  how: 'email from the program coordinator',
};

const form = (over: Partial<ContributionForm> = {}): ContributionForm => ({
  ...defaultContributionForm(),
  url: 'https://medicine.utah.edu/radiology/residency/apply',
  note: 'The residency application page says the program sponsors H-1B visas for residents who have passed Step 3.',
  ...over,
});

/** The row as the compile step reads it: through its CSV reader, then its row schema and value reader. */
function compileAccepts(row: string): boolean {
  const table = parseCsv(contributionFile(row));
  const fields = table.records[0]?.fields;
  if (table.errors.length || table.records.length !== 1 || !fields) return false;
  const parsed = factRowSchema.safeParse(fields);
  if (!parsed.success) return false;
  const value = readFactValue(parsed.data.fact, parsed.data.value);
  return policyFactsSchema.shape[parsed.data.fact].safeParse({ value, source: 'check' }).success;
}

describe('contributionRow', () => {
  it('writes every facts.csv column in file order', () => {
    expect(FACTS_CSV_COLUMNS).toEqual(COLUMNS.facts);
    const result = contributionRow(entry, form({ condition: 'Step 3 passed before ranking' }));
    expect(result).toEqual({
      ok: true,
      fields: {
        acgme_id: '4204921199',
        fact: 'h1b',
        value: 'yes',
        condition: 'Step 3 passed before ranking',
        scope: 'program',
        source_kind: 'program-site',
        url: 'https://medicine.utah.edu/radiology/residency/apply',
        page_date: 'undated',
        checked_on: '2026-12-04',
        note: 'The residency application page says the program sponsors H-1B visas for residents who have passed Step 3.',
      },
      row: '4204921199,h1b,yes,Step 3 passed before ranking,program,program-site,https://medicine.utah.edu/radiology/residency/apply,undated,2026-12-04,The residency application page says the program sponsors H-1B visas for residents who have passed Step 3.',
    });
  });

  it.each<[VerificationEntry['fact'], VerificationEntry['value'], string]>([
    ['j1', true, 'yes'],
    ['j1', false, 'no'],
    ['h1b', false, 'no'],
    ['maxYearsSinceGraduation', 5, '5'],
    ['maxYearsSinceGraduation', 'none', 'none'],
    ['step2Minimum', 230, '230'],
    ['step2Minimum', 'none', 'none'],
  ])('%s %j is written %s, and the compile step accepts the row', (fact, value, text) => {
    const e = { ...entry, fact, value } as VerificationEntry;
    expect(factsCsvValue(e)).toBe(text);
    const result = contributionRow(e, form({ scope: 'institution', kind: 'institution-gme', pageDate: '2026-07' }));
    expect(result.ok && compileAccepts(result.row)).toBe(true);
  });

  it('quotes a field with a comma, so the row still has ten columns', () => {
    const result = contributionRow(entry, form({ condition: 'Step 3, passed before the rank list' }));
    expect(result.ok && result.row).toContain(',"Step 3, passed before the rank list",');
    expect(result.ok && compileAccepts(result.row)).toBe(true);
  });

  it.each<[string, Partial<ContributionForm>, string]>([
    ['no URL', { url: '' }, 'url'],
    ['not a web address', { url: 'medicine.utah.edu/apply' }, 'url'],
    ['not http(s)', { url: 'ftp://medicine.utah.edu/apply' }, 'url'],
    ['FREIDA', { url: 'https://freida.ama-assn.org/program/4204921199' }, 'url'],
    ['a forum subdomain', { url: 'https://forums.studentdoctor.net/threads/utah.1/' }, 'url'],
    ['a staging copy', { url: 'https://medicine-staging.utah.edu/radiology/apply' }, 'url'],
    ['a bad page date', { pageDate: 'May 2026' }, 'pageDate'],
    ['a page date after the read date', { pageDate: '2026-12-05' }, 'pageDate'],
    ['a long condition', { condition: 'x'.repeat(161) }, 'condition'],
    ['a short note', { note: 'Says H-1B yes.' }, 'note'],
    ['a long note', { note: 'x'.repeat(301) }, 'note'],
    ['a quoted note', { note: 'The page says “we sponsor H-1B visas” for its residents.' }, 'note'],
    ['a straight-quoted note', { note: 'The page says "we sponsor H-1B visas" for its residents.' }, 'note'],
  ])('refuses %s', (_name, over, field) => {
    const result = contributionRow(entry, form(over));
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors)).toEqual([field]);
  });

  it('refuses every not-a-source host the compile step refuses', () => {
    for (const host of NOT_A_SOURCE_HOSTS) {
      const result = contributionRow(entry, form({ url: `https://${host}/x` }));
      expect(result.ok).toBe(false);
    }
  });

  it('takes an empty page date as undated and tidies spaces', () => {
    const result = contributionRow(entry, form({ pageDate: ' ', note: `  ${form().note}\n  ` }));
    expect(result.ok && result.fields.page_date).toBe('undated');
    expect(result.ok && result.fields.note).toBe(form().note);
  });

  it('makes rows the compile step accepts for any note and condition it lets through', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', ' ', ',', '\n', 'é', '-', ';', "'"),
      minLength: 0,
      maxLength: 320,
    });
    fc.assert(
      fc.property(text, text, (note, condition) => {
        const result = contributionRow(entry, form({ note, condition }));
        return !result.ok || compileAccepts(result.row);
      }),
    );
  });
});

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
  ])('%j is written %j', (text, written) => expect(csvField(text)).toBe(written));
});
