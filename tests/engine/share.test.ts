import fc from 'fast-check';
import LZString from 'lz-string';
import compact from '../../src/generated/programs.min.json';
import { emptyState, type PlannerState } from '../../src/engine/planner/planner-state';
import { defaultProfileForm, profileFormSchema } from '../../src/engine/planner/profile-form';
import {
  DEFAULT_SHARE_OPTIONS,
  MAX_FRAGMENT_LENGTH,
  MAX_UNPACKED_LENGTH,
  SHARE_MESSAGES,
  V1_FORM_KEYS,
  buildSharePayload,
  decodeShareFragment,
  encodeShareFragment,
  fragmentForPackedData,
  isEmptyPayload,
  linkLengthNote,
  sharePayloadSchema,
  shareUrl,
  type SharePayload,
} from '../../src/engine/share/share';
import { LZ_URI_ALPHABET, unpackLzUri } from '../../src/engine/share/share-lz';

const IDS: string[] = (compact as { p: { i: string }[] }).p.map((p) => p.i);
const ROOT = 'https://ir-pathway.example.org/';

/** A valid fragment for a payload (the test fails if it cannot be encoded). */
function fragmentOf(payload: SharePayload): string {
  const e = encodeShareFragment(sharePayloadSchema.parse(payload));
  if (!e.ok) throw new Error(e.message);
  return e.fragment;
}

const pack = (text: string) => fragmentForPackedData(LZString.compressToEncodedURIComponent(text));

// 2,260 characters that lz-string itself unpacks to a million (2 MB): each code repeats the last, longer entry.
const BOMB = LZString.compressToEncodedURIComponent('a'.repeat(1_000_000));

const SAMPLE: SharePayload = {
  list: [
    { id: IDS[0] ?? '', note: 'J-1 yes (email 2026-09-12)', unhappy: false },
    { id: IDS[1] ?? '', note: '', unhappy: true },
    { id: IDS[2] ?? '', note: '<b>bold</b>', unhappy: false },
  ],
  verifications: [{ programId: IDS[0] ?? '', fact: 'j1', value: true, date: '2026-09-12', how: 'email' }],
  form: null,
};

describe('share link form', () => {
  it('puts the version after "#" under <base>share/', () => {
    const link = shareUrl(ROOT, fragmentOf(SAMPLE));
    expect(link).toMatch(/^https:\/\/ir-pathway\.example\.org\/share\/#v1\.[A-Za-z0-9+\-$]+\.[0-9a-z]+$/);
    expect(shareUrl('https://u.github.io/ir-pathway', 'v1.x.y')).toBe('https://u.github.io/ir-pathway/share/#v1.x.y');
  });

  it('decodes a whole link, a fragment with "#", and one without', () => {
    const fragment = fragmentOf(SAMPLE);
    for (const input of [fragment, `#${fragment}`, shareUrl(ROOT, fragment), ` ${shareUrl(ROOT, fragment)}\n`]) {
      expect(decodeShareFragment(input)).toEqual({ ok: true, version: 1, payload: SAMPLE });
    }
  });

  it('survives what apps do to links: percent-encoding, "+" as space, closing punctuation', () => {
    const fragment = fragmentOf(SAMPLE);
    const variants = [
      fragment.replace(/\$/g, '%24').replace(/\+/g, '%2B'),
      fragment.replace(/\+/g, ' '),
      `${fragment}.`,
      `${fragment}).`,
      `${fragment}”`,
    ];
    for (const v of variants) expect(decodeShareFragment(v)).toMatchObject({ ok: true, payload: SAMPLE });
  });
});

describe('what goes in', () => {
  const state: PlannerState = {
    ...emptyState(),
    form: { ...defaultProfileForm(), step2Score: '250' },
    myList: [
      { id: '4200300935', note: 'mine', unhappy: true },
      { id: '4160300003', note: '', unhappy: false },
    ],
    verifications: [{ programId: '4200300935', fact: 'h1b', value: false, date: '2026-01-02', how: 'call' }],
  };

  it.each([
    ['the defaults: list with notes and facts, no profile', DEFAULT_SHARE_OPTIONS, true, true, 1, false],
    ['without notes', { ...DEFAULT_SHARE_OPTIONS, notes: false }, true, false, 1, false],
    ['without facts', { ...DEFAULT_SHARE_OPTIONS, verifications: false }, true, true, 0, false],
    ['with the profile', { ...DEFAULT_SHARE_OPTIONS, profile: true }, true, true, 1, true],
    ['facts only', { list: false, notes: true, verifications: true, profile: false }, false, false, 1, false],
  ] as const)('%s', (_name, options, list, notes, facts, profile) => {
    const p = decodeShareFragment(fragmentOf(buildSharePayload(state, options)));
    if (!p.ok) throw new Error(p.message);
    expect(p.payload.list.map((e) => e.id)).toEqual(list ? ['4200300935', '4160300003'] : []);
    expect(p.payload.list[0]?.note ?? '').toBe(notes ? 'mine' : '');
    expect(p.payload.list[0]?.unhappy ?? false).toBe(notes);
    expect(p.payload.verifications).toHaveLength(facts);
    expect(p.payload.form).toEqual(profile ? state.form : null);
  });

  it('the profile is off by default', () => {
    expect(DEFAULT_SHARE_OPTIONS.profile).toBe(false);
  });

  it('knows an empty payload', () => {
    expect(isEmptyPayload(buildSharePayload(emptyState(), DEFAULT_SHARE_OPTIONS))).toBe(true);
    expect(
      isEmptyPayload(buildSharePayload(state, { ...DEFAULT_SHARE_OPTIONS, list: false, verifications: false })),
    ).toBe(true);
  });

  it('v1 carries every field of the profile form (a new field needs a new link version to travel)', () => {
    expect([...V1_FORM_KEYS].sort()).toEqual(Object.keys(profileFormSchema.shape).sort());
  });
});

// ---------------------------------------------------------------------------------------------
// Sizes: a 60-program list without notes fits in under 1,500 URL characters.
// ---------------------------------------------------------------------------------------------

/** A realistic note for rank i: facts, dates and impressions, different for each program. */
function noteFor(i: number): string {
  const parts = [
    `Emailed coordinator ${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}`,
    i % 3 === 0 ? 'J-1 only, no H-1B' : i % 3 === 1 ? 'sponsors J-1 and H-1B' : 'visa: no answer yet',
    i % 4 === 0 ? 'strong IR, IR–Integrated on site' : i % 4 === 1 ? 'community, few IMGs' : `${(i % 5) + 1} IMGs now`,
    i % 2 === 0 ? `Step 2 cut-off ${225 + (i % 20)}` : 'no score cut-off stated',
  ];
  return parts.join('; ');
}

/** Programs in a fixed shuffled order (a rank list is not sorted by ID). */
function rankedIds(count: number): string[] {
  let seed = 7;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const ids = [...IDS];
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [ids[i], ids[j]] = [ids[j] ?? '', ids[i] ?? ''];
  }
  return ids.slice(0, count);
}

/** Length of the whole link for a list of `count` programs. */
function linkLength(count: number, notes: boolean): number {
  const list = rankedIds(count).map((id, i) => ({ id, note: notes ? noteFor(i) : '', unhappy: false }));
  return shareUrl(ROOT, fragmentOf({ list, verifications: [], form: null })).length;
}

describe('link length', () => {
  it('a 60-program list without notes is under 1,500 characters', () => {
    expect(linkLength(60, false)).toBeLessThan(1500);
  });

  it('grows with the list (10, 60, 150 programs, with and without notes)', () => {
    const rows = [10, 60, 150].map((n) => ({ programs: n, without: linkLength(n, false), with: linkLength(n, true) }));
    for (const r of rows) expect(r.with).toBeGreaterThan(r.without);
    expect(rows.map((r) => r.without)).toEqual([...rows.map((r) => r.without)].sort((a, b) => a - b));
    expect(rows[0]?.without).toBeLessThan(200);
  });

  it('warns above 2,000 characters', () => {
    expect(linkLengthNote('x'.repeat(2000)).warning).toBeNull();
    expect(linkLengthNote('x'.repeat(2001)).warning).toMatch(/^This link is 2,001 characters long\./);
  });

  it('refuses to encode a payload too large to be read back', () => {
    const list = IDS.slice(0, 296).map((id, i) => ({
      id,
      note: `${i} ${'x'.repeat(995)}`.slice(0, 1000),
      unhappy: false,
    }));
    const e = encodeShareFragment(sharePayloadSchema.parse({ list, verifications: [], form: null }));
    expect(e.ok).toBe(false);
    expect(e.ok ? '' : e.message).toMatch(/^This is too much for one link \([\d,]+ characters\)\./);
  });
});

// ---------------------------------------------------------------------------------------------
// Bad links: each class has its exact message and never throws.
// ---------------------------------------------------------------------------------------------

describe('bad links', () => {
  const good = fragmentOf(SAMPLE);
  const [, data = '', check = ''] = good.split('.');
  const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);
  const wire = (w: unknown) => pack(JSON.stringify(w));

  it.each([
    ['empty', '', 'empty', SHARE_MESSAGES.empty],
    ['only a "#"', '#', 'empty', SHARE_MESSAGES.empty],
    ['not a share link', '#section-2', 'not-share-link', SHARE_MESSAGES['not-share-link']],
    ['no version', `#${data}.${check}`, 'not-share-link', SHARE_MESSAGES['not-share-link']],
    ['unknown version', `#v2.${data}.${check}`, 'unknown-version', SHARE_MESSAGES['unknown-version'](2)],
    ['future version', '#v17.abc.def', 'unknown-version', SHARE_MESSAGES['unknown-version'](17)],
    [
      'too long',
      `#v1.${'A'.repeat(MAX_FRAGMENT_LENGTH)}.x`,
      'too-long',
      SHARE_MESSAGES['too-long'](MAX_FRAGMENT_LENGTH + 5),
    ],
    ['very long', 'v1.' + 'A'.repeat(200_000), 'too-long', SHARE_MESSAGES['too-long'](200_003)],
    ['truncated in the data', good.slice(0, Math.floor(good.length / 2)), 'damaged', SHARE_MESSAGES.damaged],
    ['truncated in the checksum', good.slice(0, -2), 'damaged', SHARE_MESSAGES.damaged],
    ['checksum cut off', `v1.${data}`, 'damaged', SHARE_MESSAGES.damaged],
    ['tampered data', `v1.${flip(data, 20)}.${check}`, 'damaged', SHARE_MESSAGES.damaged],
    ['tampered last character', `v1.${flip(data, data.length - 1)}.${check}`, 'damaged', SHARE_MESSAGES.damaged],
    ['tampered checksum', `v1.${data}.${flip(check, 0)}`, 'damaged', SHARE_MESSAGES.damaged],
    ['characters outside the alphabet', fragmentForPackedData('abc!def'), 'damaged', SHARE_MESSAGES.damaged],
    ['packed data cut short', fragmentForPackedData(data.slice(0, -3)), 'damaged', SHARE_MESSAGES.damaged],
    ['broken percent-encoding', `v1.${data}%E0%A4%A.${check}`, 'damaged', SHARE_MESSAGES.damaged],
    ['not JSON inside', pack('not json'), 'damaged', SHARE_MESSAGES.damaged],
    ['oversized inside', pack(`["${'1'.repeat(MAX_UNPACKED_LENGTH)}"]`), 'too-large', SHARE_MESSAGES['too-large']],
    ['a decompression bomb', fragmentForPackedData(BOMB), 'too-large', SHARE_MESSAGES['too-large']],
    ['an object, not the wire array', wire({ list: [] }), 'invalid', SHARE_MESSAGES.invalid],
    ['an empty array', wire([]), 'invalid', SHARE_MESSAGES.invalid],
    ['too many parts', wire(['', 0, 0, 0, 0, 0]), 'invalid', SHARE_MESSAGES.invalid],
    ['an ID of 9 digits', wire(['420030093']), 'invalid', SHARE_MESSAGES.invalid],
    ['an ID with a letter', wire(['420030093x']), 'invalid', SHARE_MESSAGES.invalid],
    ['a program twice', wire(['42003009354200300935']), 'invalid', SHARE_MESSAGES.invalid],
    ['more notes than programs', wire(['4200300935', ['a', 'b']]), 'invalid', SHARE_MESSAGES.invalid],
    ['a note over 1,000 characters', wire(['4200300935', ['x'.repeat(1001)]]), 'invalid', SHARE_MESSAGES.invalid],
    ['a mark past the list', wire(['4200300935', 0, [1]]), 'invalid', SHARE_MESSAGES.invalid],
    ['a mark twice', wire(['42003009354160300003', 0, [0, 0]]), 'invalid', SHARE_MESSAGES.invalid],
    [
      'an unknown fact',
      wire(['', 0, 0, [['4200300935', 4, true, '2026-01-01', 'x']]]),
      'invalid',
      SHARE_MESSAGES.invalid,
    ],
    [
      'a fact with a wrong value',
      wire(['', 0, 0, [['4200300935', 0, 5, '2026-01-01', 'x']]]),
      'invalid',
      SHARE_MESSAGES.invalid,
    ],
    [
      'a fact without how',
      wire(['', 0, 0, [['4200300935', 1, true, '2026-01-01', '  ']]]),
      'invalid',
      SHARE_MESSAGES.invalid,
    ],
    ['a bad date', wire(['', 0, 0, [['4200300935', 1, true, '1st May', 'x']]]), 'invalid', SHARE_MESSAGES.invalid],
    ['a form of the wrong length', wire(['', 0, 0, 0, ['a']]), 'invalid', SHARE_MESSAGES.invalid],
    ['a form with a wrong type', wire(['', 0, 0, 0, V1_FORM_KEYS.map(() => ['x'])]), 'invalid', SHARE_MESSAGES.invalid],
    ['__proto__ tricks', pack('{"__proto__":{"polluted":1}}'), 'invalid', SHARE_MESSAGES.invalid],
  ])('%s', (_name, input, code, message) => {
    expect(decodeShareFragment(input)).toEqual({ ok: false, code, message });
  });

  it('states each message plainly', () => {
    expect(SHARE_MESSAGES.damaged).toBe(
      'This link is damaged or incomplete: part of it was cut off or changed after it was made. Nothing was read. Ask the sender to copy the whole link again.',
    );
    expect(SHARE_MESSAGES['unknown-version'](2)).toBe(
      'This link uses share format v2, which this version of IR Pathway cannot read (it reads v1). Nothing was read.',
    );
    expect(SHARE_MESSAGES['too-large']).toBe(
      'This link unpacks to more than 65,536 characters, more than a share link may hold, so it was not read.',
    );
  });

  it('keeps notes with markup exactly as written (the view renders them as text)', () => {
    const note = '<script>alert(1)</script><img src=x onerror="alert(2)">';
    const payload = { list: [{ id: '4200300935', note, unhappy: false }], verifications: [], form: null };
    expect(decodeShareFragment(fragmentOf(payload))).toMatchObject({ ok: true, payload });
  });

  it('keeps program IDs it does not know (the view names them and leaves them out)', () => {
    const payload = { list: [{ id: '4209999999', note: '', unhappy: false }], verifications: [], form: null };
    expect(decodeShareFragment(fragmentOf(payload))).toMatchObject({ ok: true, payload });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

// Any UTF-16 code unit, lone surrogates included, as well as whole code points.
const anyText = (maxLength: number) =>
  fc.string({
    unit: fc.oneof(
      fc.constantFrom('<', '>', '&', '"', '\\', '\n', ' '),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    ),
    maxLength,
  });

const idArb = fc.integer({ min: 0, max: 9_999_999_999 }).map((n) => String(n).padStart(10, '0'));
const dateArb = fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/);
const howArb = anyText(200)
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const verificationArb = fc.oneof(
  fc.record({ programId: idArb, date: dateArb, how: howArb, fact: fc.constant('j1' as const), value: fc.boolean() }),
  fc.record({ programId: idArb, date: dateArb, how: howArb, fact: fc.constant('h1b' as const), value: fc.boolean() }),
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
const short = (max: number) => anyText(max);
const formArb = fc.record(
  Object.fromEntries(
    V1_FORM_KEYS.map((k) => [
      k,
      k === 'tracks'
        ? fc.array(short(20), { maxLength: 5 })
        : k === 'regions'
          ? fc.array(short(20), { maxLength: 10 })
          : short(k === 'states' ? 400 : k === 'step1' || k === 'step3' ? 40 : 20),
    ]),
  ),
);
/** Every valid payload, as the schema gives it. */
const payloadArb: fc.Arbitrary<SharePayload> = fc
  .record({
    list: fc.uniqueArray(
      fc.record({ id: idArb, note: fc.oneof(fc.constant(''), anyText(120), anyText(1000)), unhappy: fc.boolean() }),
      { selector: (e) => e.id, maxLength: 40 },
    ),
    verifications: fc.array(verificationArb, { maxLength: 12 }),
    form: fc.option(formArb, { nil: null }),
  })
  .map((p) => sharePayloadSchema.parse(p));

/** A decoding is either a valid payload or a plain failure. */
function expectSound(input: string) {
  const d = decodeShareFragment(input);
  if (d.ok) {
    expect(sharePayloadSchema.parse(d.payload)).toEqual(d.payload);
  } else {
    expect(d.message.length).toBeGreaterThan(10);
    expect(Object.keys(SHARE_MESSAGES)).toContain(d.code);
  }
}

describe('properties', () => {
  it('encode → decode gives back every valid payload', () => {
    let refused = 0;
    fc.assert(
      fc.property(payloadArb, (payload) => {
        const e = encodeShareFragment(payload);
        // Too large for a link: refused when encoding, never half-written.
        if (!e.ok) {
          refused++;
          return;
        }
        expect(decodeShareFragment(shareUrl(ROOT, e.fragment))).toEqual({ ok: true, version: 1, payload });
      }),
      { numRuns: 1000 },
    );
    expect(refused).toBeLessThan(50);
  });

  it('decoding any string never throws and never gives an invalid payload', () => {
    const fragmentLike = fc
      .tuple(
        fc.constantFrom('', '#', 'v1.', '#v1.', 'v2.', 'https://x.org/share/#v1.'),
        fc.string({ unit: fc.constantFrom(...LZ_URI_ALPHABET, '.', '%', ' '), maxLength: 300 }),
      )
      .map(([head, tail]) => head + tail);
    fc.assert(
      fc.property(fc.oneof(anyText(400), fragmentLike), (s) => expectSound(s)),
      { numRuns: 10_000 },
    );
  });

  it('decoding any packed JSON (with a correct checksum) never throws and never gives an invalid payload', () => {
    const wireLike = fc.oneof(
      fc.jsonValue(),
      fc.tuple(
        fc.oneof(
          idArb,
          fc.array(idArb, { maxLength: 4 }).map((a) => a.join('')),
          fc.string(),
        ),
        fc.oneof(fc.constant(0), fc.array(anyText(20), { maxLength: 5 })),
        fc.oneof(fc.constant(0), fc.array(fc.integer({ min: -2, max: 6 }), { maxLength: 4 })),
        fc.oneof(
          fc.constant(0),
          fc.array(fc.tuple(idArb, fc.integer({ min: -1, max: 4 }), fc.jsonValue(), dateArb, anyText(10)), {
            maxLength: 3,
          }),
        ),
        fc.oneof(
          fc.constant(0),
          fc.array(fc.oneof(anyText(5), fc.array(anyText(5), { maxLength: 3 })), { minLength: 21, maxLength: 23 }),
        ),
      ),
    );
    fc.assert(
      fc.property(wireLike, (w) => expectSound(pack(JSON.stringify(w) ?? 'null'))),
      { numRuns: 3000 },
    );
  });
});

describe('bounded unpacking (share-lz)', () => {
  it('gives what lz-string packed, for any text', () => {
    fc.assert(
      fc.property(anyText(2000), (text) => {
        expect(unpackLzUri(LZString.compressToEncodedURIComponent(text), Infinity)).toEqual({ ok: true, text });
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with lz-string on any input in the alphabet it reads', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...LZ_URI_ALPHABET), minLength: 1, maxLength: 200 }), (s) => {
        const mine = unpackLzUri(s, Infinity);
        if (mine.ok) expect(mine.text).toBe(LZString.decompressFromEncodedURIComponent(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('stops a small link that would unpack to megabytes', () => {
    expect(BOMB.length).toBeLessThan(2500);
    expect(LZString.decompressFromEncodedURIComponent(BOMB)).toHaveLength(1_000_000);
    const t0 = performance.now();
    expect(unpackLzUri(BOMB, MAX_UNPACKED_LENGTH)).toEqual({ ok: false, reason: 'too-large' });
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it('reads exactly up to the limit', () => {
    const text = 'b'.repeat(1000);
    const packed = LZString.compressToEncodedURIComponent(text);
    expect(unpackLzUri(packed, 1000)).toEqual({ ok: true, text });
    expect(unpackLzUri(packed, 999)).toEqual({ ok: false, reason: 'too-large' });
  });
});
