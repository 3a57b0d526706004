/** Synthetic programs and profiles for engine tests; every program is parsed by `programSchema`. */
import { bundledModel } from '../../src/engine/model/bundled-model';
import type { EngineContext } from '../../src/engine/model/context';
import {
  programSchema,
  TRACK_PREFIX,
  type AttemptsPolicy,
  type FactStatus,
  type ImgRecent,
  type IrIndependentPresence,
  type Program,
  type Setting,
  type Track,
} from '../../src/engine/data/program';
import { profileSchema, type Profile } from '../../src/engine/profile/profile';

/** Today for every test. */
export const TODAY = '2026-12-01';

/** The shipped model, resolved once for the test run. */
export const MODEL = bundledModel();

/** The default context. */
export const CTX: EngineContext = { today: TODAY, model: MODEL };

const AREAS = [
  { state: 'NY', code: '35', region: 'Northeast', division: 'Middle Atlantic' },
  { state: 'IL', code: '16', region: 'Midwest', division: 'East North Central' },
  { state: 'TX', code: '48', region: 'South', division: 'West South Central' },
  { state: 'CA', code: '05', region: 'West', division: 'Pacific' },
] as const;

type Maybe<T> = T | 'unknown';

/** Facts and shape of a synthetic program; everything not given is unknown. */
export interface ProgramSpec {
  seq: number;
  track?: Track;
  area?: 0 | 1 | 2 | 3;
  j1?: Maybe<boolean>;
  h1b?: Maybe<boolean>;
  maxYears?: Maybe<number | 'none'>;
  step2Min?: Maybe<number | 'none'>;
  attempts?: Maybe<AttemptsPolicy>;
  usce?: Maybe<'required' | 'preferred' | 'not-required'>;
  imgShare?: Maybe<number>;
  siblings?: readonly string[];
  positions?: Maybe<number>;
  totalResidents?: Maybe<number>;
  setting?: Maybe<Setting>;
  imgRecent?: Maybe<ImgRecent>;
  imgConsidered?: Maybe<boolean>;
  esir?: Maybe<boolean>;
  /** Scope of the visa facts (default: program). */
  visaScope?: 'program' | 'institution';
  /** Status of an unknown J-1 / H-1B fact. */
  j1Status?: FactStatus;
  h1bStatus?: FactStatus;
  irIndependent?: IrIndependentPresence;
  h1bFilings?: number;
}

const fact = <T>(value: T) => ({ value, source: value === 'unknown' ? 'not yet verified' : 'test fixture' });
const visaFact = (value: boolean | 'unknown', scope?: 'program' | 'institution', status?: FactStatus) => ({
  ...fact(value),
  ...(value !== 'unknown' ? { scope: scope ?? 'program' } : {}),
  ...(status ? { status, scope: scope ?? 'institution' } : {}),
});

/** The ACGME ID a spec gets: track prefix, state code, 5-digit sequence. */
export function programId(seq: number, track: Track = 'dr', area: 0 | 1 | 2 | 3 = 0): string {
  return `${TRACK_PREFIX[track]}${AREAS[area].code}${String(seq).padStart(5, '0')}`;
}

/** One valid program. */
export function makeProgram(spec: ProgramSpec): Program {
  const track = spec.track ?? 'dr';
  const area = AREAS[spec.area ?? 0];
  return programSchema.parse({
    id: programId(spec.seq, track, spec.area ?? 0),
    track,
    name: `Test ${track.toUpperCase()} Program ${spec.seq}`,
    sourceName: `TEST ${track.toUpperCase()} PROGRAM ${spec.seq}`,
    city: 'Testville',
    sourceCity: 'TESTVILLE',
    state: area.state,
    region: area.region,
    division: area.division,
    flags: { newProgram: false, osteopathicRecognized: false },
    facts: {
      j1: visaFact(spec.j1 ?? 'unknown', spec.visaScope, spec.j1Status),
      h1b: visaFact(spec.h1b ?? 'unknown', spec.visaScope, spec.h1bStatus),
      maxYearsSinceGraduation: fact(spec.maxYears ?? 'unknown'),
      step2Minimum: fact(spec.step2Min ?? 'unknown'),
      attempts: fact(spec.attempts ?? 'unknown'),
      usce: fact(spec.usce ?? 'unknown'),
      pgy1: fact('unknown'),
      positionsPerYear: fact(spec.positions ?? 'unknown'),
      imgShare: fact(spec.imgShare ?? 'unknown'),
      imgConsidered: fact(spec.imgConsidered ?? 'unknown'),
      imgRecent: fact(spec.imgRecent ?? 'unknown'),
      totalResidents: fact(spec.totalResidents ?? 'unknown'),
      esir: fact(spec.esir ?? 'unknown'),
      setting: fact(spec.setting ?? 'unknown'),
    },
    siblings: [...(spec.siblings ?? [])],
    irIndependent: spec.irIndependent ?? 'no',
    h1bFilings: spec.h1bFilings ?? 0,
  });
}

/** `count` programs of one track sharing the same facts, numbered from `from`. */
export function makePrograms(count: number, spec: Omit<ProgramSpec, 'seq'> = {}, from = 1): Program[] {
  return Array.from({ length: count }, (_, i) =>
    makeProgram({ ...spec, seq: from + i, area: ((from + i) % 4) as 0 | 1 | 2 | 3 }),
  );
}

/** 120 J-1 DR programs, where the DR-median profile reaches its target, and 3 J-1 IR–Integrated ones, too few for one expected interview. */
export function strengthenIrOnlyPrograms(): Program[] {
  return [...makePrograms(120, { j1: true }), ...makePrograms(3, { track: 'ir-integrated', j1: true }, 1)];
}

/** The DR reference profile of model.json: the median matched non-US IMG in DR. */
export function drMedianProfile(overrides: Partial<Profile> = {}): Profile {
  return profileSchema.parse({
    step1: 'passed-first-attempt',
    step2: { score: 250, attempts: 1 },
    step3: 'no',
    ecfmg: 'certified',
    graduationYear: 2023,
    visa: 'j1',
    usExperience: { handsOn: 3, externship: 0, observership: 0, research: 0 },
    letters: { ir: 1, dr: 1, otherCore: 1 },
    research: { irPublications: 3, otherPublications: 0, abstracts: 5 },
    honours: 0,
    tracks: ['dr'],
    regions: [],
    states: [],
    ...overrides,
  });
}

/** The weak profile of the model checks: Step 1 failure, Step 2 CK 228, graduated 9 years ago, observerships only. */
export function weakProfile(overrides: Partial<Profile> = {}): Profile {
  return profileSchema.parse({
    step1: 'passed-after-failure',
    step2: { score: 228, attempts: 1 },
    step3: 'no',
    ecfmg: 'certified',
    graduationYear: 2017,
    visa: 'j1',
    usExperience: { handsOn: 0, externship: 0, observership: 3, research: 0 },
    letters: { ir: 0, dr: 0, otherCore: 1 },
    research: { irPublications: 0, otherPublications: 0, abstracts: 1 },
    honours: 0,
    tracks: ['dr'],
    regions: [],
    states: [],
    ...overrides,
  });
}

/** A realistic list like the ERAS 2026 one (193 DR + 103 IR–Integrated, every fact unknown), IR programs paired with DR siblings. */
export function erasLikePrograms(): Program[] {
  const ir = Array.from({ length: 103 }, (_, i) =>
    makeProgram({
      seq: i + 1,
      track: 'ir-integrated',
      area: (i % 4) as 0 | 1 | 2 | 3,
      siblings: [programId(i + 1, 'dr', (i % 4) as 0 | 1 | 2 | 3)],
    }),
  );
  const dr = Array.from({ length: 193 }, (_, i) =>
    makeProgram({
      seq: i + 1,
      area: (i % 4) as 0 | 1 | 2 | 3,
      siblings: i < 103 ? [programId(i + 1, 'ir-integrated', (i % 4) as 0 | 1 | 2 | 3)] : [],
    }),
  );
  return [...dr, ...ir];
}
