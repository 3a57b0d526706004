/**
 * Share links: what a user chose to share (My list in rank order, with or without notes; verified
 * facts; optionally the profile form) packed into the URL fragment, which browsers never send to a
 * server. Link form: `<origin><base>share/#v1.<data>.<check>`, where `data` is lz-string's URL-safe
 * packing of a compact JSON array and `check` a checksum of `data`, so a cut-off or altered link is
 * caught before anything is read. Decoding never throws: a bad link gives a plain message.
 *
 * Old links must keep working: the v1 wire form below is frozen (tests decode committed v1 links).
 * A later change to what a link carries gets a new version and a new reader beside this one.
 */
import LZString from 'lz-string';
import { numberIn, z } from '../util/zod';
import { acgmeIdSchema } from '../data/program';
import {
  MAX_LIST_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_VERIFICATIONS,
  myListEntrySchema,
  type PlannerState,
} from '../planner/planner-state';
import { profileFormSchema, type ProfileForm } from '../planner/profile-form';
import { unpackLzUri } from './share-lz';
import { verificationEntrySchema, type VerificationEntry } from '../planner/verification';
import { groupThousands } from '../util/format';

/** The share-link format this version writes. */
export const SHARE_VERSION = 1;

/** Longest fragment (after `#`) a link may have; longer input is not read at all. */
export const MAX_FRAGMENT_LENGTH = 32_768;

/** Most characters a link may unpack to (64 K UTF-16 code units); unpacking stops there. */
export const MAX_UNPACKED_LENGTH = 65_536;

/** Above this many characters some apps and mail programs cut a link, so the builder warns. */
export const LONG_LINK_WARNING_LENGTH = 2_000;

/** Most programs a link carries (as many as My list holds). */
export const MAX_SHARED_PROGRAMS = MAX_LIST_LENGTH;

/** Most verified facts a link carries (as many as the verification log holds). */
export const MAX_SHARED_FACTS = MAX_VERIFICATIONS;

/** What a share link carries, decoded and validated. */
export const sharePayloadSchema = z.object({
  /** My list in the sender's rank order; notes are empty when the sender left them out. */
  list: z.array(myListEntrySchema).check(
    z.maxLength(MAX_SHARED_PROGRAMS),
    z.refine((l) => new Set(l.map((e) => e.id)).size === l.length, 'the list has a program twice'),
  ),
  /** Verification-log entries. */
  verifications: z.array(verificationEntrySchema).check(z.maxLength(MAX_SHARED_FACTS)),
  /** The sender's profile form, only when they chose to share it. */
  form: z.nullable(profileFormSchema),
});
export type SharePayload = z.infer<typeof sharePayloadSchema>;

/** What the sender chose to put in a link. */
export interface ShareOptions {
  /** My list in rank order. */
  readonly list: boolean;
  /** The notes and "would be unhappy there" marks on My list (only with the list). */
  readonly notes: boolean;
  /** The verification log. */
  readonly verifications: boolean;
  /** The profile form: scores, visa, graduation year. Off unless the sender turns it on. */
  readonly profile: boolean;
}

/** The builder's starting choices: list, notes and facts on; the profile off. */
export const DEFAULT_SHARE_OPTIONS: ShareOptions = { list: true, notes: true, verifications: true, profile: false };

/** The warning shown beside the profile checkbox. */
export const PROFILE_WARNING =
  'Your profile holds your exam scores, visa need, graduation year and experience. Anyone who gets the link can read them, and a link cannot be taken back once sent. Include it only for someone you trust, such as a mentor.';

/** The payload a user's choices give from their planner state. */
export function buildSharePayload(state: PlannerState, options: ShareOptions): SharePayload {
  return {
    list: options.list
      ? state.myList.map((e) => ({ id: e.id, note: options.notes ? e.note : '', unhappy: options.notes && e.unhappy }))
      : [],
    verifications: options.verifications ? state.verifications.map((v) => ({ ...v })) : [],
    form: options.profile ? { ...state.form, tracks: [...state.form.tracks], regions: [...state.form.regions] } : null,
  };
}

/** Whether a payload carries anything at all. */
export function isEmptyPayload(payload: SharePayload): boolean {
  return payload.list.length === 0 && payload.verifications.length === 0 && payload.form === null;
}

// ---------------------------------------------------------------------------------------------
// Wire form v1 (frozen): [ids, notes, unhappy, facts, form]; an absent part is 0, trailing 0s dropped.
//   ids      every ACGME ID in rank order, concatenated (10 digits each): packs far better than a list
//   notes    notes by rank, trailing empty ones dropped
//   unhappy  ranks (0-based) the sender marked "would be unhappy there"
//   facts    [programId, fact index in V1_FACTS, value, date, how]
//   form     the form's values in V1_FORM_KEYS order
// ---------------------------------------------------------------------------------------------

/** Fact names by their v1 index. */
const V1_FACTS = [
  'j1',
  'h1b',
  'maxYearsSinceGraduation',
  'step2Minimum',
] as const satisfies readonly VerificationEntry['fact'][];

/** Profile-form keys in v1 order; frozen, so a field added to the form later is not part of v1. */
export const V1_FORM_KEYS = [
  'step1',
  'step2Score',
  'step2Attempts',
  'step3',
  'ecfmg',
  'graduationYear',
  'visa',
  'handsOn',
  'externship',
  'observership',
  'usResearch',
  'lettersIr',
  'lettersDr',
  'lettersOther',
  'irPublications',
  'otherPublications',
  'abstracts',
  'honours',
  'tracks',
  'regions',
  'states',
  'budget',
] as const satisfies readonly (keyof ProfileForm)[];

const absent = z.literal(0);
/** Text of at most `max` characters. */
const textUpTo = (max: number) => z.string().check(z.maxLength(max));
/** A list of at most `max` items. */
const listUpTo = <T extends z.core.SomeType>(item: T, max: number) => z.array(item).check(z.maxLength(max));
/** A whole number from 0 to `max`. */
const indexUpTo = (max: number) => numberIn(0, max);

// The wire's fixed-length arrays are read by position into objects and checked with object schemas
// (zod's tuple would add about 0.6 KB gzip to every page that loads the engine). An array of another
// length, or anything that is not an array, becomes null and fails.
/** A fixed-length array as an object with these names for its positions, or null. */
const byPosition = (names: readonly string[], value: unknown) =>
  Array.isArray(value) && value.length === names.length
    ? Object.fromEntries(names.map((name, i) => [name, value[i]]))
    : null;

/** One verified fact on the wire: [programId, fact index in V1_FACTS, value, date, how]. */
const WIRE_FACT_PARTS = ['programId', 'fact', 'value', 'date', 'how'] as const;
const wireFactV1Schema = z.pipe(
  z.transform((value) => byPosition(WIRE_FACT_PARTS, value)),
  z.object({
    programId: acgmeIdSchema,
    fact: indexUpTo(V1_FACTS.length - 1),
    value: z.union([z.boolean(), z.number(), textUpTo(10)]),
    date: textUpTo(10),
    how: textUpTo(400),
  }),
);

/** The profile form on the wire: its values in V1_FORM_KEYS order. */
const wireFormV1Schema = z.pipe(
  z.transform((value) => byPosition(V1_FORM_KEYS, value)),
  z.object(Object.fromEntries(V1_FORM_KEYS.map((key) => [key, z.union([textUpTo(400), listUpTo(textUpTo(20), 10)])]))),
);

/** The five parts of the v1 wire array, in order. */
const WIRE_PARTS = ['ids', 'notes', 'unhappy', 'facts', 'form'] as const;
const wireV1Schema = z.object({
  ids: z.string().check(z.maxLength(MAX_SHARED_PROGRAMS * 10), z.regex(/^(?:\d{10})*$/)),
  notes: z.union([absent, listUpTo(textUpTo(MAX_NOTE_LENGTH), MAX_SHARED_PROGRAMS)]),
  unhappy: z.union([absent, listUpTo(indexUpTo(MAX_SHARED_PROGRAMS - 1), MAX_SHARED_PROGRAMS)]),
  facts: z.union([absent, listUpTo(wireFactV1Schema, MAX_SHARED_FACTS)]),
  form: z.union([absent, wireFormV1Schema]),
});

/** The payload as the v1 wire array. */
function toWireV1(payload: SharePayload): unknown[] {
  const ids = payload.list.map((e) => e.id).join('');
  const notes = payload.list.map((e) => e.note);
  while (notes.length > 0 && notes[notes.length - 1] === '') notes.pop();
  const unhappy = payload.list.flatMap((e, i) => (e.unhappy ? [i] : []));
  const facts = payload.verifications.map((v) => [v.programId, V1_FACTS.indexOf(v.fact), v.value, v.date, v.how]);
  const form = payload.form ? V1_FORM_KEYS.map((k) => payload.form?.[k] ?? '') : 0;
  const wire: unknown[] = [ids, notes.length ? notes : 0, unhappy.length ? unhappy : 0, facts.length ? facts : 0, form];
  while (wire.length > 1 && wire[wire.length - 1] === 0) wire.pop();
  return wire;
}

/** The payload from a v1 wire array, or null when it does not hold a valid payload. */
function fromWireV1(json: unknown): SharePayload | null {
  // Absent trailing parts were dropped when encoding; put them back so all five parts are there.
  const padded = Array.isArray(json) && json.length >= 1 && json.length <= 5 ? [...json, 0, 0, 0, 0].slice(0, 5) : null;
  const wire = wireV1Schema.safeParse(byPosition(WIRE_PARTS, padded));
  if (!wire.success) return null;
  const { ids, notes, unhappy, facts, form } = wire.data;
  const idList = ids.match(/\d{10}/g) ?? [];
  if (notes !== 0 && notes.length > idList.length) return null;
  if (unhappy !== 0 && (new Set(unhappy).size !== unhappy.length || unhappy.some((i) => i >= idList.length)))
    return null;
  const marked = new Set(unhappy === 0 ? [] : unhappy);
  const candidate = {
    list: idList.map((id, i) => ({ id, note: notes === 0 ? '' : (notes[i] ?? ''), unhappy: marked.has(i) })),
    verifications:
      facts === 0
        ? []
        : facts.map(({ programId, fact, value, date, how }) => ({ programId, fact: V1_FACTS[fact], value, date, how })),
    form: form === 0 ? null : form,
  };
  const parsed = sharePayloadSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

// ---------------------------------------------------------------------------------------------
// Fragment: v1.<data>.<check>
// ---------------------------------------------------------------------------------------------

/** 32-bit FNV-1a of the packed data, in base 36: catches a cut-off or altered link. */
function checksum(data: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < data.length; i++) {
    h ^= data.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** The result of encoding: the fragment (without `#`), or why the payload cannot travel in a link. */
export type ShareEncoding =
  { readonly ok: true; readonly fragment: string } | { readonly ok: false; readonly message: string };

/** The fragment for data already packed with lz-string (tools and tests use it to craft links). */
export function fragmentForPackedData(data: string): string {
  return `v${SHARE_VERSION}.${data}.${checksum(data)}`;
}

/** Packs a payload into a fragment `v1.<data>.<check>` (no `#`); refuses one too large to decode again. */
export function encodeShareFragment(payload: SharePayload): ShareEncoding {
  const json = JSON.stringify(toWireV1(payload));
  const data = LZString.compressToEncodedURIComponent(json);
  const fragment = fragmentForPackedData(data);
  if (json.length > MAX_UNPACKED_LENGTH || fragment.length > MAX_FRAGMENT_LENGTH) {
    return {
      ok: false,
      message: `This is too much for one link (${groupThousands(fragment.length)} characters). Leave out the notes or the verified facts, or share fewer programs.`,
    };
  }
  return { ok: true, fragment };
}

/** The full link for a fragment: `siteRoot` is the origin plus the site's base path, ending with "/". */
export function shareUrl(siteRoot: string, fragment: string): string {
  return `${siteRoot.endsWith('/') ? siteRoot : `${siteRoot}/`}share/#${fragment}`;
}

/** Why a link could not be read. */
export type ShareErrorCode =
  'empty' | 'not-share-link' | 'unknown-version' | 'too-long' | 'damaged' | 'too-large' | 'invalid';

/** What decoding gives: the payload, or a code and a plain message. */
export type ShareDecoding =
  | { readonly ok: true; readonly version: number; readonly payload: SharePayload }
  | { readonly ok: false; readonly code: ShareErrorCode; readonly message: string };

/** The message for each bad-link class (`unknown-version` and `too-long` fill in their numbers). */
export const SHARE_MESSAGES = {
  empty: 'This link carries no shared list.',
  'not-share-link':
    'This is not an IR Pathway share link: the part after “#” should start with “v1.”. Nothing was read.',
  'unknown-version': (version: number) =>
    `This link uses share format v${version}, which this version of IR Pathway cannot read (it reads v${SHARE_VERSION}). Nothing was read.`,
  'too-long': (length: number) =>
    `This link is too long to be a share link (${groupThousands(length)} characters after “#”; the most is ${groupThousands(MAX_FRAGMENT_LENGTH)}), so it was not read.`,
  damaged:
    'This link is damaged or incomplete: part of it was cut off or changed after it was made. Nothing was read. Ask the sender to copy the whole link again.',
  'too-large': `This link unpacks to more than ${groupThousands(MAX_UNPACKED_LENGTH)} characters, more than a share link may hold, so it was not read.`,
  invalid:
    'This link does not hold a valid shared list (it may have been edited by hand or made by another tool), so nothing was read.',
} as const;

const fail = (code: ShareErrorCode, message: string): ShareDecoding => ({ ok: false, code, message });

/**
 * Reads a fragment, with or without the `#`, or a whole link (everything up to the first `#` is
 * ignored). Never throws; every failure has a plain message. Percent-encoding added by an app is undone.
 */
export function decodeShareFragment(input: string): ShareDecoding {
  const hash = input.indexOf('#');
  let text = (hash >= 0 ? input.slice(hash + 1) : input).trim();
  if (text.length > MAX_FRAGMENT_LENGTH * 3) return fail('too-long', SHARE_MESSAGES['too-long'](text.length));
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return fail('damaged', SHARE_MESSAGES.damaged);
    }
  }
  // Some apps turn "+" into a space (the packed alphabet has none), and a link pasted into a sentence
  // picks up its closing punctuation (the checksum is letters and digits only).
  text = text.replace(/ /g, '+').replace(/[.,;:!?)\]}>'"”’]+$/, '');
  if (text === '') return fail('empty', SHARE_MESSAGES.empty);
  if (text.length > MAX_FRAGMENT_LENGTH) return fail('too-long', SHARE_MESSAGES['too-long'](text.length));
  const head = /^v(\d{1,9})\./.exec(text);
  if (!head) return fail('not-share-link', SHARE_MESSAGES['not-share-link']);
  const version = Number(head[1]);
  if (version !== 1) return fail('unknown-version', SHARE_MESSAGES['unknown-version'](version));
  const body = text.slice(head[0].length);
  const dot = body.lastIndexOf('.');
  if (dot < 0) return fail('damaged', SHARE_MESSAGES.damaged);
  const data = body.slice(0, dot);
  if (checksum(data) !== body.slice(dot + 1)) return fail('damaged', SHARE_MESSAGES.damaged);
  const unpacked = unpackLzUri(data, MAX_UNPACKED_LENGTH);
  if (!unpacked.ok) return fail(unpacked.reason, SHARE_MESSAGES[unpacked.reason]);
  let json: unknown;
  try {
    json = JSON.parse(unpacked.text);
  } catch {
    return fail('damaged', SHARE_MESSAGES.damaged);
  }
  const payload = fromWireV1(json);
  return payload ? { ok: true, version, payload } : fail('invalid', SHARE_MESSAGES.invalid);
}

/** A link's length, and a warning when it is long enough that some apps may cut it. */
export function linkLengthNote(link: string): { readonly length: number; readonly warning: string | null } {
  return {
    length: link.length,
    warning:
      link.length > LONG_LINK_WARNING_LENGTH
        ? `This link is ${groupThousands(link.length)} characters long. Some apps and mail programs cut links longer than about ${groupThousands(LONG_LINK_WARNING_LENGTH)} characters: check that the whole link arrives, or leave out the notes.`
        : null,
  };
}
