// The program dataset: counts, IDs, states, regions, display names, the compact payload and the
// DR ↔ IR link table. Reads content/programs/ directly (not src/generated/), so it needs no build.
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { POLICY_FACT_KEYS, TRACK_PREFIX, programSchema, type Program } from '../../src/engine/data/program.ts';
import {
  STATES,
  acgmeStateCodeOf,
  decodeCompactIrIndependent,
  decodeCompactPrograms,
  encodeCompactPrograms,
  unknownFacts,
} from '../../src/engine/data/dataset.ts';
import {
  ACGME_STATE_CODES,
  institutionKey,
  normalizeCity,
  normalizeProgramName,
} from '../../src/engine/data/dataset-build.ts';
import { compileDataset } from '../../scripts/data/compile.ts';
import { isNotASource } from '../../src/engine/data/facts.ts';
import { parseCsv } from '../../scripts/data/csv.ts';
import { linkReviewCsv } from '../../scripts/data/review.ts';
import { readDatasetSources } from '../../scripts/data/sources.ts';

const root = process.cwd();
const sources = readDatasetSources(root);
const result = compileDataset(sources);
if (!result.ok) throw new Error(`content/programs does not compile:\n${JSON.stringify(result.issues, null, 1)}`);
const { dataset, links } = result;

/** What the browser payload keeps of a program: no evidence, and no URL or dates for a dataset fact (they stay on the program page). */
function browser(p: Program): Program {
  const { evidence: _evidence, ...rest } = p;
  const facts = Object.fromEntries(
    POLICY_FACT_KEYS.map((k) => {
      const { url, checkedOn, ...f } = p.facts[k];
      return [k, f.scope ? f : { ...f, ...(url ? { url } : {}), ...(checkedOn ? { checkedOn } : {}) }];
    }),
  ) as Program['facts'];
  return { ...rest, facts };
}
const programs = dataset.programs;
const byId = new Map(programs.map((p) => [p.id, p]));

describe('program list', () => {
  it('has all 296 programs: 193 DR and 103 IR-Integrated', () => {
    expect(programs).toHaveLength(296);
    expect(programs.filter((p) => p.track === 'dr')).toHaveLength(193);
    expect(programs.filter((p) => p.track === 'ir-integrated')).toHaveLength(103);
  });

  // The shared data folder sits beside the repo on the team's machines, not in CI.
  const sharedCsv = '../shared/data/eras-2026-radiology-programs.csv';
  it.skipIf(!existsSync(sharedCsv))(
    'keeps every row of the shared source file exactly',
    () => {
      const shared = parseCsv(readFileSync(sharedCsv, 'utf8'));
      const own = parseCsv(sources.programs.text);
      // The project's copy must hold the source rows verbatim; only the display columns are added.
      const strip = (r: Record<string, string>) =>
        [r['acgme_id'], r['specialty'], r['hospital'], r['city'], r['state'], r['flags']].join('|');
      expect(own.records.map((r) => strip(r.fields))).toEqual(shared.records.map((r) => strip(r.fields)));
      expect(new Set(programs.map((p) => p.id))).toEqual(new Set(shared.records.map((r) => r.fields['acgme_id'])));
    },
    10_000,
  );

  it('has no duplicate IDs', () => {
    expect(new Set(programs.map((p) => p.id)).size).toBe(programs.length);
  });

  it.each(programs.map((p) => [p.id, p] as const))(
    '%s: 10 digits, prefix of its track, state code of its state, a region',
    (_id, p) => {
      expect(p.id).toMatch(/^\d{10}$/);
      expect(p.id.slice(0, 3)).toBe(TRACK_PREFIX[p.track]);
      expect(acgmeStateCodeOf(p.id)).toBe(ACGME_STATE_CODES[p.state]);
      expect(p.region).toBe(STATES[p.state]?.region);
      expect(p.division).toBe(STATES[p.state]?.division);
      expect(programSchema.safeParse(p).success).toBe(true);
    },
  );

  it('maps each ACGME state code to one state', () => {
    expect(Object.keys(ACGME_STATE_CODES)).toEqual(Object.keys(STATES));
    const codes = Object.values(ACGME_STATE_CODES);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('keeps the source strings and shows no double spaces or backticks', () => {
    for (const p of programs) {
      expect(p.sourceName.length).toBeGreaterThan(0);
      expect(p.name).not.toMatch(/\s{2}|`/);
      expect(p.city).not.toMatch(/\s{2}|^[A-Z ]+$|^Saint |^St /);
    }
    expect(byId.get('4164100009')?.sourceName).toBe('St Luke`s Hospital  Anderson Campus');
    expect(byId.get('4164100009')?.name).toBe("St. Luke's Hospital - Anderson Campus");
    expect(byId.get('4201421933')).toMatchObject({ city: 'Honolulu', sourceCity: 'Tripler AMC' });
  });

  it('gives every policy fact a value or "unknown" with a source', () => {
    expect(Object.keys(unknownFacts())).toEqual(POLICY_FACT_KEYS);
    for (const p of programs) {
      expect(Object.keys(p.facts)).toEqual(POLICY_FACT_KEYS);
      for (const k of POLICY_FACT_KEYS) expect(p.facts[k].source.length).toBeGreaterThan(0);
    }
  });
});

describe('program facts with evidence (issue 13)', () => {
  const evidence = programs.flatMap((p) => (p.evidence ?? []).map((e) => ({ id: p.id, e })));
  const stated = evidence.filter(({ e }) => e.kind !== 'dol-filing');

  it('every statement has a URL, a source kind, a scope, dates and an own-words note', () => {
    expect(stated.length).toBeGreaterThan(300);
    for (const { id, e } of stated) {
      expect(e.url, id).toMatch(/^https?:\/\//);
      expect(['program-site', 'institution-gme', 'institution-international']).toContain(e.kind);
      expect(['program', 'institution']).toContain(e.scope);
      expect(e.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(e.pageDate).toMatch(/^(\d{4}(-\d{2}(-\d{2})?)?|undated)$/);
      expect(e.note.length, `${id} ${e.fact}`).toBeGreaterThanOrEqual(20);
      expect(e.note, `${id} ${e.fact}: quotation marks`).not.toMatch(/["\u201c\u201d]/);
    }
  });

  it('no statement cites a host on the not-a-source list', () => {
    for (const { id, e } of evidence) expect(isNotASource(e.url ?? ''), `${id}: ${e.url}`).toBe(false);
    expect(isNotASource('https://freida.ama-assn.org/program/4200111007')).toBe(true);
    expect(isNotASource('https://www.residencyadvisor.com/x')).toBe(true);
    expect(isNotASource('https://www.uab.edu/medicine/radiology')).toBe(false);
  });

  it('has a harvest-log row for every program, once', () => {
    const log = parseCsv(readFileSync('content/programs/harvest-log.csv', 'utf8'));
    const ids = log.records.map((r) => r.fields['acgme_id']);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(programs.map((p) => p.id).sort());
  });

  it('never uses a fact whose sources disagree as known', () => {
    const disagree = programs.flatMap((p) =>
      POLICY_FACT_KEYS.filter((k) => p.facts[k].status === 'disagree').map((k) => ({ p, k })),
    );
    expect(disagree.length).toBeGreaterThan(0);
    for (const { p, k } of disagree) {
      expect(p.facts[k].value).toBe('unknown');
      const values = new Set((p.evidence ?? []).filter((e) => e.fact === k).map((e) => e.value));
      expect(values.size).toBeGreaterThan(1);
    }
  });

  it('knows IR–Integrated and IR–Independent presence for all 296 programs', () => {
    for (const p of programs) expect(['yes', 'possible', 'no']).toContain(p.irIndependent);
    expect(programs.filter((p) => p.irIndependent === 'yes').length).toBeGreaterThanOrEqual(63);
  });

  it('turns every DOL filing into H-1B evidence at its programs', () => {
    const filed = programs.filter((p) => p.h1bFilings > 0);
    expect(filed.length).toBeGreaterThan(10);
    for (const p of filed) {
      expect((p.evidence ?? []).filter((e) => e.kind === 'dol-filing')).toHaveLength(p.h1bFilings);
      if (p.facts.h1b.value === 'unknown' && !p.facts.h1b.status) throw new Error(`${p.id}: filing without status`);
    }
  });
});

describe('display-name normalization', () => {
  it.each([
    ['St Louis', 'St. Louis'],
    ['Saint Louis', 'St. Louis'],
    ['ST LOUIS', 'St. Louis'],
    ['RIVERSIDE', 'Riverside'],
    ['New  York', 'New York'],
    ['Winston-Salem', 'Winston-Salem'],
  ])('city %j → %j', (source, display) => {
    expect(normalizeCity(source)).toBe(display);
  });

  it.each([
    ['MEDSTAR HEALTH GEORGETOWN UNIVERSITY PROGRAM', 'MedStar Health Georgetown University'],
    ["MASS GENERAL BRIGHAM/BRIGHAM AND WOMEN'S HOSPITAL PROGRAM", "Mass General Brigham/Brigham and Women's Hospital"],
    ['LOS ANGELES COUNTY-HARBOR-UCLA MEDICAL CENTER', 'Los Angeles County-Harbor-UCLA Medical Center'],
    ['SUNY DOWNSTATE HEALTH SCIENCES UNIVERSITY', 'SUNY Downstate Health Sciences University'],
    ['NYU GROSSMAN SCHOOL OF MEDICINE', 'NYU Grossman School of Medicine'],
    ['LSU HEALTH SCIENCES CENTER', 'LSU Health Sciences Center'],
    ['UT HEALTH SAN ANTONIO', 'UT Health San Antonio'],
    ['MCLAREN HEALTH CARE/OAKLAND/MSU PROGRAM', 'McLaren Health Care/Oakland/MSU'],
    [
      'ALLEGHENY HEALTH NETWORK MEDICAL EDUCATION CONSORTIUM (AGH) PROGRAM',
      'Allegheny Health Network Medical Education Consortium (AGH)',
    ],
    [
      "QUINNIPIAC UNIVERSITY FRANK H. NETTER MD SCHOOL OF MEDICINE/ST VINCENT'S MEDICAL CENTER PROGRAM",
      "Quinnipiac University Frank H. Netter MD School of Medicine/St. Vincent's Medical Center",
    ],
    ['FLORIDA INTERNATIONAL UNIVERSITY / BAPTIST HEALTH PROGRAM', 'Florida International University/Baptist Health'],
    ['St Luke`s Hospital  Anderson Campus', "St. Luke's Hospital Anderson Campus"],
    [
      'Corewell Health  Grand Rapids/Michigan State University',
      'Corewell Health Grand Rapids/Michigan State University',
    ],
    ['University of California (San Francisco)', 'University of California (San Francisco)'],
    ['Washington University/B-JH/SLCH Consortium', 'Washington University/B-JH/SLCH Consortium'],
    ['SSM Health/Saint Louis University School of Medicine', 'SSM Health/Saint Louis University School of Medicine'],
  ])('name %j → %j', (source, display) => {
    expect(normalizeProgramName(source)).toBe(display);
  });

  it.each([
    [
      'CREIGHTON UNIVERSITY SCHOOL OF MEDICINE PROGRAM',
      'Creighton University School of Medicine (Phoenix)',
      'Phoenix',
      'AZ',
    ],
    [
      'Mayo Clinic College of Medicine and Science (Arizona)',
      'Mayo Clinic College of Medicine and Science',
      'Phoenix',
      'AZ',
    ],
    ['Christiana Care Health Services', 'Christiana Care Health Services Inc', 'Newark', 'DE'],
    ["St Luke's Hospital - Anderson Campus", 'St Luke`s Hospital  Anderson Campus', 'Easton', 'PA'],
  ])('institution key: %j and %j agree', (a, b, city, state) => {
    expect(institutionKey(a, city, state)).toBe(institutionKey(b, city, state));
  });

  it('keeps a parenthetical that names a different place', () => {
    expect(institutionKey('Kaiser Permanente Southern California (Los Angeles)', 'Pasadena', 'CA')).not.toBe(
      institutionKey('Kaiser Permanente Southern California', 'Pasadena', 'CA'),
    );
  });
});

describe('DR ↔ IR-Integrated links', () => {
  it('matches the reviewed table in content/programs/links.review.csv', () => {
    const committed = readFileSync('content/programs/links.review.csv', 'utf8');
    const current = linkReviewCsv(programs, links);
    if (committed !== current) {
      const a = new Set(committed.split('\n'));
      const b = new Set(current.split('\n'));
      const diff = [
        ...[...a].filter((l) => !b.has(l)).map((l) => `- ${l}`),
        ...[...b].filter((l) => !a.has(l)).map((l) => `+ ${l}`),
      ];
      throw new Error(
        `The link table changed. Run \`npx tsx scripts/compile-data.ts --write-review\`, review the diff, commit it.\n${diff.join('\n')}`,
      );
    }
  });

  it('links 102 DR programs, 22 of them through reviewed overrides, and leaves 1 IR program unmatched', () => {
    expect(new Set(links.map((l) => l.drId)).size).toBe(102);
    expect(links.filter((l) => l.basis === 'override')).toHaveLength(22);
    const linkedIr = new Set(links.map((l) => l.irId));
    expect(programs.filter((p) => p.track === 'ir-integrated' && !linkedIr.has(p.id)).map((p) => p.id)).toEqual([
      '4160300004',
    ]);
  });

  it('links both ways, only across tracks', () => {
    for (const p of programs) {
      for (const s of p.siblings) {
        const sib = byId.get(s);
        expect(sib, `${p.id} → ${s}`).toBeDefined();
        expect(sib?.track).not.toBe(p.track);
        expect(sib?.siblings).toContain(p.id);
      }
    }
  });

  it.each([
    ['4202821110', '4162800002'], // St Louis vs Saint Louis
    ['4204100001', '4164100009'], // St Luke's with a dash vs a backtick and a double space
    ['4200511021', '4160500008'], // LA General vs LAC+USC (override)
    ['4203521135', '4163500004'], // Mount Sinai Hospital, not Mount Sinai West (override)
  ])('links %s and %s', (dr, ir) => {
    expect(byId.get(dr)?.siblings).toEqual([ir]);
  });

  it('does not link Mount Sinai West or the Harbor-UCLA program to an IR program', () => {
    expect(byId.get('4203521224')?.siblings).toEqual([]);
    expect(byId.get('4200511035')?.siblings).toEqual([]);
  });
});

describe('IR-Independent matches', () => {
  it('only match DR programs in the same ACGME state, at most once per 415 ID', () => {
    const seen = new Set<string>();
    for (const m of dataset.irIndependent) {
      expect(byId.get(m.drId)?.track).toBe('dr');
      expect(acgmeStateCodeOf(m.irIndependentId)).toBe(acgmeStateCodeOf(m.drId));
      expect(seen.has(m.irIndependentId)).toBe(false);
      seen.add(m.irIndependentId);
    }
    expect(dataset.irIndependent).toHaveLength(63);
  });

  it('never turn a garbled 415 name into a program', () => {
    expect(programs.some((p) => p.track === 'ir-independent')).toBe(false);
  });
});

describe('compact payload', () => {
  it('round-trips the compiled programs exactly', () => {
    const payload = JSON.parse(JSON.stringify(encodeCompactPrograms(programs, dataset.irIndependent)));
    expect(decodeCompactPrograms(payload)).toEqual(programs.map(browser));
    const ii = decodeCompactIrIndependent(payload);
    expect(ii.size).toBe(63);
    for (const m of dataset.irIndependent) expect(ii.get(m.drId)).toContain(m.irIndependentId);
  });

  const stateCode = fc.constantFrom(...Object.keys(STATES));
  const factArb = <T>(value: fc.Arbitrary<T>) =>
    fc.oneof(
      fc.constant({ value: 'unknown' as const, source: 'not yet verified' }),
      fc.record(
        {
          value: fc.oneof(value, fc.constant('unknown' as const)),
          source: fc.string({ minLength: 1 }),
          url: fc.constant('https://example.org/p'),
          checkedOn: fc.constant('2026-10-01'),
          scope: fc.constantFrom('program' as const, 'institution' as const),
          status: fc.constantFrom('disagree' as const, 'case-by-case' as const, 'dol-filing' as const),
          condition: fc.constant('Step 3 before ranking'),
        },
        { requiredKeys: ['value', 'source'] },
      ),
    );
  const programArb: fc.Arbitrary<Program> = fc
    .record({
      track: fc.constantFrom('dr' as const, 'ir-integrated' as const, 'ir-independent' as const),
      state: stateCode,
      seq: fc.integer({ min: 0, max: 99_999 }),
      name: fc.string({ minLength: 1 }),
      sourceName: fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
      city: fc.string({ minLength: 1 }),
      sourceCity: fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
      newProgram: fc.boolean(),
      osteopathicRecognized: fc.boolean(),
      siblings: fc.array(fc.stringMatching(/^\d{10}$/), { maxLength: 3 }),
      facts: fc.record({
        j1: factArb(fc.boolean()),
        h1b: factArb(fc.boolean()),
        maxYearsSinceGraduation: factArb(fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constant('none' as const))),
        step2Minimum: factArb(fc.oneof(fc.integer({ min: 1, max: 300 }), fc.constant('none' as const))),
        attempts: factArb(
          fc.constantFrom('first-attempt-only' as const, 'one-failure-considered' as const, 'no-stated-limit' as const),
        ),
        usce: factArb(fc.constantFrom('required' as const, 'preferred' as const, 'not-required' as const)),
        pgy1: factArb(fc.constantFrom('categorical' as const, 'advanced' as const, 'both' as const)),
        positionsPerYear: factArb(fc.integer({ min: 0, max: 100 })),
        imgShare: factArb(fc.double({ min: 0, max: 1, noNaN: true }).map((x) => (x === 0 ? 0 : x))),
        imgConsidered: factArb(fc.boolean()),
        imgRecent: factArb(fc.constantFrom('yes' as const, 'rarely' as const, 'no' as const)),
        totalResidents: factArb(fc.integer({ min: 0, max: 400 })),
        esir: factArb(fc.boolean()),
        setting: factArb(
          fc.constantFrom('university' as const, 'community-university-affiliated' as const, 'community' as const),
        ),
      }),
      irIndependent: fc.constantFrom('yes' as const, 'possible' as const, 'no' as const),
      h1bFilings: fc.nat(5),
    })
    .map((r) => {
      const s = STATES[r.state];
      const acgme = ACGME_STATE_CODES[r.state];
      if (!s || !acgme) throw new Error('unreachable');
      return programSchema.parse({
        id: `${TRACK_PREFIX[r.track]}${acgme}${String(r.seq).padStart(5, '0')}`,
        track: r.track,
        name: r.name,
        sourceName: r.sourceName ?? r.name,
        city: r.city,
        sourceCity: r.sourceCity ?? r.city,
        state: r.state,
        region: s.region,
        division: s.division,
        flags: { newProgram: r.newProgram, osteopathicRecognized: r.osteopathicRecognized },
        facts: r.facts,
        siblings: r.siblings,
        irIndependent: r.irIndependent,
        h1bFilings: r.h1bFilings,
      });
    });

  it('round-trips any valid program (property)', () => {
    fc.assert(
      fc.property(fc.array(programArb, { maxLength: 5 }), (list) => {
        expect(decodeCompactPrograms(JSON.parse(JSON.stringify(encodeCompactPrograms(list))))).toEqual(
          list.map(browser),
        );
      }),
    );
  });

  it('rejects a malformed payload', () => {
    expect(() => decodeCompactPrograms({ v: 1, p: [{ i: '42', n: 'x', c: 'y', s: 'PA' }] })).toThrow();
    expect(() => decodeCompactPrograms({ v: 2, p: [] })).toThrow();
  });

  // decodeCompactPrograms validates without running programSchema on every program: it must accept and
  // reject exactly what programSchema would.
  const row = { i: '4204100001', n: 'A Hospital', c: 'Pittsburgh', s: 'PA' };
  it.each([
    ['a fact value of the wrong type', { ...row, x: { j1: { v: 'maybe', s: 'program website' } } }],
    ['a number out of range', { ...row, x: { imgShare: { v: 2, s: 'program website' } } }],
    ['a fact without a source', { ...row, x: { h1b: { v: true, s: '' } } }],
    ['a bad fact date', { ...row, x: { h1b: { v: true, s: 'email', d: '28/11/2026' } } }],
    ['a bad fact URL', { ...row, x: { h1b: { v: true, s: 'website', u: 'not a url' } } }],
    ['an empty source name', { ...row, sn: '' }],
    ['an unknown state', { ...row, s: 'ZZ' }],
  ])('rejects %s, as programSchema would', (_, bad) => {
    expect(() => decodeCompactPrograms({ v: 1, p: [bad] })).toThrow();
  });

  it('decodes facts as programSchema would, dropping keys it does not know', () => {
    const [p] = decodeCompactPrograms({
      v: 1,
      p: [{ ...row, x: { h1b: { v: true, s: 'email', d: '2026-11-28' }, shoeSize: { v: 42, s: 'x' } } }],
    });
    expect(p?.facts.h1b).toEqual({ value: true, source: 'email', checkedOn: '2026-11-28' });
    expect(p).not.toHaveProperty('facts.shoeSize');
    expect(programSchema.parse(p)).toEqual(p);
  });
});
