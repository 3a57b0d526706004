import fc from 'fast-check';
import {
  ADD_REFUSAL_MESSAGE,
  MAX_LIST_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_VERIFICATIONS,
  STATE_VERSION,
  STORAGE_KEY,
  addToList,
  addVerification,
  emptyState,
  listAddRefusal,
  loadState,
  moveInList,
  myListCsv,
  plannerStateSchema,
  removeFromList,
  removeVerification,
  saveState,
  updateEntry,
  verificationAddRefusal,
  type CsvRow,
  type MyListEntry,
  type PlannerState,
} from '../../src/engine/planner/planner-state';
import { defaultProfileForm, profileFormSchema, type ProfileFormField } from '../../src/engine/planner/profile-form';
import type { VerificationEntry } from '../../src/engine/planner/verification';

const A = '0420521001';
const B = '4200100002';
const C = '0250311003';
const D = '4200400004';

const entry = (id: string, note = '', unhappy = false): MyListEntry => ({ id, note, unhappy });

const SAMPLE: PlannerState = {
  version: 1,
  form: { ...defaultProfileForm(), step2Score: '251', graduationYear: '2020', tracks: ['dr'], states: 'NY, CA' },
  myList: [entry(A, 'Great fit; "call" them\nJ-1 é ü 中文 😀'), entry(B, '', true), entry(C)],
  verifications: [
    { programId: A, fact: 'j1', value: true, date: '2026-09-12', how: 'email from the coordinator' },
    { programId: B, fact: 'h1b', value: false, date: '2026-09-13', how: 'website FAQ' },
    { programId: A, fact: 'maxYearsSinceGraduation', value: 'none', date: '2026-09-14', how: 'phone' },
    { programId: C, fact: 'step2Minimum', value: 230, date: '2026-09-15', how: 'program director' },
  ],
};

/** SAMPLE as stored text with one top-level part replaced. */
const storedWith = (change: Record<string, unknown>) => JSON.stringify({ ...SAMPLE, ...change });

const isValidState = (s: unknown) => plannerStateSchema.safeParse(s).success;

describe('constants and the empty state', () => {
  it('keeps the storage key and version that saved data already uses', () => {
    expect(STORAGE_KEY).toBe('ir-pathway.planner');
    expect(STATE_VERSION).toBe(1);
    expect(MAX_NOTE_LENGTH).toBe(1000);
  });

  it('starts with the default form and empty lists, and passes its own schema', () => {
    const s = emptyState();
    expect(s).toEqual({ version: STATE_VERSION, form: defaultProfileForm(), myList: [], verifications: [] });
    expect(plannerStateSchema.parse(s)).toEqual(s);
  });

  it('gives a fresh state each time', () => {
    const a = emptyState();
    a.myList.push(entry(A));
    a.form.tracks.push('x');
    expect(emptyState().myList).toEqual([]);
    expect(emptyState().form.tracks).toEqual(['ir-integrated', 'dr']);
  });

  it('SAMPLE is a valid state (the fixtures below rely on it)', () => {
    expect(plannerStateSchema.parse(SAMPLE)).toEqual(SAMPLE);
  });
});

describe('loadState', () => {
  it.each([null, ''])('%j: nothing stored, an empty state and no notice', (raw) => {
    expect(loadState(raw)).toStrictEqual({ state: emptyState() });
  });

  it.each(['{', 'not json', '{"version":1,', "{'version':1}", 'undefined', ' ', '\uFEFF{}', '{"version":1}}'])(
    'invalid JSON %j: an empty state, a notice and the text back, unchanged',
    (raw) => {
      const r = loadState(raw);
      expect(r.state).toEqual(emptyState());
      expect(r.notice).toMatch(/^The saved planner data is not valid JSON, so the planner started empty\./);
      expect(r.notice).toMatch(/kept for you to download/);
      expect(r.badValue).toBe(raw);
    },
  );

  it('names what was read in the notice', () => {
    expect(loadState('{', 'The imported file').notice).toMatch(/^The imported file is not valid JSON/);
    expect(loadState('{"version":2}', 'The imported file').notice).toMatch(/^The imported file has version 2,/);
  });

  it.each([
    ['version 0', storedWith({ version: 0 }), 'version 0,'],
    ['version 2', storedWith({ version: 2 }), 'version 2,'],
    ['version "1" as text', storedWith({ version: '1' }), 'version "1",'],
    ['no version', JSON.stringify({ form: SAMPLE.form, myList: [], verifications: [] }), 'version "none",'],
    ['version null', storedWith({ version: null }), 'version "none",'],
    ['a number', '42', 'version "none",'],
    ['a string', '"hello"', 'version "none",'],
    ['null', 'null', 'version "none",'],
    ['a list', JSON.stringify([SAMPLE]), 'version "none",'],
  ])('%s: a notice naming the version, the text back', (_name, raw, version) => {
    const r = loadState(raw);
    expect(r.state).toEqual(emptyState());
    expect(r.notice).toContain(`has ${version} which this version of the planner cannot read`);
    expect(r.badValue).toBe(raw);
  });

  it('does not throw on a deeply nested version, and keeps the notice short', () => {
    const deep = `{"version":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const r = loadState(deep);
    expect(r.state).toEqual(emptyState());
    expect(r.notice).toMatch(
      /^The saved planner data has version a list, which this version of the planner cannot read/,
    );
    expect(r.notice?.length).toBeLessThan(300);
    expect(r.badValue).toBe(deep);
    expect(loadState('{"version":{"major":1}}').notice).toContain('has version an object, which');
  });

  it('keeps the notice short when the version is a long text', () => {
    const raw = storedWith({ version: 'x'.repeat(100_000) });
    const r = loadState(raw);
    expect(r.notice).toMatch(/^The saved planner data has version "x+…", which/);
    expect(r.notice?.length).toBeLessThan(300);
    expect(r.badValue).toBe(raw);
  });

  it.each([
    ['a bad ACGME ID', storedWith({ myList: [entry('12')] }), 'myList.0.id: an ACGME ID is exactly 10 digits'],
    ['an ID with a letter', storedWith({ myList: [entry(A), entry('042052100X')] }), 'myList.1.id'],
    ['a program twice', storedWith({ myList: [entry(A), entry(B), entry(A)] }), 'myList: My list has a program twice'],
    [
      'a note too long',
      storedWith({ myList: [entry(A, 'n'.repeat(MAX_NOTE_LENGTH + 1))] }),
      'myList.0.note: A note is at most 1000 characters',
    ],
    ['an unhappy flag as text', storedWith({ myList: [{ id: A, unhappy: 'yes' }] }), 'myList.0.unhappy'],
    ['a form field too long', storedWith({ form: { step2Score: '2'.repeat(21) } }), 'form.step2Score'],
    ['a form that is a list', storedWith({ form: [] }), 'form: '],
    ['no form', JSON.stringify({ version: 1, myList: [], verifications: [] }), 'form: '],
    [
      'a bad verification date',
      storedWith({ verifications: [{ ...SAMPLE.verifications[0], date: '12/09/2026' }] }),
      'verifications.0.date: a date is written YYYY-MM-DD',
    ],
    [
      'a blank verification "how"',
      storedWith({ verifications: [{ ...SAMPLE.verifications[0], how: '   ' }] }),
      'verifications.0.how: say how you verified it',
    ],
    [
      'an unknown fact',
      storedWith({ verifications: [{ ...SAMPLE.verifications[0], fact: 'visa' }] }),
      'verifications.0',
    ],
    ['myList not a list', storedWith({ myList: {} }), 'myList: '],
  ])('%s: "damaged", with the path of the problem, and the text back', (_name, raw, where) => {
    const r = loadState(raw);
    expect(r.state).toEqual(emptyState());
    expect(r.notice).toMatch(/^The saved planner data is damaged \(.+\), so the planner started empty\./);
    expect(r.notice).toContain(`(${where}`);
    expect(r.badValue).toBe(raw);
  });

  it('fills in what may be left out and drops unknown keys', () => {
    const raw = JSON.stringify({
      version: 1,
      theme: 'dark',
      form: { step2Score: '240', name: 'Dr A' },
      myList: [{ id: A }, { id: B, note: 'x', extra: 1 }],
      verifications: [],
    });
    expect(loadState(raw)).toStrictEqual({
      state: {
        version: 1,
        form: { ...defaultProfileForm(), step2Score: '240' },
        myList: [entry(A), entry(B, 'x')],
        verifications: [],
      },
    });
  });

  it('reads back what saveState wrote, with no notice', () => {
    const text = saveState(SAMPLE);
    expect(JSON.parse(text)).toMatchObject({ version: 1 });
    expect(loadState(text)).toStrictEqual({ state: SAMPLE });
    expect(loadState(saveState(emptyState()))).toStrictEqual({ state: emptyState() });
  });
});

// Arbitrary valid states: schema outputs, so "how" is already trimmed.
const idArb = fc.stringMatching(/^\d{10}$/);
const dateArb = fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/);
const howArb = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 60 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const verificationArb: fc.Arbitrary<VerificationEntry> = fc.oneof(
  fc.record({
    programId: idArb,
    date: dateArb,
    how: howArb,
    fact: fc.constantFrom('j1', 'h1b'),
    value: fc.boolean(),
  }),
  fc.record({
    programId: idArb,
    date: dateArb,
    how: howArb,
    fact: fc.constant('maxYearsSinceGraduation' as const),
    value: fc.oneof(fc.constant('none' as const), fc.integer({ min: 0, max: 60 })),
  }),
  fc.record({
    programId: idArb,
    date: dateArb,
    how: howArb,
    fact: fc.constant('step2Minimum' as const),
    value: fc.oneof(fc.constant('none' as const), fc.integer({ min: 1, max: 300 })),
  }),
);
// Ten binary units are at most 20 UTF-16 characters, the form's limit.
const formText = fc.string({ unit: 'binary', maxLength: 10 });
const formArb = fc.record({
  ...(Object.fromEntries(Object.keys(profileFormSchema.shape).map((k) => [k, formText])) as Record<
    ProfileFormField,
    fc.Arbitrary<string>
  >),
  states: fc.string({ unit: 'binary', maxLength: 200 }),
  tracks: fc.array(formText, { maxLength: 5 }),
  regions: fc.array(formText, { maxLength: 10 }),
});
const entryArb: fc.Arbitrary<MyListEntry> = fc.record({
  id: idArb,
  note: fc.string({ unit: 'binary', maxLength: MAX_NOTE_LENGTH / 2 }),
  unhappy: fc.boolean(),
});
const stateArb: fc.Arbitrary<PlannerState> = fc
  .record({
    version: fc.constant(STATE_VERSION),
    form: formArb,
    myList: fc.uniqueArray(entryArb, { selector: (e) => e.id, maxLength: 20 }),
    verifications: fc.array(verificationArb, { maxLength: 8 }),
  })
  .map((s) => plannerStateSchema.parse(s));

describe('loadState properties', () => {
  /** What every result must satisfy, whatever the input. */
  function checkResult(raw: string) {
    const r = loadState(raw);
    expect(isValidState(r.state)).toBe(true);
    expect(r.notice === undefined).toBe(r.badValue === undefined);
    if (raw === '') {
      expect(r).toStrictEqual({ state: emptyState() });
    } else if (r.notice === undefined) {
      // Used as is: only when it really was a valid state.
      expect(r.state).toEqual(plannerStateSchema.parse(JSON.parse(raw)));
    } else {
      expect(r.badValue).toBe(raw);
      expect(r.state).toEqual(emptyState());
      expect(r.notice.length).toBeLessThan(1000);
    }
  }

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'binary-ascii' })), (raw) =>
        checkResult(raw),
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => checkResult(JSON.stringify(value) ?? 'null')),
      { numRuns: 2000 },
    );
  });

  it('never throws on version-1 objects with arbitrary parts', () => {
    const part = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant([]), fc.constant({}));
    const listPart = fc.array(
      fc.record(
        { id: fc.oneof(idArb, fc.constant(A), fc.jsonValue({ maxDepth: 1 })), note: part, unhappy: part },
        { requiredKeys: ['id'] },
      ),
      { maxLength: 4 },
    );
    const objectArb = fc.record(
      {
        version: fc.oneof(fc.constant(1), fc.jsonValue({ maxDepth: 2 })),
        form: fc.oneof(part, formArb),
        myList: fc.oneof(part, listPart),
        verifications: fc.oneof(part, fc.array(fc.oneof(verificationArb, part), { maxLength: 3 })),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(objectArb, (value) => checkResult(JSON.stringify(value))),
      { numRuns: 2000 },
    );
  });

  it('round trip: loadState(saveState(s)) is s for every valid state', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        expect(loadState(saveState(s))).toStrictEqual({ state: s });
      }),
      { numRuns: 300 },
    );
  });
});

describe('My list operations', () => {
  const list = Object.freeze([entry(A, 'a'), entry(B, 'b', true), entry(C, 'c')].map((e) => Object.freeze(e)));

  it('adds a program at the end, once', () => {
    expect(addToList(list, D)).toEqual([...list, entry(D)]);
    const again = addToList(list, B);
    expect(again).toEqual(list);
    expect(again).not.toBe(list);
    expect(addToList([], A)).toEqual([entry(A)]);
  });

  it('removes a program, and only that one', () => {
    expect(removeFromList(list, B)).toEqual([list[0], list[2]]);
    expect(removeFromList(list, D)).toEqual(list);
    expect(removeFromList([], A)).toEqual([]);
  });

  it('never holds a program twice, whatever is added and removed', () => {
    const ops = fc.array(fc.tuple(fc.boolean(), fc.constantFrom(A, B, C, D)), { maxLength: 40 });
    fc.assert(
      fc.property(ops, (steps) => {
        let l: MyListEntry[] = [];
        let model: string[] = [];
        for (const [add, id] of steps) {
          l = add ? addToList(l, id) : removeFromList(l, id);
          model = add ? (model.includes(id) ? model : [...model, id]) : model.filter((m) => m !== id);
        }
        expect(l.map((e) => e.id)).toEqual(model);
        expect(isValidState({ ...emptyState(), myList: l })).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    [0, 2, [B, C, A]],
    [2, 0, [C, A, B]],
    [1, 1, [A, B, C]],
    [0, 1, [B, A, C]],
    [0, -5, [A, B, C]],
    [2, -1, [C, A, B]],
    [0, 99, [B, C, A]],
    [1, 3, [A, C, B]],
    [-1, 0, [A, B, C]],
    [3, 0, [A, B, C]],
  ])('moves from %i to %i (clamped): %j', (from, to, ids) => {
    expect(moveInList(list, from, to).map((e) => e.id)).toEqual(ids);
  });

  it('moves within an empty list without trouble', () => {
    expect(moveInList([], 0, 0)).toEqual([]);
  });

  it('a move keeps every entry and puts the moved one at the clamped place', () => {
    const listArb = fc.uniqueArray(entryArb, { selector: (e) => e.id, maxLength: 12 });
    fc.assert(
      fc.property(listArb, fc.integer({ min: -4, max: 16 }), fc.integer({ min: -4, max: 16 }), (l, from, to) => {
        const frozen = Object.freeze(l.map((e) => Object.freeze({ ...e })));
        const moved = moveInList(frozen, from, to);
        expect(moved).toHaveLength(l.length);
        expect(moved.map((e) => e.id).sort()).toEqual(l.map((e) => e.id).sort());
        if (from < 0 || from >= l.length) {
          expect(moved).toEqual(l);
          return;
        }
        const item = frozen[from];
        expect(moved[Math.max(0, Math.min(l.length - 1, to))]).toEqual(item);
        // Everyone else keeps their order.
        expect(moved.filter((e) => e !== item)).toEqual(frozen.filter((e) => e !== item));
      }),
      { numRuns: 500 },
    );
  });

  it('updates one entry note or flag, and nothing else', () => {
    expect(updateEntry(list, B, { note: 'new' })).toEqual([list[0], entry(B, 'new', true), list[2]]);
    expect(updateEntry(list, A, { unhappy: true })).toEqual([entry(A, 'a', true), list[1], list[2]]);
    expect(updateEntry(list, C, { note: '', unhappy: true })).toEqual([list[0], list[1], entry(C, '', true)]);
    expect(updateEntry(list, B, {})).toEqual(list);
    expect(updateEntry(list, D, { note: 'x' })).toEqual(list);
  });

  it(`cuts a note to ${MAX_NOTE_LENGTH} characters, so the saved state stays valid`, () => {
    const long = 'abcdefghij'.repeat(150);
    const [cut] = updateEntry([entry(A)], A, { note: long });
    expect(cut?.note).toHaveLength(MAX_NOTE_LENGTH);
    expect(cut?.note).toBe(long.slice(0, MAX_NOTE_LENGTH));
    const exact = 'z'.repeat(MAX_NOTE_LENGTH);
    expect(updateEntry([entry(A)], A, { note: exact })[0]?.note).toBe(exact);
    expect(isValidState({ ...emptyState(), myList: updateEntry([entry(A)], A, { note: long }) })).toBe(true);
  });

  it.each([
    ['an emoji sequence', '👩🏽‍⚕️'],
    ['a letter with a combining accent', 'e\u0301'],
  ])('never cuts %s in half at the note limit', (_what, char) => {
    // The character starts one code unit before the limit, so a cut by code unit would split it.
    const note = `${'x'.repeat(MAX_NOTE_LENGTH - 1)}${char}tail`;
    const [cut] = updateEntry([entry(A)], A, { note });
    expect(cut?.note).toBe('x'.repeat(MAX_NOTE_LENGTH - 1));
    const fits = `${'x'.repeat(MAX_NOTE_LENGTH - char.length)}${char}tail`;
    expect(updateEntry([entry(A)], A, { note: fits })[0]?.note).toBe(
      `${'x'.repeat(MAX_NOTE_LENGTH - char.length)}${char}`,
    );
  });
});

describe('verification log operations', () => {
  const j1: VerificationEntry = { programId: A, fact: 'j1', value: true, date: '2026-09-12', how: 'email' };
  const log = Object.freeze([j1]);

  it('adds an entry, but not an identical one twice', () => {
    const other: VerificationEntry = { ...j1, programId: B };
    expect(addVerification(log, other)).toEqual([j1, other]);
    const again = addVerification(log, { ...j1 });
    expect(again).toEqual([j1]);
    expect(again).not.toBe(log);
  });

  it.each([
    ['another program', { ...j1, programId: B }],
    ['another fact', { ...j1, fact: 'h1b' }],
    ['another value', { ...j1, value: false }],
    ['another date', { ...j1, date: '2026-09-13' }],
    ['another "how"', { ...j1, how: 'phone' }],
  ] satisfies [string, VerificationEntry][])('keeps an entry that differs only in %s', (_name, different) => {
    expect(addVerification(log, different)).toEqual([j1, different]);
  });

  it('tells a number from "none"', () => {
    const min: VerificationEntry = { programId: A, fact: 'step2Minimum', value: 230, date: '2026-09-12', how: 'x' };
    const withMin = addVerification([], min);
    expect(addVerification(withMin, { ...min, value: 'none' })).toHaveLength(2);
    expect(addVerification(withMin, { ...min, value: 230 })).toHaveLength(1);
  });

  it('removes the entry at an index, and nothing when the index is outside', () => {
    const three = SAMPLE.verifications.slice(0, 3);
    expect(removeVerification(three, 1)).toEqual([three[0], three[2]]);
    expect(removeVerification(three, 0)).toEqual([three[1], three[2]]);
    expect(removeVerification(three, -1)).toEqual(three);
    expect(removeVerification(three, 3)).toEqual(three);
  });
});

describe('limits of My list and the verification log', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `42003${String(i).padStart(5, '0')}`);
  const fullList = ids(MAX_LIST_LENGTH).map((id) => entry(id));
  const answer = (i: number): VerificationEntry => ({
    programId: A,
    fact: 'j1',
    value: true,
    date: '2026-09-12',
    how: `call ${i}`,
  });
  const fullLog = Array.from({ length: MAX_VERIFICATIONS }, (_, i) => answer(i));
  const valid = (patch: Partial<PlannerState>) => plannerStateSchema.safeParse({ ...emptyState(), ...patch }).success;

  it('are the limits of the stored schema', () => {
    expect(valid({ myList: fullList })).toBe(true);
    expect(valid({ myList: [...fullList, entry(D)] })).toBe(false);
    expect(valid({ verifications: fullLog })).toBe(true);
    expect(valid({ verifications: [...fullLog, answer(-1)] })).toBe(false);
  });

  it('adds the last program that fits, then refuses the next one and says why', () => {
    const almost = fullList.slice(0, -1);
    expect(listAddRefusal(almost, D)).toBeNull();
    expect(addToList(almost, D)).toHaveLength(MAX_LIST_LENGTH);
    expect(listAddRefusal(fullList, D)).toBe('list-full');
    const refused = addToList(fullList, D);
    expect(refused).toEqual(fullList);
    expect(refused).not.toBe(fullList);
    expect(valid({ myList: refused })).toBe(true);
    // A program already on a full list is "already on it", not "full".
    expect(listAddRefusal(fullList, fullList[0]?.id ?? '')).toBe('on-list');
  });

  it('records the last answer that fits, then refuses the next one and says why', () => {
    const almost = fullLog.slice(0, -1);
    expect(verificationAddRefusal(almost, answer(-1))).toBeNull();
    expect(addVerification(almost, answer(-1))).toHaveLength(MAX_VERIFICATIONS);
    expect(verificationAddRefusal(fullLog, answer(-1))).toBe('log-full');
    expect(addVerification(fullLog, answer(-1))).toEqual(fullLog);
    expect(verificationAddRefusal(fullLog, answer(0))).toBe('in-log');
  });

  it('words each refusal, with the limit it hit', () => {
    expect(ADD_REFUSAL_MESSAGE['list-full']).toContain(`at most ${MAX_LIST_LENGTH} programs`);
    expect(ADD_REFUSAL_MESSAGE['log-full']).toContain(`at most ${MAX_VERIFICATIONS} answers`);
    expect(new Set(Object.values(ADD_REFUSAL_MESSAGE)).size).toBe(4);
  });
});

/**
 * An RFC 4180 reader: CRLF between records (a bare CR or LF outside quotes is an error), "" for a quote
 * inside a quoted field. An unquoted field may hold quotes only as the ="…" text formula, as Excel reads it.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('a quoted field is not closed');
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          cell += '"';
          i += 2;
        } else cell += text[i++];
      }
      i++;
      if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') cell += text[i++];
      if (cell.includes('"') && !/^="[^"]*"$/.test(cell)) throw new Error(`a quote in an unquoted field: ${cell}`);
    }
    row.push(cell);
    if (i >= text.length) {
      rows.push(row);
      return rows;
    }
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] !== '\r' || text[i + 1] !== '\n') throw new Error(`a line break that is not CRLF at ${i}`);
    i += 2;
    rows.push(row);
    row = [];
    if (i === text.length) return rows;
  }
}

const HEADER = [
  'Rank',
  'ACGME ID',
  'Program',
  'Track',
  'City',
  'State',
  'Eligibility',
  'Interview chance',
  'Band',
  'Note',
];
const FIELDS: (keyof CsvRow)[] = [
  'rank',
  'id',
  'name',
  'track',
  'city',
  'state',
  'eligibility',
  'chance',
  'band',
  'note',
];
const FORMULA_START = /^[=+\-@\t\r]/;

/** The CSV's records, after checking the BOM and the final CRLF. */
function recordsOf(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  return parseCsv(csv.slice(1));
}

/** A cell back as the value it shows: the ID's ="…" unwrapped, a neutralizing apostrophe removed. */
function shown(cell: string, column: number, original: string): string {
  if (FIELDS[column] === 'id') {
    expect(cell).toMatch(/^="\d{10}"$/);
    return cell.slice(2, -1);
  }
  if (FORMULA_START.test(original)) {
    expect(cell).toBe(`'${original}`);
    return cell.slice(1);
  }
  return cell;
}

const row = (over: Partial<CsvRow> = {}): CsvRow => ({
  rank: 1,
  id: A,
  name: 'Example University Hospital',
  track: 'Diagnostic Radiology',
  city: 'Albany',
  state: 'NY',
  eligibility: 'Eligible',
  chance: '12%',
  band: 'Target',
  note: '',
  ...over,
});

describe('myListCsv', () => {
  it('is a BOM, the header and CRLF, even with no rows', () => {
    expect(myListCsv([])).toBe(`\uFEFF${HEADER.join(',')}\r\n`);
  });

  it('writes the ACGME ID as ="…" so leading zeros survive', () => {
    const csv = myListCsv([row({ id: '0420521001' }), row({ rank: 2, id: '4200100002' })]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(
      '1,="0420521001",Example University Hospital,Diagnostic Radiology,Albany,NY,Eligible,12%,Target,',
    );
    expect(lines[2]?.startsWith('2,="4200100002",')).toBe(true);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(csv.slice(1).replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps commas, quotes, line breaks and accents in a note', () => {
    const note = 'Called 2026-09-12, said "yes"; J-1 ok\r\nPD: Dr. Müller\nCafé é ü 中文 😀 and a tab\there';
    const rows = [
      row({ note, name: 'St. Mary\'s, "Main" Campus', city: 'Zürich, NY' }),
      row({ rank: 2, id: B, note: '"' }),
      row({ rank: 3, id: C, note: '\n' }),
    ];
    const records = recordsOf(myListCsv(rows));
    expect(records[0]).toEqual(HEADER);
    expect(records).toHaveLength(rows.length + 1);
    rows.forEach((r, n) => {
      const cells = records[n + 1] ?? [];
      expect(cells).toHaveLength(HEADER.length);
      expect(cells.map((c, k) => shown(c, k, String(r[FIELDS[k] as keyof CsvRow])))).toEqual(
        FIELDS.map((f) => String(r[f])),
      );
    });
    expect(records[1]?.[9]).toBe(note);
  });

  it.each(['=HYPERLINK("http://x","click")', '+1', '-5 not great', '@SUM(A1:A2)', '\tx', '\r\n=1+1', '=', '-'])(
    'neutralizes a note that starts like a formula: %j',
    (note) => {
      const records = recordsOf(myListCsv([row({ note })]));
      expect(records[1]?.[9]).toBe(`'${note}`);
    },
  );

  it('leaves a note alone when the formula sign is not first', () => {
    for (const note of ['a=b', ' =1', "'=1", '1+1', 'e-mail']) {
      expect(recordsOf(myListCsv([row({ note })]))[1]?.[9]).toBe(note);
    }
  });

  it('neutralizes the other text columns too', () => {
    const records = recordsOf(myListCsv([row({ name: '=cmd', city: '+x', chance: '-', band: '@b' })]));
    expect(records[1]).toMatchObject({ 2: "'=cmd", 4: "'+x", 7: "'-", 8: "'@b" });
  });

  it('every note and name survives the trip through a CSV reader', () => {
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));
    const rowArb = fc.record({
      id: idArb,
      name: text,
      track: fc.constantFrom('Diagnostic Radiology', 'IR–Integrated'),
      city: text,
      state: fc.constantFrom('NY', 'CA', 'PR'),
      eligibility: text,
      chance: text,
      band: text,
      note: fc.oneof(text, fc.constantFrom('=1+1', '"a","b"\r\n', ',;\n\r"')),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 6 }), (partial) => {
        const rows = partial.map((r, n): CsvRow => ({ ...r, rank: n + 1 }));
        const records = recordsOf(myListCsv(rows));
        expect(records).toHaveLength(rows.length + 1);
        rows.forEach((r, n) => {
          const cells = records[n + 1] ?? [];
          expect(cells.map((c, k) => shown(c, k, String(r[FIELDS[k] as keyof CsvRow])))).toEqual(
            FIELDS.map((f) => String(r[f])),
          );
        });
      }),
      { numRuns: 500 },
    );
  });
});
