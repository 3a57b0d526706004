/**
 * Search and filters for /programs/. The server-rendered list is the content and works without
 * JavaScript. The controls are rendered on the server too, in place (so the list never moves when the
 * island starts), disabled until the island runs and hidden when scripts are off (`.needs-js`); the
 * island then hides the list items that do not match. The fuse.js index is built at build time and
 * fetched from this site the first time someone uses the search box.
 */
import { createEffect, createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import {
  FLAG_FACETS,
  FLAG_FACET_LABEL,
  SETTING_LABEL,
  SIZE_CLASSES,
  SIZE_LABEL,
  readFacetTokens,
} from '../engine/data/program-facets';
import type { Setting } from '../engine/data/program';
import { loadSearch, type Search } from './load-search';
import {
  NO_FILTERS,
  facetCounts,
  resultSummary,
  visibleIds,
  type FacetCounts,
  type ListedProgram,
  type ProgramFilters,
} from './program-filters';

interface Props {
  /** Site base URL, ending with "/". */
  base: string;
  /** id of the element holding the server-rendered list. */
  listId: string;
  /** Track values and labels. */
  tracks: { value: string; label: string }[];
  /** Census regions, in display order. */
  regions: string[];
  /** States that have programs. */
  states: { code: string; name: string; region: string }[];
  /** The fact filters' counts with no filter set, shown until the island has read the list. */
  totals: FacetCounts;
}

const SETTINGS = Object.keys(SETTING_LABEL) as Setting[];

/** The search box and filters; hides non-matching items of the list `listId` and announces the count. */
export default function ProgramSearch(props: Props) {
  const [ready, setReady] = createSignal(false);
  const [filters, setFilters] = createSignal<ProgramFilters>(NO_FILTERS);
  const [search, setSearch] = createSignal<Search | null>(null);
  const [loadFailed, setLoadFailed] = createSignal(false);
  const [listed, setListed] = createSignal<ListedProgram[]>([]);
  const [status, setStatus] = createSignal('');
  let items: HTMLElement[] = [];
  let groups: HTMLElement[] = [];

  onMount(() => {
    const list = document.getElementById(props.listId);
    if (!list) return;
    items = [...list.querySelectorAll<HTMLElement>('[data-id]')];
    groups = [...list.querySelectorAll<HTMLElement>('[data-group]')];
    // Region and state are on the enclosing sections, to keep the 296 rows small.
    const facet = (el: HTMLElement, name: 'region' | 'state') =>
      el.closest<HTMLElement>(`[data-${name}]`)?.dataset[name] ?? '';
    setListed(
      items.map((el) => ({
        id: el.dataset['id'] ?? '',
        track: el.dataset['track'] ?? '',
        region: facet(el, 'region'),
        state: facet(el, 'state'),
        facets: readFacetTokens(el.dataset['f'] ?? ''),
      })),
    );
    setReady(true);
  });

  // The index is fetched on first use of the search box, not at page load: most visits only read the list.
  let loading = false;
  const loadIndex = () => {
    if (loading) return;
    loading = true;
    loadSearch(props.base).then(
      (s) => setSearch(() => s),
      () => setLoadFailed(true),
    );
  };

  const update = (patch: Partial<ProgramFilters>) => setFilters({ ...filters(), ...patch });
  const stateOptions = createMemo(() => props.states.filter((s) => !filters().region || s.region === filters().region));
  const textMatches = createMemo(() => {
    const q = filters().query.trim();
    const s = search();
    return q && s ? s(q) : null;
  });
  const shown = createMemo(() => visibleIds(listed(), filters(), textMatches()));
  const counts = createMemo(() => (ready() ? facetCounts(listed(), filters(), textMatches()) : props.totals));
  const toggleFlag = (k: (typeof FLAG_FACETS)[number], on: boolean) =>
    update({ flags: on ? [...filters().flags, k] : filters().flags.filter((x) => x !== k) });

  createEffect(() => {
    const visible = shown();
    for (const el of items) el.hidden = !visible.has(el.dataset['id'] ?? '');
    for (const g of groups) g.hidden = !g.querySelector('[data-id]:not([hidden])');
  });

  // Announce the count once typing pauses, not on every key.
  let timer: ReturnType<typeof setTimeout> | undefined;
  createEffect(() => {
    if (!ready()) return;
    const f = filters();
    const waiting = f.query.trim() !== '' && textMatches() === null;
    const text = waiting
      ? loadFailed()
        ? 'The search index could not be loaded; the filters still work.'
        : 'Loading the search index…'
      : resultSummary(shown().size, listed().length, f, {
          track: props.tracks.find((t) => t.value === f.track)?.label,
          region: f.region || undefined,
          state: props.states.find((s) => s.code === f.state)?.name,
          facts: [
            ...f.flags.map((k) => FLAG_FACET_LABEL[k]),
            ...(f.setting ? [SETTING_LABEL[f.setting]] : []),
            ...(f.size ? [SIZE_LABEL[f.size]] : []),
          ],
        });
    clearTimeout(timer);
    timer = setTimeout(() => setStatus(text), 300);
  });
  onCleanup(() => clearTimeout(timer));

  return (
    <form class="program-search needs-js" role="search" aria-label="Programs" onSubmit={(e) => e.preventDefault()}>
      <div class="field query">
        <label for="program-q">Search by name, city or state</label>
        <input
          id="program-q"
          type="search"
          autocomplete="off"
          spellcheck={false}
          disabled={!ready()}
          value={filters().query}
          onFocus={loadIndex}
          onInput={(e) => {
            loadIndex();
            update({ query: e.currentTarget.value });
          }}
        />
      </div>
      <div class="field">
        <label for="program-track">Track</label>
        <select
          id="program-track"
          disabled={!ready()}
          value={filters().track}
          onChange={(e) => update({ track: e.currentTarget.value })}
        >
          <option value="">All tracks</option>
          <For each={props.tracks}>{(t) => <option value={t.value}>{t.label}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="program-region">Region</label>
        <select
          id="program-region"
          disabled={!ready()}
          value={filters().region}
          onChange={(e) => {
            const region = e.currentTarget.value;
            const keepState = props.states.some((s) => s.code === filters().state && (!region || s.region === region));
            update({ region, state: keepState ? filters().state : '' });
          }}
        >
          <option value="">All regions</option>
          <For each={props.regions}>{(r) => <option value={r}>{r}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="program-state">State</label>
        <select
          id="program-state"
          disabled={!ready()}
          value={filters().state}
          onChange={(e) => update({ state: e.currentTarget.value })}
        >
          <option value="">All states</option>
          <For each={stateOptions()}>{(s) => <option value={s.code}>{s.name}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="program-setting">Setting</label>
        <select
          id="program-setting"
          disabled={!ready()}
          value={filters().setting}
          onChange={(e) => update({ setting: e.currentTarget.value as ProgramFilters['setting'] })}
        >
          <option value="">Any setting</option>
          <For each={SETTINGS}>
            {(v) => <option value={v}>{`${SETTING_LABEL[v]} (${counts().setting[v]})`}</option>}
          </For>
        </select>
      </div>
      <div class="field">
        <label for="program-size">Size</label>
        <select
          id="program-size"
          disabled={!ready()}
          value={filters().size}
          onChange={(e) => update({ size: e.currentTarget.value as ProgramFilters['size'] })}
        >
          <option value="">Any size</option>
          <For each={SIZE_CLASSES}>{(v) => <option value={v}>{`${SIZE_LABEL[v]} (${counts().size[v]})`}</option>}</For>
        </select>
      </div>
      <fieldset class="flags">
        <legend>Only programs where the sources show</legend>
        <For each={FLAG_FACETS}>
          {(k) => (
            <label>
              <input
                type="checkbox"
                disabled={!ready()}
                checked={filters().flags.includes(k)}
                onChange={(e) => toggleFlag(k, e.currentTarget.checked)}
              />
              <span>
                {FLAG_FACET_LABEL[k]} <span class="count">({counts().flags[k]})</span>
              </span>
            </label>
          )}
        </For>
      </fieldset>
      <div class="field actions">
        <button type="button" class="secondary" disabled={!ready()} onClick={() => setFilters(NO_FILTERS)}>
          Clear
        </button>
      </div>
      <p class="status" role="status" aria-live="polite">
        {status()}
      </p>
      <Show when={ready() && shown().size === 0}>
        <p class="none">No program matches. Check the spelling, use fewer words, or clear the filters.</p>
      </Show>
    </form>
  );
}
