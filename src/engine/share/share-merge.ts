/**
 * Taking what a share link carries into the recipient's own planner state. Nothing of the
 * recipient's is ever lost or reordered: "Copy to my list" keeps their list as it is and adds the
 * sender's other programs after it, in the sender's order; "Import these verified facts" adds the
 * entries they do not have and keeps both answers when two differ for the same program and fact.
 * Both work on the stored text and refuse to touch it when it cannot be read.
 */
import {
  MAX_LIST_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_VERIFICATIONS,
  listAddRefusal,
  loadState,
  plannerStateSchema,
  saveState,
  verificationAddRefusal,
  type MyListEntry,
  type PlannerState,
} from '../planner/planner-state';
import type { VerificationEntry } from '../planner/verification';
import { compareCode, truncateText } from '../util/format';

/** Put before a note copied from a shared list, so the recipient can tell it is not their own. */
export const SHARED_NOTE_PREFIX = 'From a shared list: ';

/** What "Copy to my list" did. */
export interface ListMerge {
  /** The merged list: the recipient's entries unchanged, then the new ones in the sender's order. */
  readonly list: MyListEntry[];
  /** Programs added, in the order added. */
  readonly added: string[];
  /** Shared programs the recipient already had (left as they were). */
  readonly alreadyOnList: string[];
  /** Shared programs left out because My list was full. */
  readonly notAdded: string[];
}

/**
 * Merges a shared list into mine: mine first, unchanged (order, notes, marks); then each shared
 * program I do not have, in the sender's order, with the sender's note marked as theirs. The
 * sender's "unhappy" mark is not copied: it is their feeling, not mine.
 */
export function mergeLists(mine: readonly MyListEntry[], theirs: readonly MyListEntry[]): ListMerge {
  const list = mine.map((e) => ({ ...e }));
  const added: string[] = [];
  const alreadyOnList: string[] = [];
  const notAdded: string[] = [];
  for (const e of theirs) {
    const refusal = listAddRefusal(list, e.id);
    if (refusal === 'on-list') {
      if (!added.includes(e.id)) alreadyOnList.push(e.id);
      continue;
    }
    if (refusal === 'list-full') {
      notAdded.push(e.id);
      continue;
    }
    added.push(e.id);
    const note = e.note.trim() === '' ? '' : truncateText(`${SHARED_NOTE_PREFIX}${e.note}`, MAX_NOTE_LENGTH);
    list.push({ id: e.id, note, unhappy: false });
  }
  return { list, added, alreadyOnList, notAdded };
}

/** Two or more different answers for the same program and fact, all kept. */
export interface FactConflict {
  /** ACGME ID. */
  readonly programId: string;
  /** Which fact. */
  readonly fact: VerificationEntry['fact'];
  /** Every entry for that program and fact, newest first. */
  readonly entries: VerificationEntry[];
  /** The entry the planner uses: the newest date (on a tie, the later one in the log). */
  readonly inUse: VerificationEntry;
}

/** Conflicting answers in a log; with `only`, just for the program–fact pairs those entries touch. */
export function findConflicts(log: readonly VerificationEntry[], only?: readonly VerificationEntry[]): FactConflict[] {
  const wanted = only ? new Set(only.map((e) => `${e.programId}|${e.fact}`)) : null;
  const groups = new Map<string, VerificationEntry[]>();
  for (const e of log) {
    const key = `${e.programId}|${e.fact}`;
    if (wanted && !wanted.has(key)) continue;
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  const conflicts: FactConflict[] = [];
  for (const entries of groups.values()) {
    const first = entries[0];
    if (!first || new Set(entries.map((e) => e.value)).size < 2) continue;
    // Same rule as applyVerifications: the latest date wins, a tie goes to the later entry.
    let inUse = first;
    for (const e of entries) if (e.date >= inUse.date) inUse = e;
    const newestFirst = entries
      .map((e, i) => ({ e, i }))
      .sort((a, b) => compareCode(b.e.date, a.e.date) || b.i - a.i)
      .map(({ e }) => e);
    conflicts.push({ programId: first.programId, fact: first.fact, entries: newestFirst, inUse });
  }
  return conflicts.sort((a, b) => compareCode(a.programId, b.programId) || compareCode(a.fact, b.fact));
}

/** What "Import these verified facts" did. */
export interface FactsMerge {
  /** The merged log: mine unchanged, then the new entries in the sender's order. */
  readonly log: VerificationEntry[];
  /** Entries added. */
  readonly added: number;
  /** Entries I already had exactly (same program, fact, value, date and how). */
  readonly alreadyHad: number;
  /** Entries left out because the log was full. */
  readonly notAdded: number;
  /** Program–fact pairs the import touches that now hold different answers (all kept). */
  readonly conflicts: FactConflict[];
}

/** Adds shared verification entries to mine: exact repeats are skipped, differing answers are both kept. */
export function mergeVerifications(
  mine: readonly VerificationEntry[],
  theirs: readonly VerificationEntry[],
): FactsMerge {
  const log = mine.map((e) => ({ ...e }));
  let added = 0;
  let alreadyHad = 0;
  let notAdded = 0;
  for (const e of theirs) {
    const refusal = verificationAddRefusal(log, e);
    if (refusal === 'in-log') alreadyHad++;
    else if (refusal === 'log-full') notAdded++;
    else {
      log.push({ ...e });
      added++;
    }
  }
  return { log, added, alreadyHad, notAdded, conflicts: findConflicts(log, theirs) };
}

/** The outcome of writing a merge into the stored text: the new text to store, or why nothing may be written. */
export type StoredMerge<T> =
  | { readonly ok: true; readonly text: string; readonly state: PlannerState; readonly result: T }
  | { readonly ok: false; readonly message: string };

/** Why a merge refuses to write over stored data it cannot read. */
export function damagedStoreMessage(notice: string): string {
  return `Nothing was copied: your saved planner data cannot be read, and saving now would replace it. Open the planner to download that data first. (${notice})`;
}

function mergeStored<T>(
  raw: string | null,
  apply: (state: PlannerState) => { state: PlannerState; result: T },
): StoredMerge<T> {
  const loaded = loadState(raw);
  if (loaded.notice !== undefined) return { ok: false, message: damagedStoreMessage(loaded.notice) };
  const { state, result } = apply(loaded.state);
  // A merge that breaks the stored schema must never be written (it would be unreadable next time).
  const checked = plannerStateSchema.safeParse(state);
  if (!checked.success) return { ok: false, message: 'Nothing was copied: the merged data did not pass its check.' };
  return { ok: true, text: saveState(checked.data), state: checked.data, result };
}

/** "Copy to my list" on the stored text (null when nothing is stored yet). */
export function copyListIntoStored(raw: string | null, theirs: readonly MyListEntry[]): StoredMerge<ListMerge> {
  return mergeStored(raw, (state) => {
    const result = mergeLists(state.myList, theirs);
    return { state: { ...state, myList: result.list }, result };
  });
}

/** "Import these verified facts" on the stored text (null when nothing is stored yet). */
export function importFactsIntoStored(
  raw: string | null,
  theirs: readonly VerificationEntry[],
): StoredMerge<FactsMerge> {
  return mergeStored(raw, (state) => {
    const result = mergeVerifications(state.verifications, theirs);
    return { state: { ...state, verifications: result.log }, result };
  });
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** A one-sentence summary of "Copy to my list". */
export function listMergeSummary(m: ListMerge): string {
  const parts = [
    m.added.length === 0
      ? 'No programs added: you already have every program of this list.'
      : `Added ${plural(m.added.length, 'program')} to the end of My list, in the sender's order.`,
  ];
  if (m.added.length > 0 && m.alreadyOnList.length > 0)
    parts.push(`${plural(m.alreadyOnList.length, 'program was', 'programs were')} already on it and left unchanged.`);
  if (m.notAdded.length > 0)
    parts.push(
      `${plural(m.notAdded.length, 'program was', 'programs were')} not added: My list holds at most ${MAX_LIST_LENGTH}.`,
    );
  return parts.join(' ');
}

/** A one-sentence summary of "Import these verified facts". */
export function factsMergeSummary(m: FactsMerge): string {
  const parts = [
    m.added === 0
      ? 'No facts imported: your log already has every one.'
      : `Imported ${plural(m.added, 'verified fact')} into your log.`,
  ];
  if (m.added > 0 && m.alreadyHad > 0) parts.push(`${plural(m.alreadyHad, 'was', 'were')} already there.`);
  if (m.notAdded > 0)
    parts.push(
      `${plural(m.notAdded, 'fact was', 'facts were')} not imported: the log holds at most ${MAX_VERIFICATIONS}.`,
    );
  if (m.conflicts.length > 0)
    parts.push(
      `${plural(m.conflicts.length, 'fact has', 'facts have')} different answers: both are kept with their dates, and the planner uses the most recent.`,
    );
  return parts.join(' ');
}
