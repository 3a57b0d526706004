// The coverage table of `npm run data:check`: counts per fact and track by source kind and scope, the
// open facts, DOL filings and IR–Independent presence, and the table text.
import { unknownFacts } from '../../src/engine/data/dataset.ts';
import { factCoverage, formatCoverage, sourceKindOf } from '../../src/engine/data/coverage.ts';
import { SOURCE_KIND_WORDS } from '../../src/engine/data/facts.ts';
import { POLICY_FACT_KEYS, type Evidence, type PolicyFacts, type Program } from '../../src/engine/data/program.ts';

function program(seq: number, over: Partial<Program> = {}, facts: Partial<PolicyFacts> = {}): Program {
  return {
    id: `${over.track === 'ir-integrated' ? '416' : '420'}01${String(seq).padStart(5, '0')}`,
    track: 'dr',
    name: `Program ${seq}`,
    sourceName: `PROGRAM ${seq}`,
    city: 'Birmingham',
    sourceCity: 'BIRMINGHAM',
    state: 'AL',
    region: 'South',
    division: 'East South Central',
    flags: { newProgram: false, osteopathicRecognized: false },
    siblings: [],
    irIndependent: 'no',
    h1bFilings: 0,
    ...over,
    facts: { ...unknownFacts(), ...facts },
  };
}

const said = (fact: string, kind: Evidence['kind'] = 'program-site'): Evidence => ({
  fact,
  value: 'yes',
  scope: 'program',
  kind,
  url: 'https://www.example.edu/apply',
  pageDate: 'undated',
  checkedOn: '2026-12-04',
  note: 'The page says something about this fact, in our words.',
});

const fixture: Program[] = [
  program(
    1,
    { evidence: [said('j1'), said('h1b', 'dol-filing')], h1bFilings: 1, irIndependent: 'yes' },
    {
      j1: { value: true, source: SOURCE_KIND_WORDS['program-site'], scope: 'program', checkedOn: '2026-12-04' },
      h1b: { value: 'unknown', source: 'US DOL', scope: 'institution', status: 'dol-filing' },
      positionsPerYear: { value: 8, source: SOURCE_KIND_WORDS['program-site'], scope: 'program' },
    },
  ),
  program(
    2,
    { evidence: [said('j1', 'institution-gme')], irIndependent: 'possible' },
    {
      j1: { value: true, source: SOURCE_KIND_WORDS['institution-gme'], scope: 'institution' },
      h1b: { value: 'unknown', source: 'GME', scope: 'institution', status: 'case-by-case' },
      positionsPerYear: { value: 'unknown', source: 'Sources disagree', scope: 'program', status: 'disagree' },
    },
  ),
  program(3, { track: 'ir-integrated' }, { j1: { value: false, source: 'verified by you on 2026-12-01 (email)' } }),
];

describe('factCoverage', () => {
  const c = factCoverage(fixture);
  const row = (fact: string, track: string) => c.facts.find((f) => f.fact === fact && f.track === track);

  it('has a row per fact and track, in order', () => {
    expect(c.facts.map((f) => `${f.fact}/${f.track}`)).toEqual(
      POLICY_FACT_KEYS.flatMap((k) => [`${k}/dr`, `${k}/ir-integrated`]),
    );
  });

  it('counts known values by source kind and scope', () => {
    expect(row('j1', 'dr')).toMatchObject({
      known: 2,
      byScope: { program: 1, institution: 1 },
      disagree: 0,
      caseByCase: 0,
    });
    expect(row('j1', 'dr')?.byKind).toMatchObject({ 'program-site': 1, 'institution-gme': 1, other: 0 });
    // A source text that names no kind (a user's verification) counts as "other"; no scope is counted.
    expect(row('j1', 'ir-integrated')).toMatchObject({
      known: 1,
      byKind: { other: 1 },
      byScope: { program: 0, institution: 0 },
    });
  });

  it('counts open facts by why they are open, never as known', () => {
    expect(row('h1b', 'dr')).toMatchObject({ known: 0, caseByCase: 1, dolFilingOnly: 1, disagree: 0 });
    expect(row('positionsPerYear', 'dr')).toMatchObject({ known: 1, disagree: 1 });
  });

  it('counts per track: statements, visa statements, DOL filings, IR–Independent presence', () => {
    expect(c.tracks).toEqual([
      {
        track: 'dr',
        programs: 2,
        withDolFiling: 1,
        irIndependent: { yes: 1, possible: 1, no: 0 },
        statements: 3,
        withAnyStatement: 2,
        withVisaStatement: 2,
      },
      {
        track: 'ir-integrated',
        programs: 1,
        withDolFiling: 0,
        irIndependent: { yes: 0, possible: 0, no: 1 },
        statements: 0,
        withAnyStatement: 0,
        withVisaStatement: 0,
      },
    ]);
  });
});

describe('sourceKindOf', () => {
  it.each(Object.entries(SOURCE_KIND_WORDS))('%s is named %j', (kind, words) => {
    expect(sourceKindOf(words)).toBe(kind);
  });
  it('names anything else "other"', () => expect(sourceKindOf('not yet verified')).toBe('other'));
});

describe('formatCoverage', () => {
  const text = formatCoverage(factCoverage(fixture));
  const lines = text.split('\n');

  it('prints a header, one aligned line per fact and track, then one line per track', () => {
    expect(lines[0]).toMatch(/^Policy facts: .*\(DR 2, IR-Int 1 programs\):$/);
    expect(lines[1]?.split(/\s+/)).toEqual([
      'fact',
      'track',
      'known',
      'prog-site',
      'inst-gme',
      'inst-intl',
      'other',
      'scope:prog',
      'scope:inst',
      'disagree',
      'case-by-case',
      'dol-only',
    ]);
    expect(lines.slice(2, 2 + POLICY_FACT_KEYS.length * 2)).toHaveLength(28);
    expect(lines[2]?.split(/\s+/)).toEqual(['j1', 'DR', '2', '1', '1', '0', '0', '1', '1', '0', '0', '0']);
    expect(lines[4]?.split(/\s+/)).toEqual(['h1b', 'DR', '0', '0', '0', '0', '0', '0', '0', '0', '1', '1']);
    // Every number ends under the end of its column head.
    const ends = (line: string) => [...line.matchAll(/\S+/g)].map((m) => (m.index ?? 0) + m[0].length);
    expect(ends(lines[2] ?? '').slice(2)).toEqual(ends(lines[1] ?? '').slice(2));
  });

  it('ends with the per-track lines', () => {
    expect(lines.at(-2)).toBe(
      "DR: 2 of 2 programs have at least one statement (3 statements), 2 a J-1 or H-1B statement from their own or their institution's pages; 1 at an institution with a US DOL H-1B filing for a radiology resident; IR–Independent at the institution: 1 yes, 1 possible, 0 not listed.",
    );
    expect(lines.at(-1)).toMatch(/^IR-Int: 0 of 1 programs/);
  });
});
