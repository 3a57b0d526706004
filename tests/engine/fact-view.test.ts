// What a program page shows of its facts: every stated fact with each statement in words, DOL filings
// apart, and one list of questions still to ask.
import { unknownFacts } from '../../src/engine/data/dataset.ts';
import {
  FACT_ORDER,
  dateWords,
  factView,
  programFactsView,
  statementValueText,
} from '../../src/engine/data/fact-view.ts';
import { POLICY_FACT_KEYS, type Evidence, type Program } from '../../src/engine/data/program.ts';

const base: Program = {
  id: '4200100001',
  track: 'dr',
  name: 'Test DR',
  sourceName: 'TEST DR',
  city: 'Birmingham',
  sourceCity: 'BIRMINGHAM',
  state: 'AL',
  region: 'South',
  division: 'East South Central',
  flags: { newProgram: false, osteopathicRecognized: false },
  facts: unknownFacts(),
  siblings: [],
  irIndependent: 'no',
  h1bFilings: 0,
};

const statement = (over: Partial<Evidence>): Evidence => ({
  fact: 'j1',
  value: 'yes',
  scope: 'program',
  kind: 'program-site',
  url: 'https://www.example.edu/radiology/apply',
  pageDate: '2026-05',
  checkedOn: '2026-12-04',
  note: 'The application page says the program sponsors the J-1 through ECFMG.',
  ...over,
});

const withFacts = (
  facts: Partial<Program['facts']>,
  evidence: Evidence[] = [],
  over: Partial<Program> = {},
): Program => ({
  ...base,
  facts: { ...unknownFacts(), ...facts },
  evidence,
  ...over,
});

describe('dateWords', () => {
  it.each([
    ['2026', '2026'],
    ['2026-05', 'May 2026'],
    ['2026-12-04', '4 Dec 2026'],
    ['2025-06', 'Jun 2025'],
    ['undated', 'undated'],
  ])('%s reads %s', (date, words) => expect(dateWords(date)).toBe(words));
});

describe('statementValueText', () => {
  it.each([
    ['j1', 'yes', 'Yes, sponsors'],
    ['h1b', 'no', 'No, does not sponsor'],
    ['h1b', 'case-by-case', 'Decided case by case'],
    ['h1b', 'filing', 'H-1B filing on record (US DOL)'],
    ['imgConsidered', 'yes', 'Yes, considers them'],
    ['positionsPerYear', '8', '8'],
    ['imgShare', '0.25', '25%'],
    ['step2Minimum', 'none', 'No minimum'],
    ['maxYearsSinceGraduation', '5', '5 years'],
    ['setting', 'community-university-affiliated', 'Community-based, university-affiliated'],
    ['imgRecent', 'rarely', 'Rarely (one in recent classes)'],
  ] as const)('%s %s reads %s', (key, text, words) => expect(statementValueText(key, text)).toBe(words));
});

describe('programFactsView', () => {
  it('asks every applicable question of a program nobody has checked, and states nothing', () => {
    const view = programFactsView(base);
    expect(view.stated).toEqual([]);
    expect(view.knownCount).toBe(0);
    expect(view.toAsk.map((q) => q.key)).toEqual([...FACT_ORDER, 'esir']);
    expect(view.toAsk.every((q) => q.question.endsWith('?') && q.reason === undefined)).toBe(true);
  });

  it('lists FACT_ORDER facts plus ESIR, each policy fact once', () => {
    expect(new Set([...FACT_ORDER, 'esir'])).toEqual(new Set(POLICY_FACT_KEYS));
    expect(FACT_ORDER).toHaveLength(POLICY_FACT_KEYS.length - 1);
  });

  it('does not ask an IR–Integrated program about ESIR, nor totals or shares another answer covers', () => {
    const ir = withFacts(
      {
        positionsPerYear: { value: 2, source: 'Program website', scope: 'program', checkedOn: '2026-12-04' },
        imgRecent: { value: 'yes', source: 'Program website', scope: 'program', checkedOn: '2026-12-04' },
      },
      [],
      { id: '4160100001', track: 'ir-integrated' },
    );
    const asked = programFactsView(ir).toAsk.map((q) => q.key);
    expect(asked).not.toContain('esir');
    expect(asked).not.toContain('totalResidents');
    expect(asked).not.toContain('imgShare');
    expect(asked).not.toContain('positionsPerYear');
  });

  it('shows a known fact with its scope in words and its statement', () => {
    const p = withFacts(
      {
        j1: {
          value: true,
          source: 'Institution GME office website',
          url: 'https://gme.example.edu/visas',
          checkedOn: '2026-12-04',
          scope: 'institution',
        },
      },
      [
        statement({
          scope: 'institution',
          kind: 'institution-gme',
          url: 'https://www.gme.example.edu/visas',
          pageDate: 'undated',
        }),
      ],
    );
    const view = programFactsView(p);
    expect(view.knownCount).toBe(1);
    const [j1] = view.stated;
    expect(j1).toMatchObject({
      key: 'j1',
      known: true,
      valueText: 'Yes, sponsors',
      scopeText: 'the whole institution',
    });
    expect(j1?.statements).toEqual([
      {
        valueText: 'Yes, sponsors',
        scope: 'institution',
        scopeText: 'the whole institution',
        kind: 'institution-gme',
        kindText: 'Institution GME office website',
        url: 'https://www.gme.example.edu/visas',
        host: 'gme.example.edu',
        pageDateText: 'undated',
        checkedOnText: '4 Dec 2026',
        note: 'The application page says the program sponsors the J-1 through ECFMG.',
      },
    ]);
    expect(view.toAsk.map((q) => q.key)).not.toContain('j1');
  });

  it('shows both statements when sources disagree, and keeps the question open with the reason', () => {
    const p = withFacts(
      {
        positionsPerYear: {
          value: 'unknown',
          source: 'Sources disagree (2 statements: 16 / 14)',
          scope: 'program',
          status: 'disagree',
          checkedOn: '2026-12-04',
        },
      },
      [
        statement({ fact: 'positionsPerYear', value: '16', condition: 'class starting July 2026' }),
        statement({ fact: 'positionsPerYear', value: '14', url: 'http://old.example.edu/apply', pageDate: 'undated' }),
      ],
    );
    const view = programFactsView(p);
    const [f] = view.stated;
    expect(f).toMatchObject({
      key: 'positionsPerYear',
      known: false,
      status: 'disagree',
      valueText: 'Sources disagree',
    });
    expect(f?.scopeText).toBeUndefined();
    expect(f?.statements.map((s) => [s.valueText, s.condition])).toEqual([
      ['16', 'class starting July 2026'],
      ['14', undefined],
    ]);
    expect(view.knownCount).toBe(0);
    expect(view.toAsk.find((q) => q.key === 'positionsPerYear')?.reason).toBe('sources disagree');
  });

  it('keeps DOL filings apart from the H-1B statements, for known and open H-1B alike', () => {
    const filing = statement({
      fact: 'h1b',
      value: 'filing',
      scope: 'institution',
      kind: 'dol-filing',
      url: 'https://www.dol.gov/agencies/eta/foreign-labor/performance',
      pageDate: '2025-06',
      note: 'Example Hospital filed LCA I-200-25080-000001 for a radiology resident: the first step of an H-1B petition.',
    });
    const open = withFacts(
      { h1b: { value: 'unknown', source: 'US DOL', scope: 'institution', status: 'dol-filing' } },
      [filing],
      { h1bFilings: 1 },
    );
    const h1b = factView(open, 'h1b');
    expect(h1b).toMatchObject({ known: false, valueText: 'H-1B filing on record (US DOL)', statements: [] });
    expect(h1b.filings).toHaveLength(1);
    expect(h1b.filings[0]?.host).toBe('dol.gov');
    expect(programFactsView(open).toAsk.find((q) => q.key === 'h1b')?.reason).toBe('only a US DOL filing is on record');

    const known = withFacts(
      { h1b: { value: true, source: 'Program website', scope: 'program', checkedOn: '2026-12-04' } },
      [statement({ fact: 'h1b' }), filing],
      { h1bFilings: 1 },
    );
    expect(factView(known, 'h1b')).toMatchObject({
      known: true,
      statements: [{ kind: 'program-site' }],
      filings: [{ kind: 'dol-filing' }],
    });
  });

  it('words a case-by-case fact with its scope and condition, and asks it', () => {
    const p = withFacts(
      {
        j1: {
          value: 'unknown',
          source: 'Institution international office website',
          scope: 'institution',
          status: 'case-by-case',
          condition: 'program director decides',
        },
      },
      [
        statement({
          value: 'case-by-case',
          scope: 'institution',
          kind: 'institution-international',
          condition: 'program director decides',
        }),
      ],
    );
    expect(factView(p, 'j1')).toMatchObject({
      valueText: 'Decided case by case',
      scopeText: 'the whole institution',
      condition: 'program director decides',
    });
    expect(programFactsView(p).toAsk[0]).toMatchObject({ key: 'j1', reason: 'decided case by case' });
  });

  it('leaves ESIR out of the stated list (the IR pathway block shows it)', () => {
    const p = withFacts(
      { esir: { value: true, source: 'Program website', scope: 'program', checkedOn: '2026-12-04' } },
      [statement({ fact: 'esir' })],
    );
    expect(programFactsView(p).stated).toEqual([]);
    expect(factView(p, 'esir')).toMatchObject({ known: true, valueText: 'Yes, offers ESIR' });
  });
});
