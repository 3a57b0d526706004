// The /programs/ filter rules (src/engine/data/program-facets.ts) and the island's pure filtering and
// counting (src/islands/program-filters.ts), table-driven.
import { unknownFacts } from '../../src/engine/data/dataset.ts';
import {
  FLAG_FACETS,
  facetTokens,
  programFacets,
  readFacetTokens,
  sizeClass,
  type FlagFacet,
} from '../../src/engine/data/program-facets.ts';
import type { PolicyFacts, Program } from '../../src/engine/data/program.ts';
import {
  NO_FILTERS,
  facetCounts,
  resultSummary,
  visibleIds,
  type ListedProgram,
} from '../../src/islands/program-filters.ts';

const known = <T>(value: T) => ({
  value,
  source: 'Program website',
  scope: 'program' as const,
  checkedOn: '2026-12-04',
});

function program(seq: number, facts: Partial<PolicyFacts> = {}, over: Partial<Program> = {}): Program {
  return {
    id: `42001${String(seq).padStart(5, '0')}`,
    track: 'dr',
    name: `Program ${seq}`,
    sourceName: `PROGRAM ${seq}`,
    city: 'Birmingham',
    sourceCity: 'BIRMINGHAM',
    state: 'AL',
    region: 'South',
    division: 'East South Central',
    flags: { newProgram: false, osteopathicRecognized: false },
    facts: { ...unknownFacts(), ...facts },
    siblings: [],
    irIndependent: 'no',
    h1bFilings: 0,
    ...over,
  };
}

const none = () => undefined;
const flagsOf = (p: Program, byId: (id: string) => Program | undefined = none) =>
  [...programFacets(p, byId).flags].sort();

describe('programFacets: yes/no rules', () => {
  const disagree = { value: 'unknown' as const, source: 'Sources disagree', status: 'disagree' as const };
  const caseByCase = { value: 'unknown' as const, source: 'GME', status: 'case-by-case' as const };
  it.each<[string, Program, FlagFacet[]]>([
    ['nothing known', program(1), []],
    ['J-1 yes', program(1, { j1: known(true) }), ['j1']],
    ['J-1 no', program(1, { j1: known(false) }), []],
    ['J-1 sources disagree', program(1, { j1: disagree }), []],
    ['J-1 case by case', program(1, { j1: caseByCase }), []],
    ['H-1B yes', program(1, { h1b: known(true) }), ['h1b']],
    ['H-1B unknown with a DOL filing', program(1, {}, { h1bFilings: 2 }), ['h1b']],
    ['H-1B stated no, despite a DOL filing', program(1, { h1b: known(false) }, { h1bFilings: 1 }), []],
    ['H-1B case by case with a DOL filing', program(1, { h1b: caseByCase }, { h1bFilings: 1 }), ['h1b']],
    ['considers IMGs', program(1, { imgConsidered: known(true) }), ['img']],
    ['does not consider IMGs', program(1, { imgConsidered: known(false) }), []],
    ['IMGs among recent residents', program(1, { imgRecent: known('yes' as const) }), ['img']],
    ['one IMG recently', program(1, { imgRecent: known('rarely' as const) }), ['img']],
    ['no IMG recently', program(1, { imgRecent: known('no' as const) }), []],
    ['IR–Integrated program', program(1, {}, { track: 'ir-integrated', id: '4160100001' }), ['irIntegrated']],
    ['IR–Independent matched', program(1, {}, { irIndependent: 'yes' }), ['irMore']],
    ['IR–Independent only possible', program(1, {}, { irIndependent: 'possible' }), []],
    ['ESIR yes', program(1, { esir: known(true) }), ['irMore']],
    ['ESIR no', program(1, { esir: known(false) }), []],
  ])('%s', (_name, p, flags) => {
    expect(flagsOf(p)).toEqual([...flags].sort());
  });

  it('finds IR–Integrated at the institution, and ESIR for an IR program, through siblings', () => {
    const ir = program(2, {}, { id: '4160100002', track: 'ir-integrated', siblings: ['4200100001'] });
    const dr = program(1, { esir: known(true) }, { siblings: [ir.id] });
    const byId = (id: string) => [ir, dr].find((p) => p.id === id);
    expect(flagsOf(dr, byId)).toEqual(['irIntegrated', 'irMore']);
    expect(flagsOf(ir, byId)).toEqual(['irIntegrated', 'irMore']);
    // An unknown sibling ID (not in the list) adds nothing.
    expect(flagsOf(program(3, {}, { siblings: ['4169900001'] }), byId)).toEqual([]);
  });
});

describe('programFacets: setting and size', () => {
  it.each([
    [1, 'small'],
    [3, 'small'],
    [4, 'medium'],
    [7, 'medium'],
    [8, 'large'],
    [16, 'large'],
  ] as const)('%i positions a year is %s', (n, size) => {
    expect(sizeClass(n)).toBe(size);
    expect(programFacets(program(1, { positionsPerYear: known(n) }), none).size).toBe(size);
  });

  it('has no size or setting when the source does not state them (or states 0 positions)', () => {
    expect(programFacets(program(1), none)).toMatchObject({ size: null, setting: null });
    expect(programFacets(program(1, { positionsPerYear: known(0) }), none).size).toBeNull();
  });

  it('takes the setting as stated', () => {
    expect(programFacets(program(1, { setting: known('community' as const) }), none).setting).toBe('community');
  });
});

describe('facet tokens', () => {
  it('round-trip every combination the page can write', () => {
    for (const setting of [null, 'university', 'community-university-affiliated', 'community'] as const) {
      for (const size of [null, 'small', 'medium', 'large'] as const) {
        for (let mask = 0; mask < 1 << FLAG_FACETS.length; mask++) {
          const flags = new Set(FLAG_FACETS.filter((_, i) => mask & (1 << i)));
          expect(readFacetTokens(facetTokens({ flags, setting, size }))).toEqual({ flags, setting, size });
        }
      }
    }
  });

  it('writes nothing for a program with no facet, and ignores tokens it does not know', () => {
    expect(facetTokens({ flags: new Set(), setting: null, size: null })).toBe('');
    expect(facetTokens({ flags: new Set(['j1', 'irMore']), setting: 'university', size: 'large' })).toBe(
      'j1 irMore s-u z-large',
    );
    expect(readFacetTokens('  j1 bogus z-huge ')).toEqual({ flags: new Set(['j1']), setting: null, size: null });
  });
});

describe('filtering and counting', () => {
  const row = (id: string, tokens: string, track = 'dr', state = 'AL'): ListedProgram => ({
    id,
    track,
    region: 'South',
    state,
    facets: readFacetTokens(tokens),
  });
  const rows = [
    row('a', 'j1 img s-u z-large'),
    row('b', 'j1 h1b s-u z-small'),
    row('c', 'h1b irIntegrated z-small', 'ir-integrated'),
    row('d', '', 'dr', 'GA'),
  ];
  const ids = (f: Partial<typeof NO_FILTERS>, text: ReadonlySet<string> | null = null) =>
    [...visibleIds(rows, { ...NO_FILTERS, ...f }, text)].sort();

  it.each([
    [{}, ['a', 'b', 'c', 'd']],
    [{ flags: ['j1'] as FlagFacet[] }, ['a', 'b']],
    [{ flags: ['j1', 'h1b'] as FlagFacet[] }, ['b']],
    [{ setting: 'university' as const }, ['a', 'b']],
    [{ size: 'small' as const }, ['b', 'c']],
    [{ size: 'small' as const, track: 'dr' }, ['b']],
    [{ state: 'GA' }, ['d']],
  ])('%j shows %j', (f, expected) => {
    expect(ids(f)).toEqual(expected);
  });

  it('counts each choice with every other filter and the text matches applied', () => {
    expect(facetCounts(rows, NO_FILTERS, null)).toEqual({
      flags: { j1: 2, h1b: 2, img: 1, irIntegrated: 1, irMore: 0 },
      setting: { university: 2, 'community-university-affiliated': 0, community: 0 },
      size: { small: 2, medium: 0, large: 1 },
    });
    const j1 = facetCounts(rows, { ...NO_FILTERS, flags: ['j1'] }, null);
    expect(j1.flags).toEqual({ j1: 2, h1b: 1, img: 1, irIntegrated: 0, irMore: 0 });
    expect(j1.size).toEqual({ small: 1, medium: 0, large: 1 });
    const typed = facetCounts(rows, { ...NO_FILTERS, query: 'x' }, new Set(['c', 'd']));
    expect(typed.flags).toEqual({ j1: 0, h1b: 1, img: 0, irIntegrated: 1, irMore: 0 });
  });

  it('announces the fact filters, keeping the capitals of IR', () => {
    expect(
      resultSummary(3, 296, NO_FILTERS, {
        track: 'Diagnostic Radiology',
        facts: ['Sponsors the J-1', 'IR–Integrated at the institution', 'Small: 1–3 positions a year'],
      }),
    ).toBe(
      'Showing 3 of 296 programs: Diagnostic Radiology, sponsors the J-1, IR–Integrated at the institution, small: 1–3 positions a year.',
    );
  });
});
