/**
 * The /share/ page: reads the link in the URL fragment (never sent to a server) and shows the
 * sender's list in their order with their notes and verified facts, the recipient's own results and
 * a comparison with their list, with "Copy to my list" and "Import these verified facts". A bad link
 * shows a plain message and changes nothing. Without a link it shows the builder for the user's own list.
 */
import { createEffect, createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { clientModel } from '../client-model';
import { TRACK_LABEL } from '../../engine/data/dataset';
import { evaluate } from '../../engine/plan/evaluate';
import type { Model } from '../../engine/model/model';
import { STORAGE_KEY, loadState, type LoadResult, type PlannerState } from '../../engine/planner/planner-state';
import type { Program } from '../../engine/data/program';
import { decodeShareFragment, type SharePayload } from '../../engine/share/share';
import {
  copyListIntoStored,
  factsMergeSummary,
  importFactsIntoStored,
  listMergeSummary,
  type FactConflict,
  type StoredMerge,
} from '../../engine/share/share-merge';
import {
  STORE_UNAVAILABLE_NOTICE,
  STORE_UNREADABLE_NOTICE,
  compareLists,
  differingFromMine,
  factWords,
  markupNotice,
  profileToScore,
  resolveShare,
  resultWords,
  type ResultWords,
} from '../../engine/share/share-view';
import ShareLinkBuilder from './ShareLinkBuilder';
import { loadPrograms } from '../load-programs';
import './share.css';

interface Props {
  /** Site base URL, ending with "/". */
  base: string;
}

type Mode =
  | { kind: 'loading' }
  | { kind: 'builder' }
  | { kind: 'error'; message: string }
  | { kind: 'view'; payload: SharePayload };

type Stored = { available: false } | { available: true; raw: string | null; loaded: LoadResult };

type Outcome = { kind: 'done' | 'error'; text: string; conflicts?: FactConflict[] };

/** The planner's stored text and what it holds; storage can be blocked, which throws. */
function readStored(): Stored {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    return { available: true, raw, loaded: loadState(raw) };
  } catch {
    return { available: false };
  }
}

/** Today's local date, YYYY-MM-DD (the engine never reads a clock). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

let model: Model | undefined;

/** The shared view, or the builder when the page has no link. */
export default function ShareView(props: Props) {
  const [mode, setMode] = createSignal<Mode>({ kind: 'loading' });
  const [stored, setStored] = createSignal<Stored | null>(null);
  const [outcome, setOutcome] = createSignal<Outcome | null>(null);
  const [scoreFor, setScoreFor] = createSignal<'mine' | 'sender'>('mine');

  const readLink = () => {
    const hash = window.location.hash.slice(1);
    setOutcome(null);
    // An in-page anchor (the skip link's #main) is not a share link.
    if (hash === '' || document.getElementById(hash)) {
      setMode({ kind: 'builder' });
      return;
    }
    const decoded = decodeShareFragment(hash);
    if (decoded.ok) setMode({ kind: 'view', payload: decoded.payload });
    else if (decoded.code === 'empty') setMode({ kind: 'builder' });
    else setMode({ kind: 'error', message: decoded.message });
  };

  onMount(() => {
    setStored(readStored());
    readLink();
    const onHash = () => {
      const hash = window.location.hash.slice(1);
      if (hash === '' || !document.getElementById(hash)) readLink();
    };
    const onStorage = (e: StorageEvent) => {
      if (e.key === STORAGE_KEY || e.key === null) setStored(readStored());
    };
    window.addEventListener('hashchange', onHash);
    window.addEventListener('storage', onStorage);
    onCleanup(() => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('storage', onStorage);
    });
  });

  const payload = () => {
    const m = mode();
    return m.kind === 'view' ? m.payload : null;
  };
  const errorMessage = () => {
    const m = mode();
    return m.kind === 'error' ? m.message : null;
  };
  // The program list, fetched each time a shared list comes into view (signals, not createResource: a
  // resource read while loading would suspend Astro's Suspense boundary around the island).
  const [programs, setPrograms] = createSignal<Program[]>();
  const [programsLoad, setProgramsLoad] = createSignal<'idle' | 'loading' | 'failed'>('idle');
  const viewing = createMemo(() => mode().kind === 'view');
  createEffect(() => {
    if (!viewing()) return;
    setProgramsLoad('loading');
    loadPrograms(props.base).then(
      (list) => {
        setPrograms(list);
        setProgramsLoad('idle');
      },
      () => {
        setPrograms(undefined);
        setProgramsLoad('failed');
      },
    );
  });
  /** The program list has arrived or failed (not merely "not asked yet"). */
  const programsSettled = () => programsLoad() === 'failed' || (programsLoad() === 'idle' && programs() !== undefined);
  const byId = createMemo(() => {
    const list = programs();
    return list && programsLoad() === 'idle' ? new Map<string, Program>(list.map((p) => [p.id, p])) : null;
  });
  const resolved = createMemo(() => {
    const p = payload();
    const map = byId();
    return p && map ? resolveShare(p, new Set(map.keys())) : null;
  });
  const shownList = () => resolved()?.list ?? payload()?.list ?? [];
  const shownFacts = () => resolved()?.verifications ?? payload()?.verifications ?? [];

  /** My state when it can be read; null when storage is blocked or the stored data is damaged. */
  const mine = (): PlannerState | null => {
    const s = stored();
    return s?.available && s.loaded.notice === undefined ? s.loaded.state : null;
  };
  const storeNotice = () => {
    const s = stored();
    if (!s) return null;
    if (!s.available) return STORE_UNAVAILABLE_NOTICE;
    return s.loaded.notice === undefined ? null : STORE_UNREADABLE_NOTICE;
  };

  const myProfile = createMemo(() => profileToScore(mine()?.form ?? null));
  const senderProfile = createMemo(() => profileToScore(payload()?.form ?? null));
  const results = createMemo((): Map<string, ResultWords> | null => {
    const r = resolved();
    const map = byId();
    const sender = scoreFor() === 'sender';
    const profile = sender ? senderProfile() : myProfile();
    if (!r || !map || !profile) return null;
    const list = r.list.flatMap((e) => map.get(e.id) ?? []);
    const verifications = sender ? r.verifications : (mine()?.verifications ?? []);
    model ??= clientModel;
    const evaluation = evaluate(profile, list, { today: today(), model, verifications });
    return new Map(evaluation.programs.map((p) => [p.programId, resultWords(p)]));
  });
  const comparison = createMemo(() => compareLists(mine()?.myList ?? [], shownList()));
  const onMine = createMemo(() => new Set(comparison().both));
  const differing = createMemo(() => differingFromMine(shownFacts(), mine()?.verifications ?? []));

  const nameOf = (id: string) => byId()?.get(id)?.name ?? `Program ${id}`;
  const programLink = (id: string) => <a href={`${props.base}programs/${id}/`}>{nameOf(id)}</a>;

  /** Writes a merge computed from the stored text as it is now (another tab may have changed it). */
  const apply = <T,>(merge: (raw: string | null) => StoredMerge<T>, summary: (r: T) => Outcome) => {
    const now = readStored();
    if (!now.available) {
      setOutcome({ kind: 'error', text: STORE_UNAVAILABLE_NOTICE });
      return;
    }
    const merged = merge(now.raw);
    if (!merged.ok) {
      setOutcome({ kind: 'error', text: merged.message });
      return;
    }
    try {
      window.localStorage.setItem(STORAGE_KEY, merged.text);
    } catch {
      setOutcome({
        kind: 'error',
        text: 'This browser did not let the page save (storage full or blocked), so nothing was changed.',
      });
      return;
    }
    setStored(readStored());
    setOutcome(summary(merged.result));
  };
  const copyList = () => {
    const r = resolved();
    if (r)
      apply(
        (raw) => copyListIntoStored(raw, r.list),
        (m) => ({ kind: 'done', text: listMergeSummary(m) }),
      );
  };
  const importFacts = () => {
    const r = resolved();
    if (r)
      apply(
        (raw) => importFactsIntoStored(raw, r.verifications),
        (m) => ({ kind: 'done', text: factsMergeSummary(m), conflicts: m.conflicts }),
      );
  };

  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

  // Until the link is read and its programs are loaded, one status line stands where the content will be,
  // and the view keeps a screen's height: the footer stays below, so nothing on screen moves when it comes.
  const busy = () => mode().kind === 'loading' || (mode().kind === 'view' && !programsSettled());

  return (
    <div class="share-view" classList={{ 'share-busy': busy() }} aria-busy={busy()}>
      <Show when={mode().kind === 'loading'}>
        <p class="muted">Reading the link…</p>
      </Show>

      <Show when={errorMessage()}>
        {(message) => (
          <>
            <div class="share-error" role="alert">
              <p>{message()}</p>
              <p>Your own list and saved data were not changed.</p>
            </div>
            <p>
              <a href={`${props.base}share/`}>Share your own list</a> or{' '}
              <a href={`${props.base}planner/`}>open the planner</a>.
            </p>
          </>
        )}
      </Show>

      <Show when={mode().kind === 'builder'}>
        <h2>Share my list</h2>
        <p>
          Make a link that carries My list, your notes and the facts you verified. Send it to a friend or a mentor:
          opening it shows your list here, in your order. To open a link someone sent you, just open it in this browser.
        </p>
        <Show
          when={(() => {
            const s = mine();
            return storeNotice() === null ? s : null;
          })()}
          fallback={<p class="share-notice">{storeNotice()}</p>}
        >
          {(state) => <ShareLinkBuilder state={state()} base={props.base} />}
        </Show>
      </Show>

      <Show when={payload() && !programsSettled()}>
        <p class="muted" role="status">
          Loading the program list…
        </p>
      </Show>

      {/* The whole view at once, when the program names are there (or failed to load). */}
      <Show when={programsSettled() && payload()}>
        {(p) => (
          <>
            <Show when={programsLoad() === 'failed'}>
              <p class="share-error" role="alert">
                The program list could not be loaded, so program names and your results are not shown and nothing can be
                copied. Check your connection and reload the page.
              </p>
            </Show>
            <Show when={resolved()?.notice}>{(notice) => <p class="share-notice">{notice()}</p>}</Show>
            <Show when={markupNotice(p())}>{(notice) => <p class="share-notice">{notice()}</p>}</Show>
            <Show when={storeNotice()}>{(notice) => <p class="share-notice">{notice()}</p>}</Show>

            <Show when={shownList().length > 0}>
              <section aria-labelledby="shared-list-heading">
                <h2 id="shared-list-heading">
                  The sender’s list: {count(shownList().length, 'program')}, in their rank order
                </h2>
                <Show when={!results()}>
                  <p class="muted">
                    <Show
                      when={scoreFor() === 'sender'}
                      fallback={
                        <>
                          To see your own eligibility and chances for these programs, enter your profile in the{' '}
                          <a href={`${props.base}planner/`}>planner</a>.
                        </>
                      }
                    >
                      The sender’s profile is not complete enough to score.
                    </Show>
                  </p>
                </Show>
                <ol class="shared-list">
                  <For each={shownList()}>
                    {(entry) => {
                      const program = () => byId()?.get(entry.id);
                      const result = () => results()?.get(entry.id);
                      return (
                        <li data-id={entry.id}>
                          <span class="name">{programLink(entry.id)}</span>
                          <Show when={program()}>
                            {(pr) => (
                              <span class="meta">
                                {' '}
                                · {TRACK_LABEL[pr().track]} · {pr().city}, {pr().state}
                              </span>
                            )}
                          </Show>
                          <Show when={onMine().has(entry.id)}>
                            <span class="on-mine"> · also on your list</span>
                          </Show>
                          <Show when={entry.note !== ''}>
                            <p class="shared-note" dir="auto">
                              <span class="visually-hidden">Sender’s note: </span>
                              {entry.note}
                            </p>
                          </Show>
                          <Show when={entry.unhappy}>
                            <p class="shared-result">The sender marked it: would be unhappy training here.</p>
                          </Show>
                          <Show when={result()}>
                            {(r) => (
                              <p class="shared-result">
                                {scoreFor() === 'sender' ? 'For the sender' : 'For you'}:{' '}
                                <strong>{r().eligibility}</strong> · {r().band} · {r().chance}
                                <Show when={r().reason}>{(reason) => <span class="muted">. {reason()}</span>}</Show>
                              </p>
                            )}
                          </Show>
                        </li>
                      );
                    }}
                  </For>
                </ol>
              </section>
            </Show>

            <Show when={p().form !== null}>
              <section aria-labelledby="shared-profile-heading">
                <h2 id="shared-profile-heading">The sender’s profile</h2>
                <p>The sender included their profile, so you can see the chances the planner gives them.</p>
                <div class="share-builder">
                  <fieldset>
                    <legend>Show chances for</legend>
                    <div class="check">
                      <input
                        id="score-mine"
                        type="radio"
                        name="score-for"
                        checked={scoreFor() === 'mine'}
                        onChange={() => setScoreFor('mine')}
                      />
                      <label for="score-mine">Your profile</label>
                    </div>
                    <div class="check">
                      <input
                        id="score-sender"
                        type="radio"
                        name="score-for"
                        checked={scoreFor() === 'sender'}
                        onChange={() => setScoreFor('sender')}
                      />
                      <label for="score-sender">The sender’s profile</label>
                    </div>
                  </fieldset>
                </div>
              </section>
            </Show>

            <Show when={shownList().length > 0}>
              <section aria-labelledby="shared-compare-heading">
                <h2 id="shared-compare-heading">Compared with your list</h2>
                <Show
                  when={mine()}
                  fallback={<p class="muted">Your own list cannot be read here, so it is not compared.</p>}
                >
                  <div class="share-compare">
                    <For
                      each={[
                        { title: 'In both', ids: comparison().both },
                        { title: 'Only in the shared list', ids: comparison().onlyTheirs },
                        { title: 'Only in your list', ids: comparison().onlyMine },
                      ]}
                    >
                      {(group) => (
                        <div>
                          <h3>
                            {group.title} ({group.ids.length})
                          </h3>
                          <Show when={group.ids.length > 0} fallback={<p class="muted">None.</p>}>
                            <ul>
                              <For each={group.ids}>{(id) => <li>{programLink(id)}</li>}</For>
                            </ul>
                          </Show>
                        </div>
                      )}
                    </For>
                  </div>
                </Show>
                <button type="button" onClick={copyList} disabled={!resolved() || resolved()?.list.length === 0}>
                  Copy to my list
                </button>
                <p class="muted">
                  Adds the programs you do not have yet to the end of My list, in the sender’s order, with the sender’s
                  notes marked as theirs. Your own programs, their order and your notes stay as they are.
                </p>
              </section>
            </Show>

            <Show when={shownFacts().length > 0}>
              <section aria-labelledby="shared-facts-heading">
                <h2 id="shared-facts-heading">Verified facts in this link ({shownFacts().length})</h2>
                <p>
                  Facts the sender confirmed with programs. Imported facts replace the dataset’s “not verified” in your
                  planner. When two answers differ for the same fact, both are kept with their dates and the planner
                  uses the most recent.
                </p>
                <div class="table-scroll">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">Program</th>
                        <th scope="col">Fact</th>
                        <th scope="col">Answer</th>
                        <th scope="col">How and when</th>
                        <th scope="col">Your log</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={shownFacts()}>
                        {(v) => {
                          const w = factWords(v);
                          return (
                            <tr>
                              <td>{programLink(v.programId)}</td>
                              <td>{w.label}</td>
                              <td>{w.answer}</td>
                              <td dir="auto">{w.source}</td>
                              <td>
                                <Show when={differing().get(v)} fallback="—">
                                  {(others) => (
                                    <>
                                      Differs:{' '}
                                      {others()
                                        .map((o) => `${factWords(o).answer} (${o.date})`)
                                        .join('; ')}
                                    </>
                                  )}
                                </Show>
                              </td>
                            </tr>
                          );
                        }}
                      </For>
                    </tbody>
                  </table>
                </div>
                <button type="button" onClick={importFacts} disabled={!resolved()}>
                  Import these verified facts
                </button>
              </section>
            </Show>

            <div class="share-outcome" role="status" aria-live="polite">
              <Show when={outcome()}>
                {(o) => (
                  <div class={o().kind === 'done' ? 'share-done' : 'share-error'}>
                    <p>
                      {o().text}{' '}
                      <Show when={o().kind === 'done'}>
                        <a href={`${props.base}planner/`}>Open the planner</a>
                      </Show>
                    </p>
                    <Show when={(o().conflicts ?? []).length > 0}>
                      <ul class="share-conflicts">
                        <For each={o().conflicts}>
                          {(c) => (
                            <li>
                              {nameOf(c.programId)}, {factWords(c.inUse).label}:{' '}
                              {c.entries.map((e) => `${factWords(e).answer} (${factWords(e).source})`).join(' — or — ')}
                              . The planner uses: {factWords(c.inUse).answer}.
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                  </div>
                )}
              </Show>
            </div>
          </>
        )}
      </Show>
    </div>
  );
}
