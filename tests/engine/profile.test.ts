import { defaultProfile, parseProfile, profileSchema } from '../../src/engine/profile/profile';
import { drMedianProfile } from './fixtures';

const valid = drMedianProfile();

function withChange(path: string, value: unknown): unknown {
  const copy = structuredClone(valid) as Record<string, unknown>;
  const keys = path.split('.');
  let node = copy;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  const last = keys[keys.length - 1] as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

describe('defaultProfile', () => {
  it('is a valid profile with nothing entered', () => {
    const p = defaultProfile();
    expect(profileSchema.parse(p)).toEqual(p);
    expect(p.step2.score).toBe('not-taken');
    expect(p.graduationYear).toBeNull();
    expect(p.tracks.length).toBeGreaterThan(0);
  });
});

describe('parseProfile', () => {
  it('accepts a complete profile and drops name or contact fields', () => {
    const r = parseProfile({ ...valid, name: 'Dr A', email: 'a@example.com' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.profile).toEqual(valid);
      expect(r.profile).not.toHaveProperty('name');
      expect(r.profile).not.toHaveProperty('email');
    }
  });

  it.each([
    ['step2.score', 301, 'Step 2 CK is a score from 1 to 300, or "not taken yet"'],
    ['step2.score', 0, 'Step 2 CK is a score from 1 to 300, or "not taken yet"'],
    ['step2.score', 250.5, 'Step 2 CK is a score from 1 to 300, or "not taken yet"'],
    ['step2.score', 'high', 'Step 2 CK is a score from 1 to 300, or "not taken yet"'],
    ['step2.attempts', 0, 'Step 2 CK attempts is a whole number from 1 to 6'],
    ['step1', 'failed', 'Step 1 is one of: passed on the first attempt, passed after a failure, not taken yet'],
    ['step3', 'maybe', 'Step 3 is one of: passed, will pass before ranking, no'],
    ['ecfmg', 'yes', 'ECFMG certification is certified or pending'],
    ['graduationYear', 21, 'Graduation year is a year such as 2021, between 1950 and 2100'],
    ['graduationYear', '2021', 'Graduation year is a year such as 2021, between 1950 and 2100'],
    ['visa', 'f1', 'Visa need is one of: J-1, H-1B, either, none'],
    ['usExperience.handsOn', -1, 'Hands-on US clinical experience is a number of months from 0 to 120'],
    ['usExperience.observership', 'three', 'US observership is a number of months from 0 to 120'],
    ['letters.ir', 1.5, 'The number of US letters from IR is a whole number from 0 to 10'],
    ['research.abstracts', -2, 'The number of abstracts, posters and presentations is a whole number from 0 to 200'],
    ['honours', -1, 'Honours and leadership is a count from 0 to 50'],
    ['tracks', [], 'Choose at least one track: IR–Integrated or Diagnostic Radiology'],
    ['tracks', ['dr', 'dr'], 'Each track is listed once'],
    ['tracks', ['ir-independent'], 'A track is IR–Integrated ("ir-integrated") or Diagnostic Radiology ("dr")'],
    ['regions', ['North'], 'Regions are Northeast, Midwest, South, West or Territories'],
    ['states', ['New York'], 'A state is a two-letter code such as NY'],
    ['budgetUsd', -5, 'Budget is an amount in US dollars from 0 to 100,000'],
    ['step2', undefined, 'Step 2 CK needs a score (or "not taken yet") and a number of attempts'],
  ])('%s = %j → "%s"', (path, value, message) => {
    const r = parseProfile(withChange(path, value));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toContainEqual({ path: expect.stringContaining(path.split('.')[0] as string), message });
  });

  it('reports ECFMG certification without the exams', () => {
    const r = parseProfile({ ...valid, step2: { score: 'not-taken', attempts: 1 }, ecfmg: 'certified' });
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          path: 'ecfmg',
          message: 'ECFMG certification needs Step 1 and Step 2 CK passed; choose "pending" until then',
        },
      ],
    });
  });

  it('reports every problem at once, each with its path', () => {
    const r = parseProfile({ ...valid, visa: 'f1', step2: { score: 400, attempts: 1 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path).sort()).toEqual(['step2.score', 'visa']);
  });

  it.each([
    [true, 1],
    [false, 0],
    [3, 3],
  ])('honours %j is counted as %i', (input, count) => {
    const r = parseProfile({ ...valid, honours: input });
    expect(r.ok && r.profile.honours).toBe(count);
  });

  it('rejects something that is not a profile with a plain message', () => {
    expect(parseProfile('hello')).toEqual({
      ok: false,
      errors: [{ path: '', message: 'A profile is a set of answers' }],
    });
  });

  it('accepts a missing budget and "not-taken" Step 2 CK', () => {
    const r = parseProfile({ ...valid, ecfmg: 'pending', step2: { score: 'not-taken', attempts: 1 } });
    expect(r.ok).toBe(true);
  });
});
