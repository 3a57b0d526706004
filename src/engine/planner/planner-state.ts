/**
 * Everything the planner keeps for a user — the form, My list (in rank order, with notes) and the
 * verification log — as one versioned value, plus pure operations on it. The island stores it under
 * STORAGE_KEY; reading a corrupted or unknown value never throws and never loses the bad text.
 */
import { z } from '../util/zod';
import { truncateText } from '../util/format';
import { acgmeIdSchema } from '../data/program';
import { profileFormSchema, defaultProfileForm } from './profile-form';
import { verificationEntrySchema, type VerificationEntry } from './verification';

/** The one localStorage key the planner uses. */
export const STORAGE_KEY = 'ir-pathway.planner';

/** The current stored-state version. */
export const STATE_VERSION = 1;

/** Longest note kept on a My list entry. */
export const MAX_NOTE_LENGTH = 1000;

/** Most programs My list holds. */
export const MAX_LIST_LENGTH = 400;

/** Most answers the verification log holds. */
export const MAX_VERIFICATIONS = 2000;

/** One program on My list. */
export const myListEntrySchema = z.object({
  /** ACGME ID. */
  id: acgmeIdSchema,
  /** The user's note, plain text. */
  note: z._default(
    z.string().check(z.maxLength(MAX_NOTE_LENGTH, `A note is at most ${MAX_NOTE_LENGTH} characters`)),
    '',
  ),
  /** The user would be unhappy training there (the rank-list check warns). */
  unhappy: z._default(z.boolean(), false),
});
export type MyListEntry = z.infer<typeof myListEntrySchema>;

/** The whole stored planner state, version 1. */
export const plannerStateSchema = z.object({
  version: z.literal(STATE_VERSION),
  form: profileFormSchema,
  myList: z.array(myListEntrySchema).check(
    z.maxLength(MAX_LIST_LENGTH),
    z.refine((l) => new Set(l.map((e) => e.id)).size === l.length, 'My list has a program twice'),
  ),
  verifications: z.array(verificationEntrySchema).check(z.maxLength(MAX_VERIFICATIONS)),
});
export type PlannerState = z.infer<typeof plannerStateSchema>;

/** A fresh, empty state. */
export function emptyState(): PlannerState {
  return { version: STATE_VERSION, form: defaultProfileForm(), myList: [], verifications: [] };
}

/** What reading stored text gives: the state to use, and when it was unusable, why and the original text. */
export interface LoadResult {
  state: PlannerState;
  /** A plain message when the stored value could not be used. */
  notice?: string;
  /** The unusable stored text, to offer for download. */
  badValue?: string;
}

/** The stored version as a notice shows it: short, and never the whole value (a deeply nested one made JSON.stringify throw). */
function shownVersion(version: unknown): string {
  if (version === undefined || version === null) return '"none"';
  if (typeof version === 'object') return Array.isArray(version) ? 'a list' : 'an object';
  if (typeof version === 'string' && version.length > 20) return JSON.stringify(`${version.slice(0, 20)}…`);
  return JSON.stringify(version);
}

/** Reads stored (or imported) text. Never throws: a bad value gives an empty state, a notice and the text back. */
export function loadState(raw: string | null, what = 'The saved planner data'): LoadResult {
  if (raw === null || raw === '') return { state: emptyState() };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return {
      state: emptyState(),
      notice: `${what} is not valid JSON, so the planner started empty. Your old data is kept for you to download.`,
      badValue: raw,
    };
  }
  const version = typeof json === 'object' && json !== null ? (json as { version?: unknown }).version : undefined;
  if (version !== STATE_VERSION) {
    return {
      state: emptyState(),
      notice: `${what} has version ${shownVersion(version)}, which this version of the planner cannot read, so the planner started empty. Your old data is kept for you to download.`,
      badValue: raw,
    };
  }
  const parsed = plannerStateSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? ` (${first.path.join('.') || 'top level'}: ${first.message})` : '';
    return {
      state: emptyState(),
      notice: `${what} is damaged${where}, so the planner started empty. Your old data is kept for you to download.`,
      badValue: raw,
    };
  }
  return { state: parsed.data };
}

/** The state as text for storage or export. */
export function saveState(state: PlannerState): string {
  return JSON.stringify(state);
}

/** Why an add leaves the list or log as it was. */
export type AddRefusal = 'on-list' | 'list-full' | 'in-log' | 'log-full';

/** Each refusal in words, for the planner to show. */
export const ADD_REFUSAL_MESSAGE: Readonly<Record<AddRefusal, string>> = {
  'on-list': 'This program is already on My list.',
  'list-full': `My list holds at most ${MAX_LIST_LENGTH} programs: remove one to add another.`,
  'in-log': 'This answer is already in your log, with the same date and source.',
  'log-full': `The verification log holds at most ${MAX_VERIFICATIONS} answers: remove one to record another.`,
};

/** Why `addToList` would not add the program (already on the list, or the list is full), or null when it would. */
export function listAddRefusal(list: readonly MyListEntry[], id: string): 'on-list' | 'list-full' | null {
  if (list.some((e) => e.id === id)) return 'on-list';
  return list.length >= MAX_LIST_LENGTH ? 'list-full' : null;
}

/** Adds a program to the end of My list; a copy of the list as it was when `listAddRefusal` refuses. */
export function addToList(list: readonly MyListEntry[], id: string): MyListEntry[] {
  return listAddRefusal(list, id) === null ? [...list, { id, note: '', unhappy: false }] : [...list];
}

/** Removes a program from My list. */
export function removeFromList(list: readonly MyListEntry[], id: string): MyListEntry[] {
  return list.filter((e) => e.id !== id);
}

/** Moves the entry at `from` to position `to` (clamped to the list). */
export function moveInList(list: readonly MyListEntry[], from: number, to: number): MyListEntry[] {
  const next = [...list];
  if (from < 0 || from >= next.length) return next;
  const [item] = next.splice(from, 1);
  if (!item) return next;
  next.splice(Math.max(0, Math.min(next.length, to)), 0, item);
  return next;
}

/** Updates one entry's note or unhappy flag. */
export function updateEntry(
  list: readonly MyListEntry[],
  id: string,
  change: Partial<Pick<MyListEntry, 'note' | 'unhappy'>>,
): MyListEntry[] {
  return list.map((e) =>
    e.id === id
      ? {
          ...e,
          ...(change.note !== undefined ? { note: truncateText(change.note, MAX_NOTE_LENGTH) } : {}),
          ...(change.unhappy !== undefined ? { unhappy: change.unhappy } : {}),
        }
      : e,
  );
}

/** Why `addVerification` would not add the entry (an identical one is in the log, or the log is full), or null when it would. */
export function verificationAddRefusal(
  log: readonly VerificationEntry[],
  entry: VerificationEntry,
): 'in-log' | 'log-full' | null {
  const same = (a: VerificationEntry) =>
    a.programId === entry.programId &&
    a.fact === entry.fact &&
    a.date === entry.date &&
    a.value === entry.value &&
    a.how === entry.how;
  if (log.some(same)) return 'in-log';
  return log.length >= MAX_VERIFICATIONS ? 'log-full' : null;
}

/** Adds a verification entry at the end; a copy of the log as it was when `verificationAddRefusal` refuses. */
export function addVerification(log: readonly VerificationEntry[], entry: VerificationEntry): VerificationEntry[] {
  return verificationAddRefusal(log, entry) === null ? [...log, entry] : [...log];
}

/** Removes the verification entry at `index`. */
export function removeVerification(log: readonly VerificationEntry[], index: number): VerificationEntry[] {
  return log.filter((_, i) => i !== index);
}

/** One CSV cell: quoted when needed, with formula-looking text neutralized for spreadsheets. */
function csvCell(value: string): string {
  // A leading =, +, - or @ would run as a formula in Excel; a leading apostrophe shows it as text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A row of My list for the CSV export. */
export interface CsvRow {
  rank: number;
  id: string;
  name: string;
  track: string;
  city: string;
  state: string;
  eligibility: string;
  chance: string;
  band: string;
  note: string;
}

/**
 * My list as CSV for Excel and LibreOffice: UTF-8 with a byte-order mark (accents intact), CRLF line
 * ends, ACGME IDs written as ="0123456789" so no leading zero or digit is lost, and notes quoted.
 */
export function myListCsv(rows: readonly CsvRow[]): string {
  const header = [
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
  const lines = [header.join(',')];
  for (const r of rows) {
    lines.push(
      [
        String(r.rank),
        `="${r.id}"`,
        csvCell(r.name),
        csvCell(r.track),
        csvCell(r.city),
        r.state,
        csvCell(r.eligibility),
        csvCell(r.chance),
        csvCell(r.band),
        csvCell(r.note),
      ].join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
