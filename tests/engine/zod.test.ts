// The engine's zod (zod/v4-mini, configured in src/engine/util/zod.ts) keeps the wording and the rules users
// saw with zod 3: default messages in damaged-data notices, a union member's own message, and the
// ECFMG check running while another answer is only out of range. It also never compiles code (CSP).
import { defaultProfileForm, FORM_MESSAGES, profileFromForm } from '../../src/engine/planner/profile-form';
import { loadState } from '../../src/engine/planner/planner-state';
import { z } from '../../src/engine/util/zod';

const A = '0420521001';
const fact = { programId: A, fact: 'maxYearsSinceGraduation', value: 5, date: '2026-09-14', how: 'phone' };
const stored = (change: Record<string, unknown>) =>
  JSON.stringify({ version: 1, form: defaultProfileForm(), myList: [], verifications: [], ...change });

describe('zod 3 wording in damaged-data notices', () => {
  it.each([
    ['a flag as text', { myList: [{ id: A, unhappy: 'yes' }] }, 'myList.0.unhappy: Expected boolean, received string'],
    ['a missing ID', { myList: [{ note: '' }] }, 'myList.0.id: Required'],
    ['a malformed ID', { myList: [{ id: '12' }] }, 'myList.0.id: an ACGME ID is exactly 10 digits'],
    [
      'a form field too long',
      { form: { step2Score: '2'.repeat(21) } },
      'form.step2Score: String must contain at most 20 character(s)',
    ],
    ['a form that is a list', { form: [] }, 'form: Expected object, received array'],
    [
      'too many programs',
      { myList: Array.from({ length: 401 }, (_, i) => ({ id: String(4200000000 + i) })) },
      'myList: Array must contain at most 400 element(s)',
    ],
    [
      'an unknown fact',
      { verifications: [{ ...fact, fact: 'visa' }] },
      "verifications.0.fact: Invalid discriminator value. Expected 'j1' | 'h1b' | 'maxYearsSinceGraduation' | 'step2Minimum'",
    ],
    [
      'a cutoff out of range',
      { verifications: [{ ...fact, value: 61 }] },
      'verifications.0.value: Number must be less than or equal to 60',
    ],
    [
      'a fractional cutoff',
      { verifications: [{ ...fact, value: 2.5 }] },
      'verifications.0.value: Expected integer, received float',
    ],
    ['a cutoff as other text', { verifications: [{ ...fact, value: 'many' }] }, 'verifications.0.value: Invalid input'],
    [
      'a visa answer as a number',
      { verifications: [{ ...fact, fact: 'j1', value: 1 }] },
      'verifications.0.value: Expected boolean, received number',
    ],
  ])('%s', (_name, change, where) => {
    expect(loadState(stored(change)).notice).toContain(`is damaged (${where}), so`);
  });
});

describe('zod 3 rules for when checks run', () => {
  it('reports the ECFMG rule while the Step 2 CK score is only out of range', () => {
    const r = profileFromForm({ ...defaultProfileForm(), ecfmg: 'certified', step1: 'not-taken', step2Score: '400' });
    expect(r).toEqual({
      ok: false,
      errors: {
        step2Score: FORM_MESSAGES.step2Score,
        ecfmg: 'ECFMG certification needs Step 1 and Step 2 CK passed; choose "pending" until then',
      },
    });
  });

  it('counts a whole number beyond 2^53 as whole, so the range check answers', () => {
    expect(loadState(stored({ verifications: [{ ...fact, value: 2 ** 60 }] })).notice).toContain(
      '(verifications.0.value: Number must be less than or equal to 60)',
    );
  });
});

it('never compiles parsers with new Function (the CSP forbids it)', () => {
  expect(z.config().jitless).toBe(true);
});
