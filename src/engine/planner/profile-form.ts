/**
 * The planner's form model: what the user typed, as text, so nothing is lost when a value is out of
 * range. `profileFromForm` turns it into a validated Profile with one plain message per form field.
 */
import { z } from '../util/zod';
import { parseProfile, type Profile, type ProfileError } from '../profile/profile';

/** A text field of at most `max` characters, `value` when missing. */
const text = (max: number, value: string) => z._default(z.string().check(z.maxLength(max)), value);
/** A list of at most `max` short texts; `value` makes a fresh default list each time. */
const list = (max: number, value: () => string[]) =>
  z._default(z.array(z.string().check(z.maxLength(20))).check(z.maxLength(max)), value);

/** Every form field as typed. Missing fields take their defaults. */
export const profileFormSchema = z.object({
  step1: text(40, 'passed-first-attempt'),
  step2Score: text(20, ''),
  step2Attempts: text(20, '1'),
  step3: text(40, 'no'),
  ecfmg: text(20, 'pending'),
  graduationYear: text(20, ''),
  visa: text(20, 'j1'),
  handsOn: text(20, '0'),
  externship: text(20, '0'),
  observership: text(20, '0'),
  usResearch: text(20, '0'),
  lettersIr: text(20, '0'),
  lettersDr: text(20, '0'),
  lettersOther: text(20, '0'),
  irPublications: text(20, '0'),
  otherPublications: text(20, '0'),
  abstracts: text(20, '0'),
  honours: text(20, '0'),
  tracks: list(5, () => ['ir-integrated', 'dr']),
  regions: list(10, () => []),
  states: text(400, ''),
  budget: text(20, ''),
});
export type ProfileForm = z.infer<typeof profileFormSchema>;
export type ProfileFormField = keyof ProfileForm;

/** A blank form (the defaults). */
export function defaultProfileForm(): ProfileForm {
  return profileFormSchema.parse({});
}

/** Which form field a profile path belongs to. */
const FIELD_OF_PATH: Record<string, ProfileFormField> = {
  step1: 'step1',
  'step2.score': 'step2Score',
  step2: 'step2Score',
  'step2.attempts': 'step2Attempts',
  step3: 'step3',
  ecfmg: 'ecfmg',
  graduationYear: 'graduationYear',
  visa: 'visa',
  'usExperience.handsOn': 'handsOn',
  'usExperience.externship': 'externship',
  'usExperience.observership': 'observership',
  'usExperience.research': 'usResearch',
  'letters.ir': 'lettersIr',
  'letters.dr': 'lettersDr',
  'letters.otherCore': 'lettersOther',
  'research.irPublications': 'irPublications',
  'research.otherPublications': 'otherPublications',
  'research.abstracts': 'abstracts',
  honours: 'honours',
  tracks: 'tracks',
  regions: 'regions',
  states: 'states',
  budgetUsd: 'budget',
};

/** The form field an engine error path points at (e.g. "tracks.0" → "tracks"). */
export function fieldOfPath(path: string): ProfileFormField {
  return FIELD_OF_PATH[path] ?? FIELD_OF_PATH[path.replace(/\.\d+$/, '')] ?? 'step1';
}

/** The fields typed as counts (blank is 0), each with its message for words typed instead of a number ("yes", "two"). */
const COUNT_WORDS_MESSAGE = {
  step2Attempts: 'Enter the number of Step 2 CK attempts, 1 if you passed on the first',
  handsOn: 'Enter the months of hands-on electives or sub-internships as a number, 0 if none',
  externship: 'Enter the months of externships as a number, 0 if none',
  observership: 'Enter the months of observerships as a number, 0 if none',
  usResearch: 'Enter the months of research in the US as a number, 0 if none',
  lettersIr: 'Enter the number of letters from interventional radiologists, 0 if none',
  lettersDr: 'Enter the number of letters from diagnostic radiologists, 0 if none',
  lettersOther: 'Enter the number of letters from other core specialties, 0 if none',
  irPublications: 'Enter the number of IR or imaging publications, 0 if none',
  otherPublications: 'Enter the number of other publications, 0 if none',
  abstracts: 'Enter the number of abstracts, posters and presentations, 0 if none',
  honours: 'Enter the number of honours and leadership roles, 0 if none',
} as const satisfies Partial<Record<ProfileFormField, string>>;

/** The count fields, in form order. */
export const COUNT_FIELDS = Object.keys(COUNT_WORDS_MESSAGE) as readonly (keyof typeof COUNT_WORDS_MESSAGE)[];

// Text to number: blank counts as 0 for counts; anything else that is not a plain number stays as
// the text, so the profile schema rejects it with its own plain message.
const count = (s: string): number | string => (s.trim() === '' ? 0 : numberOrText(s));
function numberOrText(s: string): number | string {
  const trimmed = s.trim();
  // Commas only as thousands separators ("1,500"): a decimal comma ("2,5") stays text, not 25.
  const t = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed) ? trimmed.replace(/,/g, '') : trimmed;
  // The exponent is how String() writes tiny numbers (1e-7), so formFromProfile's text reads back.
  return /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(t) ? Number(t) : s;
}

// A score or a year is whole digits only: "2.5e2" or "250.0" stay text and get the field's message.
const wholeOrText = (s: string): number | string => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : s);

/** The messages the form shows for its own fields (the profile schema's say "not taken yet", the form says leave it blank). */
export const FORM_MESSAGES = {
  step2Score:
    'Enter your Step 2 CK score as a whole number from 1 to 300, or leave the field blank if you have not taken it yet',
  graduationYear: 'Enter your graduation year as four digits, such as 2021, or leave the field blank',
} as const;

/** How many years ahead a graduation year may be: a student in the final year of a 6-year school. */
export const MAX_YEARS_TO_GRADUATION = 6;

/**
 * Builds and validates a profile from the form; errors are keyed by form field. With `todayYear`, a
 * graduation year more than `MAX_YEARS_TO_GRADUATION` years ahead is refused (the engine reads no
 * clock, so the caller passes the year).
 */
export function profileFromForm(
  form: ProfileForm,
  options: { readonly todayYear?: number } = {},
): { ok: true; profile: Profile } | { ok: false; errors: Partial<Record<ProfileFormField, string>> } {
  const step2Text = form.step2Score.trim();
  const yearText = form.graduationYear.trim();
  const input = {
    step1: form.step1,
    step2: {
      score: step2Text === '' ? 'not-taken' : wholeOrText(step2Text),
      attempts: count(form.step2Attempts),
    },
    step3: form.step3,
    ecfmg: form.ecfmg,
    graduationYear: yearText === '' ? null : wholeOrText(yearText),
    visa: form.visa,
    usExperience: {
      handsOn: count(form.handsOn),
      externship: count(form.externship),
      observership: count(form.observership),
      research: count(form.usResearch),
    },
    letters: { ir: count(form.lettersIr), dr: count(form.lettersDr), otherCore: count(form.lettersOther) },
    research: {
      irPublications: count(form.irPublications),
      otherPublications: count(form.otherPublications),
      abstracts: count(form.abstracts),
    },
    honours: count(form.honours),
    tracks: form.tracks,
    regions: form.regions,
    states: form.states
      .split(/[\s,;]+/)
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean),
    ...(form.budget.trim() === '' ? {} : { budgetUsd: numberOrText(form.budget) }),
  };
  const parsed = parseProfile(input);
  const tooFar =
    options.todayYear !== undefined &&
    typeof input.graduationYear === 'number' &&
    input.graduationYear > options.todayYear + MAX_YEARS_TO_GRADUATION;
  if (parsed.ok && !tooFar) return parsed;
  const errors: Partial<Record<ProfileFormField, string>> = {};
  if (tooFar) {
    errors.graduationYear = `A graduation year can be at most ${MAX_YEARS_TO_GRADUATION} years ahead (${(options.todayYear ?? 0) + MAX_YEARS_TO_GRADUATION}); check the year, or leave the field blank`;
  }
  if (parsed.ok) return { ok: false, errors };
  // Words in a count field ("yes", "none", "two") get a message that says to type a number; text
  // with digits ("2,5", "25O") keeps the field's range message.
  for (const field of COUNT_FIELDS) {
    const typed = form[field].trim();
    if (typed !== '' && !/\d/.test(typed)) errors[field] = COUNT_WORDS_MESSAGE[field];
  }
  for (const e of parsed.errors as readonly ProfileError[]) {
    const field = fieldOfPath(e.path);
    errors[field] ??= field === 'step2Score' || field === 'graduationYear' ? FORM_MESSAGES[field] : e.message;
  }
  return { ok: false, errors };
}

/** The form that shows a profile (for what-if scenarios and imports). */
export function formFromProfile(p: Profile): ProfileForm {
  return {
    step1: p.step1,
    step2Score: p.step2.score === 'not-taken' ? '' : String(p.step2.score),
    step2Attempts: String(p.step2.attempts),
    step3: p.step3,
    ecfmg: p.ecfmg,
    graduationYear: p.graduationYear === null ? '' : String(p.graduationYear),
    visa: p.visa,
    handsOn: String(p.usExperience.handsOn),
    externship: String(p.usExperience.externship),
    observership: String(p.usExperience.observership),
    usResearch: String(p.usExperience.research),
    lettersIr: String(p.letters.ir),
    lettersDr: String(p.letters.dr),
    lettersOther: String(p.letters.otherCore),
    irPublications: String(p.research.irPublications),
    otherPublications: String(p.research.otherPublications),
    abstracts: String(p.research.abstracts),
    honours: String(p.honours),
    tracks: [...p.tracks],
    regions: [...p.regions],
    states: p.states.join(', '),
    budget: p.budgetUsd === undefined ? '' : String(p.budgetUsd),
  };
}
