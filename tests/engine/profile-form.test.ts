import fc from 'fast-check';
import { CENSUS_REGIONS } from '../../src/engine/data/program';
import { defaultProfile, profileSchema, type Profile } from '../../src/engine/profile/profile';
import {
  COUNT_FIELDS,
  FORM_MESSAGES,
  defaultProfileForm,
  fieldOfPath,
  formFromProfile,
  profileFormSchema,
  profileFromForm,
  type ProfileForm,
  type ProfileFormField,
} from '../../src/engine/planner/profile-form';
import { drMedianProfile } from './fixtures';
import { STATES } from '../../src/engine/data/dataset';

const FIELDS = Object.keys(profileFormSchema.shape) as ProfileFormField[];

const STEP2 = FORM_MESSAGES.step2Score;
const ATTEMPTS = 'Step 2 CK attempts is a whole number from 1 to 6';
const YEAR = FORM_MESSAGES.graduationYear;
const HONOURS = 'Honours and leadership is a count from 0 to 50';
const HONOURS_WORDS = 'Enter the number of honours and leadership roles, 0 if none';
const BUDGET = 'Budget is an amount in US dollars from 0 to 100,000';
const STATE = 'A state is a two-letter code such as NY';
const REGIONS = 'Regions are Northeast, Midwest, South, West or Territories';

/** The default form with some fields changed. */
const formWith = (change: Partial<ProfileForm>): ProfileForm => ({ ...defaultProfileForm(), ...change });

/** The profile a form gives (the test fails when the form is not valid). */
function profileOf(change: Partial<ProfileForm>): Profile {
  const r = profileFromForm(formWith(change));
  if (!r.ok) throw new Error(`expected a valid profile from ${JSON.stringify(change)}: ${JSON.stringify(r.errors)}`);
  return r.profile;
}

/** The errors a form gives (the test fails when the form is valid). */
function errorsOf(change: Partial<ProfileForm>): Partial<Record<ProfileFormField, string>> {
  const r = profileFromForm(formWith(change));
  if (r.ok) throw new Error(`expected errors from ${JSON.stringify(change)}, got ${JSON.stringify(r.profile)}`);
  return r.errors;
}

describe('defaultProfileForm', () => {
  it('is the schema defaults, every field as text', () => {
    const form = defaultProfileForm();
    expect(Object.keys(form).sort()).toEqual([...FIELDS].sort());
    expect(form).toEqual(profileFormSchema.parse({}));
    expect(form).toMatchObject({ step2Score: '', graduationYear: '', budget: '', states: '', handsOn: '0' });
    expect(form.tracks).toEqual(['ir-integrated', 'dr']);
    expect(form.regions).toEqual([]);
  });

  it('gives a fresh form each time (no shared arrays)', () => {
    const a = defaultProfileForm();
    a.tracks.push('x');
    a.regions.push('y');
    expect(defaultProfileForm().tracks).toEqual(['ir-integrated', 'dr']);
    expect(defaultProfileForm().regions).toEqual([]);
  });

  it('builds the default profile: blank Step 2 CK is "not taken", blank year is null, no budget', () => {
    const r = profileFromForm(defaultProfileForm());
    expect(r).toEqual({ ok: true, profile: defaultProfile() });
    if (!r.ok) return;
    expect(r.profile.step2.score).toBe('not-taken');
    expect(r.profile.graduationYear).toBeNull();
    expect(r.profile).not.toHaveProperty('budgetUsd');
  });

  it('refuses a graduation year more than six years ahead when it knows the year, and says why', () => {
    const form = formWith({ graduationYear: '2033' });
    expect(profileFromForm(form, { todayYear: 2027 })).toMatchObject({ ok: true });
    const far = profileFromForm({ ...form, graduationYear: '2033' }, { todayYear: 2025 });
    expect(far).toEqual({
      ok: false,
      errors: {
        graduationYear:
          'A graduation year can be at most 6 years ahead (2031); check the year, or leave the field blank',
      },
    });
  });

  it('takes a blank or spaces-only graduation year as "not entered", and a typed one as a number', () => {
    expect(profileOf({ graduationYear: '' }).graduationYear).toBeNull();
    expect(profileOf({ graduationYear: '   ' }).graduationYear).toBeNull();
    expect(profileOf({ graduationYear: ' 2021 ' }).graduationYear).toBe(2021);
    expect(errorsOf({ graduationYear: '21' })).toEqual({ graduationYear: YEAR });
  });

  it('says ECFMG certification needs both Steps, on the ECFMG field', () => {
    expect(errorsOf({ ecfmg: 'certified' })).toEqual({
      ecfmg: 'ECFMG certification needs Step 1 and Step 2 CK passed; choose "pending" until then',
    });
    expect(errorsOf({ ecfmg: 'certified', step2Score: '250', step1: 'not-taken' })).toHaveProperty('ecfmg');
    expect(profileOf({ ecfmg: 'certified', step2Score: '250' }).ecfmg).toBe('certified');
  });
});

describe('profileFromForm: each field keeps its own plain message', () => {
  const cases: [ProfileFormField, string | string[], string][] = [
    ['step1', 'failed', 'Step 1 is one of: passed on the first attempt, passed after a failure, not taken yet'],
    ['step1', '', 'Step 1 is one of: passed on the first attempt, passed after a failure, not taken yet'],
    ['step2Score', 'abc', STEP2],
    ['step2Score', '301', STEP2],
    ['step2Score', '0', STEP2],
    ['step2Score', '250.5', STEP2],
    ['step2Score', '-1', STEP2],
    ['step2Score', '25O', STEP2],
    ['step2Score', '2.5e2', STEP2],
    ['step2Score', '250.0', STEP2],
    ['step2Attempts', '0', ATTEMPTS],
    ['step2Attempts', '7', ATTEMPTS],
    ['step2Attempts', '1.5', ATTEMPTS],
    ['step2Attempts', 'two', 'Enter the number of Step 2 CK attempts, 1 if you passed on the first'],
    ['step2Attempts', '', ATTEMPTS],
    ['step3', 'maybe', 'Step 3 is one of: passed, will pass before ranking, no'],
    ['ecfmg', 'yes', 'ECFMG certification is certified or pending'],
    ['graduationYear', '1949', YEAR],
    ['graduationYear', '2101', YEAR],
    ['graduationYear', '2021.5', YEAR],
    ['graduationYear', 'last year', YEAR],
    ['visa', 'f1', 'Visa need is one of: J-1, H-1B, either, none'],
    ['handsOn', '121', 'Hands-on US clinical experience is a number of months from 0 to 120'],
    ['handsOn', '-1', 'Hands-on US clinical experience is a number of months from 0 to 120'],
    ['externship', '120.5', 'US externship is a number of months from 0 to 120'],
    ['observership', 'three', 'Enter the months of observerships as a number, 0 if none'],
    ['usResearch', '1000', 'US research is a number of months from 0 to 120'],
    ['lettersIr', '2.5', 'The number of US letters from IR is a whole number from 0 to 10'],
    ['lettersDr', '11', 'The number of US letters from DR is a whole number from 0 to 10'],
    ['lettersOther', '-1', 'The number of US letters from other specialties is a whole number from 0 to 10'],
    ['irPublications', '201', 'The number of IR or imaging publications is a whole number from 0 to 200'],
    ['otherPublications', '1.5', 'The number of other publications is a whole number from 0 to 200'],
    ['abstracts', 'many', 'Enter the number of abstracts, posters and presentations, 0 if none'],
    ['honours', '51', HONOURS],
    ['honours', 'yes', HONOURS_WORDS],
    ['honours', 'No', HONOURS_WORDS],
    ['tracks', [], 'Choose at least one track: IR–Integrated or Diagnostic Radiology'],
    ['tracks', ['dr', 'dr'], 'Each track is listed once'],
    ['tracks', ['dr', 'ir-independent'], 'A track is IR–Integrated ("ir-integrated") or Diagnostic Radiology ("dr")'],
    ['regions', ['North'], REGIONS],
    ['regions', ['West', 'west'], REGIONS],
    ['states', 'New York', STATE],
    ['states', 'NY, N1', STATE],
    ['states', 'NYC', STATE],
    ['states', 'NY, ZZ', 'Not a US state code: use two letters such as NY, TX or PR'],
    ['budget', '-5', BUDGET],
    ['budget', '100001', BUDGET],
    ['budget', '100,001', BUDGET],
    ['budget', 'lots', BUDGET],
  ];

  it.each(cases)('%s = %j: only that field, with its message', (field, value, message) => {
    expect(errorsOf({ [field]: value })).toEqual({ [field]: message });
  });

  it('covers every form field', () => {
    expect(new Set(cases.map(([field]) => field))).toEqual(new Set(FIELDS));
  });

  it.each(COUNT_FIELDS)(
    '%s: words instead of a number ask for a number, digits out of range give the range',
    (field) => {
      const words = ['yes', 'no', ' None ', 'two'].map((w) => errorsOf({ [field]: w })[field]);
      expect(new Set(words).size).toBe(1);
      expect(words[0]).toMatch(/^Enter the (number|months) of .+, [01] if (none|you passed on the first)$/);
      for (const w of ['yes', 'no']) expect(Object.keys(errorsOf({ [field]: w }))).toEqual([field]);
      const range = errorsOf({ [field]: '999' })[field];
      expect(range).toBeDefined();
      expect(range).not.toBe(words[0]);
    },
  );

  it('reports several bad fields at once, one message each', () => {
    expect(errorsOf({ step2Score: '999', lettersIr: '2.5', tracks: [], states: 'New York, Ohio' })).toEqual({
      step2Score: STEP2,
      lettersIr: 'The number of US letters from IR is a whole number from 0 to 10',
      tracks: 'Choose at least one track: IR–Integrated or Diagnostic Radiology',
      states: STATE,
    });
  });
});

describe('profileFromForm: text to numbers', () => {
  it('trims spaces and reads plain numbers', () => {
    const p = profileOf({ step2Score: ' 250 ', step2Attempts: '2', handsOn: '1.5', lettersIr: '\t3\n', honours: '4' });
    expect(p.step2).toEqual({ score: 250, attempts: 2 });
    expect(p.usExperience.handsOn).toBe(1.5);
    expect(p.letters.ir).toBe(3);
    expect(p.honours).toBe(4);
  });

  it('counts a blank count as 0', () => {
    const p = profileOf({ handsOn: '', externship: '  ', lettersDr: '', abstracts: ' ', honours: '' });
    expect(p.usExperience).toMatchObject({ handsOn: 0, externship: 0 });
    expect(p.letters.dr).toBe(0);
    expect(p.research.abstracts).toBe(0);
    expect(p.honours).toBe(0);
  });

  it('reads thousands separators', () => {
    expect(profileOf({ budget: '1,500' }).budgetUsd).toBe(1500);
    expect(profileOf({ budget: ' 100,000 ' }).budgetUsd).toBe(100_000);
    expect(profileOf({ budget: '1,500.50' }).budgetUsd).toBe(1500.5);
    expect(profileOf({ step2Score: '250' }).step2.score).toBe(250);
  });

  it('does not read a decimal comma as a thousands separator ("2,5" is not 25)', () => {
    // inputmode="decimal" shows a comma key on phones set to many European languages.
    expect(errorsOf({ handsOn: '2,5' })).toEqual({
      handsOn: 'Hands-on US clinical experience is a number of months from 0 to 120',
    });
    expect(errorsOf({ step2Score: '2,50' })).toEqual({ step2Score: STEP2 });
    expect(errorsOf({ budget: '1,50' })).toEqual({ budget: BUDGET });
    expect(errorsOf({ budget: '1,2,3' })).toEqual({ budget: BUDGET });
  });

  it('leaves the budget out when blank, and keeps a typed 0', () => {
    expect(profileOf({ budget: '' })).not.toHaveProperty('budgetUsd');
    expect(profileOf({ budget: '   ' })).not.toHaveProperty('budgetUsd');
    expect(profileOf({ budget: '0' }).budgetUsd).toBe(0);
    expect(profileOf({ budget: '2500' }).budgetUsd).toBe(2500);
  });

  it('splits states on commas, semicolons and spaces, in capitals', () => {
    expect(profileOf({ states: 'NY, ca;tx' }).states).toEqual(['NY', 'CA', 'TX']);
    expect(profileOf({ states: '  ny\tCa\n\ntx ;; ' }).states).toEqual(['NY', 'CA', 'TX']);
    expect(profileOf({ states: '' }).states).toEqual([]);
    expect(profileOf({ states: ' , ; ' }).states).toEqual([]);
    expect(errorsOf({ states: 'New York' })).toEqual({ states: STATE });
  });

  it('passes tracks and regions through', () => {
    const p = profileOf({ tracks: ['dr'], regions: ['South', 'West'] });
    expect(p.tracks).toEqual(['dr']);
    expect(p.regions).toEqual(['South', 'West']);
  });
});

describe('fieldOfPath', () => {
  it.each([
    ['step1', 'step1'],
    ['step2', 'step2Score'],
    ['step2.score', 'step2Score'],
    ['step2.attempts', 'step2Attempts'],
    ['step3', 'step3'],
    ['ecfmg', 'ecfmg'],
    ['graduationYear', 'graduationYear'],
    ['visa', 'visa'],
    ['usExperience.handsOn', 'handsOn'],
    ['usExperience.externship', 'externship'],
    ['usExperience.observership', 'observership'],
    ['usExperience.research', 'usResearch'],
    ['letters.ir', 'lettersIr'],
    ['letters.dr', 'lettersDr'],
    ['letters.otherCore', 'lettersOther'],
    ['research.irPublications', 'irPublications'],
    ['research.otherPublications', 'otherPublications'],
    ['research.abstracts', 'abstracts'],
    ['honours', 'honours'],
    ['tracks', 'tracks'],
    ['tracks.0', 'tracks'],
    ['tracks.4', 'tracks'],
    ['regions.3', 'regions'],
    ['states', 'states'],
    ['states.12', 'states'],
    ['budgetUsd', 'budget'],
  ] satisfies [string, ProfileFormField][])('%s → %s', (path, field) => {
    expect(fieldOfPath(path)).toBe(field);
  });

  it('maps every leaf of a profile to its own form field, one to one', () => {
    const leaves: string[] = [];
    const walk = (value: unknown, path: string[]) => {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
      } else leaves.push(path.join('.'));
    };
    walk({ ...defaultProfile(), budgetUsd: 0 }, []);
    const fields = leaves.map(fieldOfPath);
    expect(new Set(fields).size).toBe(leaves.length);
    expect(new Set(fields)).toEqual(new Set(FIELDS));
  });

  it('always names a form field, even for a path it does not know', () => {
    for (const path of ['', 'usExperience', 'name', 'tracks.x', 'step2.score.0', '0']) {
      expect(FIELDS).toContain(fieldOfPath(path));
    }
  });
});

// Valid profiles: whole and fractional months (fast-check's doubles lean to tiny and long values
// such as 5e-324 and 0.30000000000000004, which String() writes in ways the form must read back).
const monthsArb = fc.oneof(
  fc.integer({ min: 0, max: 120 }),
  fc.integer({ min: 0, max: 240 }).map((n) => n / 2),
  fc.double({ min: 0, max: 120, noNaN: true }),
);
const budgetArb = fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 100_000, noNaN: true }));
const stateCodeArb = fc.constantFrom(...Object.keys(STATES));

const profileArb: fc.Arbitrary<Profile> = fc
  .record({
    step1: fc.constantFrom('passed-first-attempt', 'passed-after-failure', 'not-taken' as const),
    score: fc.oneof(fc.constant('not-taken' as const), fc.integer({ min: 1, max: 300 })),
    attempts: fc.integer({ min: 1, max: 6 }),
    step3: fc.constantFrom('passed', 'will-pass-before-ranking', 'no' as const),
    ecfmg: fc.constantFrom('certified', 'pending' as const),
    graduationYear: fc.oneof(fc.constant(null), fc.integer({ min: 1950, max: 2100 })),
    visa: fc.constantFrom('j1', 'h1b', 'either', 'none' as const),
    months: fc.tuple(monthsArb, monthsArb, monthsArb, monthsArb),
    letters: fc.tuple(fc.nat(10), fc.nat(10), fc.nat(10)),
    research: fc.tuple(fc.nat(200), fc.nat(200), fc.nat(200)),
    honours: fc.nat(50),
    tracks: fc.shuffledSubarray(['ir-integrated', 'dr'] as const, { minLength: 1 }),
    regions: fc.array(fc.constantFrom(...CENSUS_REGIONS), { maxLength: 6 }),
    states: fc.array(stateCodeArb, { maxLength: 12 }),
    budget: fc.option(budgetArb, { nil: undefined }),
  })
  .map((r): Profile => {
    const canCertify = r.step1 !== 'not-taken' && r.score !== 'not-taken';
    return {
      step1: r.step1,
      step2: { score: r.score, attempts: r.attempts },
      step3: r.step3,
      ecfmg: canCertify ? r.ecfmg : 'pending',
      graduationYear: r.graduationYear,
      visa: r.visa,
      usExperience: { handsOn: r.months[0], externship: r.months[1], observership: r.months[2], research: r.months[3] },
      letters: { ir: r.letters[0], dr: r.letters[1], otherCore: r.letters[2] },
      research: { irPublications: r.research[0], otherPublications: r.research[1], abstracts: r.research[2] },
      honours: r.honours,
      tracks: [...r.tracks],
      regions: r.regions,
      states: r.states,
      ...(r.budget === undefined ? {} : { budgetUsd: r.budget }),
    };
  });

describe('formFromProfile', () => {
  it('shows a profile as text', () => {
    const p = drMedianProfile({ budgetUsd: 1500, states: ['NY', 'CA'], regions: ['West'] });
    expect(formFromProfile(p)).toEqual({
      ...defaultProfileForm(),
      step2Score: '250',
      ecfmg: 'certified',
      graduationYear: '2023',
      handsOn: '3',
      lettersIr: '1',
      lettersDr: '1',
      lettersOther: '1',
      irPublications: '3',
      abstracts: '5',
      tracks: ['dr'],
      regions: ['West'],
      states: 'NY, CA',
      budget: '1500',
    });
    expect(formFromProfile(defaultProfile())).toEqual(defaultProfileForm());
  });

  it('copies the arrays (editing the form leaves the profile alone)', () => {
    const p = drMedianProfile({ regions: ['South'] });
    const form = formFromProfile(p);
    form.tracks.push('ir-integrated');
    form.regions.pop();
    expect(p.tracks).toEqual(['dr']);
    expect(p.regions).toEqual(['South']);
  });

  it('reads back a tiny fraction that String() writes with an exponent', () => {
    const p = drMedianProfile({ usExperience: { handsOn: 1e-7, externship: 5e-324, observership: 0, research: 0 } });
    expect(formFromProfile(p).handsOn).toBe('1e-7');
    expect(profileFromForm(formFromProfile(p))).toEqual({ ok: true, profile: p });
  });

  it('round trip: profileFromForm(formFromProfile(p)) is p for every valid profile', () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        expect(profileSchema.safeParse(p).success).toBe(true);
        expect(profileFromForm(formFromProfile(p))).toEqual({ ok: true, profile: p });
      }),
      { numRuns: 500 },
    );
  });

  it('round trip: a form shown from a profile comes back unchanged', () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        const form = formFromProfile(p);
        const again = profileFromForm(form);
        expect(again.ok).toBe(true);
        if (again.ok) expect(formFromProfile(again.profile)).toEqual(form);
      }),
      { numRuns: 300 },
    );
  });
});

describe('profileFromForm on anything typed', () => {
  const numberish = fc.stringMatching(/^[ \t]*-?[\d,.]{0,8}(e-?\d{0,3})?[ \t]*$/);
  const text = fc.oneof(fc.string({ maxLength: 25 }), fc.string({ unit: 'binary', maxLength: 25 }), numberish);
  const track = fc.oneof(fc.constantFrom('ir-integrated', 'dr'), fc.string({ maxLength: 20 }));
  const region = fc.oneof(fc.constantFrom(...CENSUS_REGIONS), fc.string({ maxLength: 20 }));
  const formArb: fc.Arbitrary<ProfileForm> = fc.record({
    ...(Object.fromEntries(FIELDS.map((f) => [f, text])) as Record<ProfileFormField, fc.Arbitrary<string>>),
    step1: fc.oneof(fc.constantFrom('passed-first-attempt', 'passed-after-failure', 'not-taken'), text),
    ecfmg: fc.oneof(fc.constantFrom('certified', 'pending'), text),
    states: fc.oneof(
      fc.array(stateCodeArb, { maxLength: 5 }).map((s) => s.join(', ')),
      fc.string({ maxLength: 60 }),
    ),
    tracks: fc.array(track, { maxLength: 5 }),
    regions: fc.array(region, { maxLength: 10 }),
  });

  it('never throws, and gives a valid profile or plain messages keyed by form fields', () => {
    fc.assert(
      fc.property(formArb, (form) => {
        const r = profileFromForm(form);
        if (r.ok) {
          expect(profileSchema.safeParse(r.profile).success).toBe(true);
          return;
        }
        const keys = Object.keys(r.errors);
        expect(keys.length).toBeGreaterThan(0);
        for (const key of keys) {
          expect(FIELDS).toContain(key);
          const message = r.errors[key as ProfileFormField] ?? '';
          expect(message.length).toBeGreaterThan(0);
          // zod's own wording means little to an applicant.
          expect(message).not.toMatch(/^(Expected|Invalid|Required|String must|Number must|Array must)/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('does not change the form it is given', () => {
    fc.assert(
      fc.property(formArb, (form) => {
        const copy = structuredClone(form);
        profileFromForm(form);
        expect(form).toEqual(copy);
      }),
      { numRuns: 200 },
    );
  });
});
