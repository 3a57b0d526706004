import fc from 'fast-check';
import {
  MAX_LIST_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_VERIFICATIONS,
  emptyState,
  loadState,
  saveState,
  type MyListEntry,
  type PlannerState,
} from '../../src/engine/planner/planner-state';
import {
  SHARED_NOTE_PREFIX,
  copyListIntoStored,
  damagedStoreMessage,
  factsMergeSummary,
  findConflicts,
  importFactsIntoStored,
  listMergeSummary,
  mergeLists,
  mergeVerifications,
} from '../../src/engine/share/share-merge';
import type { VerificationEntry } from '../../src/engine/planner/verification';

const e = (id: string, note = '', unhappy = false): MyListEntry => ({ id, note, unhappy });
const v = (programId: string, fact: 'j1' | 'h1b', value: boolean, date: string, how = 'email'): VerificationEntry => ({
  programId,
  fact,
  value,
  date,
  how,
});

const A = '4200300001';
const B = '4200300002';
const C = '4200300003';
const D = '4200300004';

describe('mergeLists (Copy to my list)', () => {
  it('keeps mine first, unchanged, then adds theirs in their order without duplicates', () => {
    const mine = [e(B, 'my note on B', true), e(A, 'mine A')];
    const theirs = [e(C, 'their C'), e(A, 'their A'), e(D), e(B, 'their B', true)];
    const m = mergeLists(mine, theirs);
    expect(m.list).toEqual([
      e(B, 'my note on B', true),
      e(A, 'mine A'),
      e(C, `${SHARED_NOTE_PREFIX}their C`),
      e(D, ''),
    ]);
    expect(m.added).toEqual([C, D]);
    expect(m.alreadyOnList).toEqual([A, B]);
    expect(m.notAdded).toEqual([]);
  });

  it('does not copy the sender’s "unhappy" mark', () => {
    expect(mergeLists([], [e(A, '', true)]).list).toEqual([e(A, '', false)]);
  });

  it('keeps a marked note within the note limit', () => {
    const m = mergeLists([], [e(A, 'x'.repeat(1000))]);
    expect(m.list[0]?.note).toHaveLength(1000);
    expect(m.list[0]?.note.startsWith(SHARED_NOTE_PREFIX)).toBe(true);
  });

  it('cuts a marked note without splitting an emoji at the limit', () => {
    const doctor = '👩🏽‍⚕️';
    const before = MAX_NOTE_LENGTH - SHARED_NOTE_PREFIX.length - 2;
    const m = mergeLists([], [e(A, `${'x'.repeat(before)}${doctor} end`)]);
    expect(m.list[0]?.note).toBe(`${SHARED_NOTE_PREFIX}${'x'.repeat(before)}`);
  });

  it('stops at the limit of My list and says which were left out', () => {
    const mine = Array.from({ length: MAX_LIST_LENGTH - 1 }, (_, i) => e(`42003${String(i).padStart(5, '0')}`));
    const m = mergeLists(mine, [e(A), e('4169900001'), e('4169900002')]);
    expect(m.list).toHaveLength(MAX_LIST_LENGTH);
    expect(m.added).toEqual(['4169900001']);
    expect(m.notAdded).toEqual(['4169900002']);
    expect(m.alreadyOnList).toEqual([A]);
  });

  it('loses nothing and duplicates nothing, for any two lists', () => {
    const id = fc.integer({ min: 1, max: 60 }).map((n) => `42003${String(n).padStart(5, '0')}`);
    const list = fc.uniqueArray(fc.record({ id, note: fc.string({ maxLength: 10 }), unhappy: fc.boolean() }), {
      selector: (x) => x.id,
      maxLength: 30,
    });
    fc.assert(
      fc.property(list, list, (mine, theirs) => {
        const m = mergeLists(mine, theirs);
        const ids = m.list.map((x) => x.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(m.list.slice(0, mine.length)).toEqual(mine);
        const mineIds = new Set(mine.map((x) => x.id));
        expect(ids.slice(mine.length)).toEqual(theirs.filter((x) => !mineIds.has(x.id)).map((x) => x.id));
      }),
      { numRuns: 500 },
    );
  });
});

describe('mergeVerifications (Import these verified facts)', () => {
  it('skips exact repeats, keeps both answers when they differ, and reports the conflict', () => {
    const mine = [v(A, 'j1', false, '2026-09-01', 'website'), v(B, 'h1b', true, '2026-08-01')];
    const theirs = [
      v(A, 'j1', true, '2026-10-02', 'coordinator'),
      v(B, 'h1b', true, '2026-08-01'),
      v(C, 'j1', true, '2026-07-01'),
    ];
    const m = mergeVerifications(mine, theirs);
    expect(m.log).toEqual([...mine, theirs[0], theirs[2]]);
    expect(m.added).toBe(2);
    expect(m.alreadyHad).toBe(1);
    expect(m.conflicts).toEqual([
      {
        programId: A,
        fact: 'j1',
        entries: [v(A, 'j1', true, '2026-10-02', 'coordinator'), v(A, 'j1', false, '2026-09-01', 'website')],
        inUse: v(A, 'j1', true, '2026-10-02', 'coordinator'),
      },
    ]);
  });

  it('stops at the limit of the log: repeats still count as already there, the rest as not imported', () => {
    const mine = Array.from({ length: MAX_VERIFICATIONS - 1 }, (_, i) => v(A, 'j1', true, '2026-09-01', `call ${i}`));
    const theirs = [
      v(A, 'j1', true, '2026-09-01', 'call 0'),
      v(B, 'j1', true, '2026-09-02'),
      v(C, 'h1b', false, '2026-09-03'),
    ];
    const m = mergeVerifications(mine, theirs);
    expect(m.log).toHaveLength(MAX_VERIFICATIONS);
    expect(m.log.at(-1)).toEqual(theirs[1]);
    expect([m.added, m.alreadyHad, m.notAdded]).toEqual([1, 1, 1]);
  });

  it('an older differing answer is kept too, and the newer one stays in use', () => {
    const m = mergeVerifications([v(A, 'h1b', true, '2026-10-01')], [v(A, 'h1b', false, '2025-01-01')]);
    expect(m.log).toHaveLength(2);
    expect(m.conflicts[0]?.inUse).toEqual(v(A, 'h1b', true, '2026-10-01'));
  });

  it('the same answer with another date or source is no conflict', () => {
    const m = mergeVerifications([v(A, 'j1', true, '2026-01-01', 'a')], [v(A, 'j1', true, '2026-02-01', 'b')]);
    expect(m.log).toHaveLength(2);
    expect(m.conflicts).toEqual([]);
  });

  it('reports only conflicts the import touches', () => {
    const mine = [v(D, 'j1', true, '2026-01-01'), v(D, 'j1', false, '2026-02-01')];
    expect(mergeVerifications(mine, [v(A, 'j1', true, '2026-01-01')]).conflicts).toEqual([]);
    expect(findConflicts(mine)).toHaveLength(1);
  });

  it('a tie on the date goes to the later entry, as the planner does', () => {
    const c = findConflicts([v(A, 'j1', true, '2026-01-01', 'first'), v(A, 'j1', false, '2026-01-01', 'second')]);
    expect(c[0]?.inUse.how).toBe('second');
    expect(c[0]?.entries.map((x) => x.how)).toEqual(['second', 'first']);
  });

  it('keeps every entry of both logs, for any two logs', () => {
    const entry = fc.record({
      programId: fc.constantFrom(A, B),
      fact: fc.constantFrom('j1' as const, 'h1b' as const),
      value: fc.boolean(),
      date: fc.constantFrom('2026-01-01', '2026-02-01'),
      how: fc.constantFrom('a', 'b'),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), fc.array(entry, { maxLength: 12 }), (mine, theirs) => {
        const m = mergeVerifications(mine, theirs);
        expect(m.log.slice(0, mine.length)).toEqual(mine);
        for (const t of theirs) expect(m.log).toContainEqual(t);
        expect(m.added + m.alreadyHad).toBe(theirs.length);
        for (const c of m.conflicts) expect(new Set(c.entries.map((x) => x.value)).size).toBe(2);
      }),
      { numRuns: 500 },
    );
  });
});

describe('merging into the stored state', () => {
  const stored: PlannerState = {
    ...emptyState(),
    myList: [e(A, 'mine')],
    verifications: [v(A, 'j1', false, '2026-01-01')],
  };

  it('starts a fresh state when nothing is stored', () => {
    const r = copyListIntoStored(null, [e(B, 'theirs')]);
    if (!r.ok) throw new Error(r.message);
    expect(loadState(r.text).state.myList).toEqual([e(B, `${SHARED_NOTE_PREFIX}theirs`)]);
  });

  it('keeps the rest of the stored state (form, facts) when copying the list', () => {
    const r = copyListIntoStored(saveState(stored), [e(B)]);
    if (!r.ok) throw new Error(r.message);
    expect(loadState(r.text)).toEqual({ state: { ...stored, myList: [e(A, 'mine'), e(B)] } });
  });

  it('keeps the rest of the stored state (form, list) when importing facts', () => {
    const r = importFactsIntoStored(saveState(stored), [v(A, 'j1', true, '2026-02-01')]);
    if (!r.ok) throw new Error(r.message);
    expect(r.state.myList).toEqual(stored.myList);
    expect(r.state.verifications).toHaveLength(2);
    expect(r.result.conflicts).toHaveLength(1);
  });

  it.each([
    ['not JSON', '{"version":1,'],
    ['another version', '{"version":2,"form":{},"myList":[],"verifications":[]}'],
    ['damaged', '{"version":1,"form":{},"myList":[{"id":"12"}],"verifications":[]}'],
  ])('refuses to write over stored data that is %s', (_name, raw) => {
    const notice = loadState(raw).notice ?? '';
    expect(copyListIntoStored(raw, [e(B)])).toEqual({ ok: false, message: damagedStoreMessage(notice) });
    expect(importFactsIntoStored(raw, [v(B, 'j1', true, '2026-01-01')])).toEqual({
      ok: false,
      message: damagedStoreMessage(notice),
    });
    expect(damagedStoreMessage(notice)).toMatch(/^Nothing was copied: your saved planner data cannot be read/);
  });
});

describe('summaries', () => {
  it.each([
    [
      { list: [], added: ['1', '2'], alreadyOnList: [], notAdded: [] },
      "Added 2 programs to the end of My list, in the sender's order.",
    ],
    [
      { list: [], added: ['1'], alreadyOnList: ['2'], notAdded: ['3', '4'] },
      "Added 1 program to the end of My list, in the sender's order. 1 program was already on it and left unchanged. 2 programs were not added: My list holds at most 400.",
    ],
    [
      { list: [], added: [], alreadyOnList: ['2'], notAdded: [] },
      'No programs added: you already have every program of this list.',
    ],
  ])('list %#', (m, text) => {
    expect(listMergeSummary(m)).toBe(text);
  });

  it.each([
    [{ log: [], added: 3, alreadyHad: 0, notAdded: 0, conflicts: [] }, 'Imported 3 verified facts into your log.'],
    [
      {
        log: [],
        added: 1,
        alreadyHad: 2,
        notAdded: 0,
        conflicts: findConflicts([v(A, 'j1', true, '2026-01-01'), v(A, 'j1', false, '2026-01-02')]),
      },
      'Imported 1 verified fact into your log. 2 were already there. 1 fact has different answers: both are kept with their dates, and the planner uses the most recent.',
    ],
    [
      { log: [], added: 0, alreadyHad: 1, notAdded: 0, conflicts: [] },
      'No facts imported: your log already has every one.',
    ],
  ])('facts %#', (m, text) => {
    expect(factsMergeSummary(m)).toBe(text);
  });
});
