/**
 * The planner island: holds the state (form, My list, verification log), keeps it in localStorage under
 * one versioned key, loads the program list from this site and calls the engine on every change. All
 * decisions are the engine's; this file wires signals, events, storage and downloads.
 */
import { createEffect, createMemo, createSignal, on, onCleanup, onMount, Show, untrack } from 'solid-js';
import { clientModel } from '../client-model';
import { REGION_ORDER, STATES } from '../../engine/data/dataset';
import { evaluate } from '../../engine/plan/evaluate';
import type { ModelledTrack } from '../../engine/model/model';
import {
  ADD_REFUSAL_MESSAGE,
  STORAGE_KEY,
  addToList,
  addVerification,
  emptyState,
  listAddRefusal,
  loadState,
  moveInList,
  myListCsv,
  removeFromList,
  removeVerification,
  saveState,
  updateEntry,
  type MyListEntry,
  type PlannerState,
} from '../../engine/planner/planner-state';
import {
  csvRowsOf,
  defaultResultFilters,
  defaultVerificationForm,
  myListSummary,
  rankEntriesOf,
  type ResultFilters,
  type VerificationForm,
} from '../../engine/planner/planner-view';
import { defaultProfile, type Profile } from '../../engine/profile/profile';
import { profileFromForm, type ProfileForm } from '../../engine/planner/profile-form';
import type { Program } from '../../engine/data/program';
import { checkRankList } from '../../engine/plan/rank-list';
import { whatIf, whatIfBasis } from '../../engine/plan/what-if';
import { loadPrograms } from '../load-programs';
import { loadSearch, type Search } from '../load-search';
import { registerServiceWorker } from '../register-sw';
import MyList from './MyList';
import ProfileFormView from './ProfileFormView';
import Results from './Results';
import Verification from './Verification';
import WhatIf from './WhatIf';
import './planner.css';
import { compareText } from '../../engine/util/format';
import { download } from './download';

interface Props {
  /** Site base URL, ending with "/". */
  base: string;
}

/** Today's local date, YYYY-MM-DD (the engine never reads a clock). */
function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

type Storage = 'unknown' | 'ok' | 'blocked';

/** The states that have programs, by name, for the state filter. */
function stateList(programs: readonly { state: string }[]): { code: string; name: string; region: string }[] {
  return [...new Set(programs.map((p) => p.state))]
    .map((code) => ({ code, name: STATES[code]?.name ?? code, region: STATES[code]?.region ?? '' }))
    .sort((a, b) => compareText(a.name, b.name));
}

/** Sections of the results column a link can point to (they are drawn before the page scrolls there). */
const RESULT_SECTIONS = new Set(['my-list', 'rank-list', 'plan', 'ask-first', 'results', 'verification', 'what-if']);

/** Start-up steps, in order (see the effect that advances them). */
const STAGE = { plan: 1, charts: 2, rows: 3, verification: 4, whatIf: 5 } as const;

/** The whole planner. */
export default function Planner(props: Props) {
  const m = clientModel;
  const today = todayIso();
  const [state, setState] = createSignal<PlannerState>(emptyState());
  const [storage, setStorage] = createSignal<Storage>('unknown');
  // A stored value that could not be read: kept here (and in storage) until the user downloads or discards it.
  const [bad, setBad] = createSignal<{ notice: string; value: string } | null>(null);
  const [importError, setImportError] = createSignal('');
  const [dataStatus, setDataStatus] = createSignal('');
  const [confirmForget, setConfirmForget] = createSignal(false);
  const [filters, setFilters] = createSignal<ResultFilters>(defaultResultFilters());
  const [search, setSearch] = createSignal<Search | null>(null);
  const [searchFailed, setSearchFailed] = createSignal(false);
  const [openId, setOpenId] = createSignal<string | null>(null);
  const [vForm, setVForm] = createSignal<VerificationForm>(defaultVerificationForm(today));
  // The program list, fetched once mounted (a plain signal, not createResource: a resource read while
  // loading would suspend Astro's Suspense boundary around the island).
  const [programs, setPrograms] = createSignal<Program[]>();
  const [loadFailed, setLoadFailed] = createSignal(false);

  // The results column is computed and drawn once it is wanted: when it comes near the screen, when the
  // user changes the form, follows a link to one of its sections, or prints. On a phone it starts below
  // the form, so the form is ready at once and the program list is not ranked for nobody to see.
  const [resultsWanted, setResultsWanted] = createSignal(false);
  let resultsCol!: HTMLDivElement;
  /** Shows every section at once (for a link to one of them, or printing). */
  const showEverything = () => {
    setResultsWanted(true);
    if (evaluation()) setStage(STAGE.whatIf);
  };
  const readHash = () => {
    const section = /^#([a-z-]+)$/.exec(window.location.hash)?.[1];
    if (section && RESULT_SECTIONS.has(section)) {
      showEverything();
      requestAnimationFrame(() => document.getElementById(section)?.scrollIntoView({ block: 'start' }));
      return;
    }
    const match = /^#program=(\d{10})$/.exec(window.location.hash);
    if (!match?.[1]) return;
    showEverything();
    const id = match[1];
    setFilters({ ...defaultResultFilters(), wantedOnly: false });
    setOpenId(id);
    requestAnimationFrame(() => document.getElementById(`p-${id}`)?.scrollIntoView({ block: 'start' }));
  };

  onMount(() => {
    try {
      const raw = window.localStorage.getItem(STORAGE_KEY);
      const loaded = loadState(raw);
      setState(loaded.state);
      if (loaded.notice !== undefined && loaded.badValue !== undefined)
        setBad({ notice: loaded.notice, value: loaded.badValue });
      setStorage('ok');
    } catch {
      setStorage('blocked');
    }
    // Decoding the list and the first evaluation run in separate tasks.
    loadPrograms(props.base).then(
      (list) => setTimeout(() => setPrograms(list)),
      () => setLoadFailed(true),
    );
    registerServiceWorker(props.base);
    window.addEventListener('hashchange', readHash);
    window.addEventListener('beforeprint', showEverything);
    const near = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setResultsWanted(true);
          near.disconnect();
        }
      },
      { rootMargin: '50% 0px' },
    );
    near.observe(resultsCol);
    onCleanup(() => {
      window.removeEventListener('hashchange', readHash);
      window.removeEventListener('beforeprint', showEverything);
      near.disconnect();
    });
  });

  // Saves after each change the user makes (debounced while typing), never on load or after "Forget",
  // and not while an unreadable stored value is waiting for the user to download or discard it.
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (saveTimer === undefined) return;
    clearTimeout(saveTimer);
    saveTimer = undefined;
    if (storage() !== 'ok' || bad()) return;
    try {
      window.localStorage.setItem(STORAGE_KEY, saveState(state()));
    } catch {
      setDataStatus('This browser would not save your changes (storage full or blocked).');
    }
  };
  const commit = (next: PlannerState) => {
    setState(next);
    clearTimeout(saveTimer);
    saveTimer = setTimeout(flush, 250);
  };
  onMount(() => {
    window.addEventListener('pagehide', flush);
    onCleanup(() => window.removeEventListener('pagehide', flush));
  });

  createEffect(() => {
    if (programs()) queueMicrotask(readHash);
  });

  // Parsing and evaluation depend on the form and the log only, not on notes or order.
  const form = createMemo(() => state().form);
  const verifications = createMemo(() => state().verifications);
  const parsed = createMemo(() => profileFromForm(form(), { todayYear: Number(today.slice(0, 4)) }));
  const profile = createMemo<Profile>((prev) => {
    const p = parsed();
    return p.ok ? p.profile : prev;
  }, defaultProfile());
  const errors = () => {
    const p = parsed();
    return p.ok ? {} : p.errors;
  };
  const ctx = () => ({ today, model: m, verifications: verifications() });
  // Interviews each track's plan aims for (the model's defaults until the user picks); not stored.
  const [targets, setTargets] = createSignal<Partial<Record<ModelledTrack, number>>>({});
  const planOptions = () => {
    const t = targets();
    return {
      plan: {
        ...(t.dr ? { dr: { targetInterviews: t.dr } } : {}),
        ...(t['ir-integrated'] ? { 'ir-integrated': { targetInterviews: t['ir-integrated'] } } : {}),
      },
    };
  };
  const evaluation = createMemo(() => {
    const list = programs();
    return list && resultsWanted() ? evaluate(profile(), list, ctx(), planOptions()) : null;
  });
  const resultsById = createMemo(() => new Map((evaluation()?.programs ?? []).map((r) => [r.programId, r])));
  const onList = createMemo(() => new Set(state().myList.map((e) => e.id)));
  const listSummary = createMemo(() => (evaluation() ? myListSummary(state().myList, resultsById(), m) : null));
  const rankWarnings = createMemo(() => {
    const list = programs();
    return list && state().myList.length > 0
      ? checkRankList(rankEntriesOf(state().myList), list, profile(), ctx())
      : [];
  });
  // Start-up in steps, each in its own task, so that no single task blocks the page for long (a phone
  // takes several times longer than a laptop): the plan and My list, then the charts, the program rows,
  // the verification log and last the what-if panel (one evaluation per scenario).
  const [stage, setStage] = createSignal(0);
  createEffect(() => {
    if (!evaluation() || stage() > 0) return;
    setStage(STAGE.plan);
    const next = () =>
      setTimeout(() => {
        setStage((n) => n + 1);
        if (untrack(stage) < STAGE.whatIf) next();
      });
    next();
  });
  // The what-if panel follows the form once typing pauses, not on every keystroke.
  const [settled, setSettled] = createSignal(0);
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on([evaluation, () => state().myList], () => {
      clearTimeout(settleTimer);
      settleTimer = setTimeout(() => setSettled((n) => n + 1), 300);
    }),
  );
  onCleanup(() => clearTimeout(settleTimer));
  const whatIfResults = createMemo(() => {
    settled();
    if (stage() < STAGE.whatIf) return null;
    return untrack(() => {
      const e = evaluation();
      const list = programs();
      if (!e || !list) return null;
      const mine = state().myList.map((x) => x.id);
      const basis = whatIfBasis(e, mine);
      return {
        basis: basis.label,
        results: whatIf(profile(), list, ctx(), { ...planOptions(), baseline: e, programIds: basis.programIds }),
      };
    });
  });

  const textMatches = createMemo(() => {
    const q = filters().query.trim();
    const s = search();
    return q && s ? s(q) : null;
  });
  createEffect(() => {
    if (filters().query.trim() === '' || search() || searchFailed()) return;
    loadSearch(props.base).then(
      (s) => setSearch(() => s),
      () => setSearchFailed(true),
    );
  });

  // Input-to-update timing for the browser test: a mark on input, a measure once the DOM has updated.
  const timed = (fn: () => void) => {
    performance.mark('planner-input');
    fn();
    requestAnimationFrame(() => {
      try {
        performance.measure('planner-update', 'planner-input');
      } catch {
        // Marks can be cleared by the page; timing is only informative.
      }
    });
  };
  const update = (patch: Partial<PlannerState>) => commit({ ...state(), ...patch });
  const changeForm = (patch: Partial<ProfileForm>) =>
    timed(() => {
      setResultsWanted(true);
      update({ form: { ...state().form, ...patch } });
    });
  const setList = (myList: MyListEntry[]) => update({ myList });

  // The last "Add to My list" the engine refused (a full list), shown on that program's row.
  const [listRefusal, setListRefusal] = createSignal<{ id: string; message: string } | null>(null);
  const toggleList = (id: string) => {
    const list = state().myList;
    const refusal = onList().has(id) ? null : listAddRefusal(list, id);
    setListRefusal(refusal === null ? null : { id, message: ADD_REFUSAL_MESSAGE[refusal] });
    if (onList().has(id)) setList(removeFromList(list, id));
    else if (refusal === null) setList(addToList(list, id));
  };

  const goVerify = (id: string) => {
    setVForm({ ...vForm(), programId: id });
    const el = document.getElementById('verification');
    el?.scrollIntoView({ block: 'start' });
    document.getElementById('vf-fact')?.focus();
  };

  const exportJson = () => {
    download(`ir-pathway-planner-${today}.json`, saveState(state()), 'application/json');
    setDataStatus('Your planner data was downloaded as a JSON file.');
  };
  const importJson = async (file: File | undefined) => {
    setImportError('');
    if (!file) return;
    const text = file.size > 2_000_000 ? null : await file.text();
    if (text === null) {
      setImportError(`“${file.name}” is too large to be a planner file (over 2 MB). Nothing was changed.`);
      return;
    }
    const loaded = loadState(text, `The file “${file.name}”`);
    if (loaded.notice !== undefined) {
      setImportError(
        `${loaded.notice.replace(/, so the planner started empty\. Your old data is kept for you to download\./, '.')} Nothing was changed: your current data is as it was.`,
      );
      return;
    }
    commit(loaded.state);
    setDataStatus(
      `Imported “${file.name}”: ${loaded.state.myList.length} programs on My list, ${loaded.state.verifications.length} verified answers.`,
    );
  };
  const downloadBad = () => {
    const b = bad();
    if (!b) return;
    download(`ir-pathway-unreadable-${today}.txt`, b.value, 'text/plain');
  };
  const discardBad = () => {
    setBad(null);
    commit(state());
    flush();
    setDataStatus('The unreadable data was replaced by your current planner.');
  };
  const forget = () => {
    try {
      window.localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Nothing was stored.
    }
    clearTimeout(saveTimer);
    saveTimer = undefined;
    setBad(null);
    // Storage stays empty until the user changes something again.
    setState(emptyState());
    setConfirmForget(false);
    setDataStatus('Everything the planner kept on this device was deleted.');
  };
  const exportCsv = () => {
    download(
      `ir-pathway-my-list-${today}.csv`,
      myListCsv(csvRowsOf(state().myList, resultsById())),
      'text/csv;charset=utf-8',
    );
    setDataStatus('My list was downloaded as a CSV file.');
  };

  return (
    <div class="planner">
      <Show when={bad()}>
        {(b) => (
          <div class="notice-box" role="alert">
            <p>{b().notice}</p>
            <p>Until you choose, nothing is saved over it.</p>
            <div class="actions">
              <button type="button" onClick={downloadBad}>
                Download the old data
              </button>
              <button type="button" class="secondary" onClick={discardBad}>
                Discard it and save from now on
              </button>
            </div>
          </div>
        )}
      </Show>
      <Show when={storage() === 'blocked'}>
        <p class="notice-box" role="alert">
          This browser blocks storage for this site, so the planner cannot keep anything after you close the page. Use
          “Download my data” to keep a copy.
        </p>
      </Show>

      <div class="planner-grid">
        <div class="planner-form-col">
          <ProfileFormView form={form()} errors={errors()} base={props.base} onChange={changeForm} />
        </div>
        <div class="planner-results-col" ref={resultsCol}>
          <Show
            when={evaluation()}
            fallback={
              <div class="loading-box" id="results" role="status">
                {loadFailed()
                  ? 'The program list could not be loaded. Check your connection and reload the page.'
                  : 'Ranking the programs for you…'}
              </div>
            }
          >
            {(e) => (
              <>
                <MyList
                  list={state().myList}
                  resultsById={resultsById()}
                  summary={listSummary()}
                  model={m}
                  warnings={rankWarnings()}
                  base={props.base}
                  onMove={(from, to) => setList(moveInList(state().myList, from, to))}
                  onRemove={(id) => setList(removeFromList(state().myList, id))}
                  onUpdate={(id, change) => setList(updateEntry(state().myList, id, change))}
                  onCsv={exportCsv}
                />
                <Results
                  evaluation={e()}
                  model={m}
                  visa={profile().visa}
                  base={props.base}
                  filters={filters()}
                  onFilters={(patch) => timed(() => setFilters({ ...filters(), ...patch }))}
                  textMatches={textMatches()}
                  searchFailed={searchFailed()}
                  states={stateList(programs() ?? [])}
                  regions={REGION_ORDER}
                  onList={onList()}
                  onToggleList={toggleList}
                  listRefusal={listRefusal()}
                  onVerify={goVerify}
                  openId={openId()}
                  onTarget={(track, n) => timed(() => setTargets({ ...targets(), [track]: n }))}
                  showCharts={stage() >= STAGE.charts}
                  showRows={stage() >= STAGE.rows}
                  stale={!parsed().ok}
                />
                <Show when={stage() >= STAGE.verification}>
                  <Verification
                    programs={programs() ?? []}
                    log={verifications()}
                    form={vForm()}
                    today={today}
                    onForm={(patch) => setVForm({ ...vForm(), ...patch })}
                    onAdd={(entry) => update({ verifications: addVerification(state().verifications, entry) })}
                    onRemove={(i) => update({ verifications: removeVerification(state().verifications, i) })}
                  />
                </Show>
                <Show when={whatIfResults()}>{(w) => <WhatIf results={w().results} basis={w().basis} />}</Show>
              </>
            )}
          </Show>

          <section id="share" class="planner-section no-print" aria-labelledby="share-h">
            <h2 id="share-h">Share</h2>
            <p>
              Send My list, your verified answers and, if you choose, your profile to a friend or mentor as a link. The
              list travels inside the link after the &ldquo;#&rdquo;, which browsers never send to a server.
            </p>
            <p>
              <a class="button secondary" href={`${props.base}share/`} onClick={flush}>
                Make a share link
              </a>
            </p>
          </section>

          <section id="data" class="planner-section no-print" aria-labelledby="data-h">
            <h2 id="data-h">Your data on this device</h2>
            <p>
              {`Everything you enter stays in this browser (${storage() === 'blocked' ? 'not saved: storage is blocked' : 'saved in its local storage'}). Nothing is sent anywhere.`}
            </p>
            <div class="actions">
              <button type="button" class="secondary" onClick={exportJson}>
                Download my data (JSON)
              </button>
              <label class="button secondary file-button">
                Import a planner file (JSON)
                <input
                  type="file"
                  accept="application/json,.json"
                  class="visually-hidden"
                  onChange={(e) => {
                    const input = e.currentTarget;
                    void importJson(input.files?.[0]).finally(() => {
                      input.value = '';
                    });
                  }}
                />
              </label>
            </div>
            <Show when={importError()}>
              <p class="field-error" role="alert">
                {importError()}
              </p>
            </Show>
            <Show
              when={confirmForget()}
              fallback={
                <button type="button" class="danger" onClick={() => setConfirmForget(true)}>
                  Forget everything on this device
                </button>
              }
            >
              <div class="notice-box">
                <p>Delete your profile, My list and verification log from this browser? This cannot be undone.</p>
                <div class="actions">
                  <button type="button" class="danger" onClick={forget}>
                    Yes, forget everything
                  </button>
                  <button type="button" class="secondary" onClick={() => setConfirmForget(false)}>
                    Keep my data
                  </button>
                </div>
              </div>
            </Show>
            <p role="status" class="small">
              {dataStatus()}
            </p>
          </section>
        </div>
      </div>
    </div>
  );
}
