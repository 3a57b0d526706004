/**
 * The site search box on /search/: reads ?q=, fetches the prebuilt index on first use (same origin)
 * and shows fuzzy results that link to the exact heading, term or program.
 */
import { createEffect, createSignal, For, Show, onMount } from 'solid-js';
import Fuse from 'fuse.js';
import { fold, snippet, SEARCH_KEYS, type SearchDoc } from '../engine/data/search';
import { registerServiceWorker } from './register-sw';

interface Props {
  /** Site base URL, ending with "/". */
  base: string;
}

type Loaded = { fuse: Fuse<SearchDoc> };

async function loadIndex(base: string): Promise<Loaded> {
  const res = await fetch(`${base}search-index.json`);
  if (!res.ok) throw new Error(`The search index could not be loaded (HTTP ${res.status}).`);
  const data = (await res.json()) as { docs: SearchDoc[]; index: Parameters<typeof Fuse.parseIndex>[0] };
  const index = Fuse.parseIndex<SearchDoc>(data.index);
  const fuse = new Fuse(
    data.docs,
    { keys: SEARCH_KEYS, threshold: 0.3, ignoreLocation: true, minMatchCharLength: 2, includeScore: true },
    index,
  );
  return { fuse };
}

const KIND_LABEL: Record<SearchDoc['kind'], string> = {
  guide: 'Guide',
  glossary: 'Glossary',
  program: 'Program',
  page: 'Calendar',
};

export default function SiteSearch(props: Props) {
  const [query, setQuery] = createSignal('');
  const [wanted, setWanted] = createSignal(false);
  // The index, fetched on first use. Plain signals, not createResource: reading a resource while it loads
  // suspends the Suspense boundary Astro puts around the island, which hid the whole search box (and the
  // text being typed) until the index arrived.
  const [index, setIndex] = createSignal<Loaded>();
  const [loading, setLoading] = createSignal(false);
  const [loadError, setLoadError] = createSignal<Error>();
  createEffect(() => {
    if (!wanted()) return;
    setLoading(true);
    loadIndex(props.base)
      .then(setIndex, (e: unknown) => setLoadError(e instanceof Error ? e : new Error(String(e))))
      .finally(() => setLoading(false));
  });

  const [ready, setReady] = createSignal(false);
  let input: HTMLInputElement | undefined;

  onMount(() => {
    registerServiceWorker(props.base);
    setReady(true);
    const q = new URLSearchParams(window.location.search).get('q') ?? '';
    if (q) {
      setQuery(q);
      setWanted(true);
    } else {
      // People arrive from the header's search link: the box is what they came for. A microtask, so that
      // the box is enabled (ready) before it is focused.
      queueMicrotask(() => input?.focus());
    }
  });

  const results = () => {
    const q = query().trim();
    const loaded = index();
    if (!loaded || q.length < 2) return [];
    // Search both the typed text and its folded form, so "H1B" meets "H-1B" and "st louis" meets "St. Louis".
    return loaded.fuse
      .search({ $or: [{ title: q }, { folded: fold(q) }, { context: q }] }, { limit: 25 })
      .map((r) => r.item);
  };

  return (
    <div class="site-search">
      {/* Disabled until hydrated: the CSP's form-action 'none' would block a submission before then. */}
      <form
        role="search"
        class="needs-js"
        onSubmit={(e) => {
          e.preventDefault();
          setWanted(true);
          const url = new URL(window.location.href);
          url.searchParams.set('q', query());
          window.history.replaceState(null, '', url);
        }}
      >
        <label for="site-search-q">Search the guide, glossary and programs</label>
        <div class="row">
          <input
            ref={input}
            id="site-search-q"
            type="search"
            name="q"
            disabled={!ready()}
            value={query()}
            onFocus={() => setWanted(true)}
            onInput={(e) => {
              setWanted(true);
              setQuery(e.currentTarget.value);
            }}
            autocomplete="off"
          />
          <button type="submit" disabled={!ready()}>
            Search
          </button>
        </div>
      </form>
      <p role="status" aria-live="polite" class="status">
        <Show when={loadError()}>{(e) => e().message}</Show>
        <Show when={loading()}>Loading the search index…</Show>
        <Show when={index() && query().trim().length >= 2}>
          {results().length} result{results().length === 1 ? '' : 's'} for “{query().trim()}”
        </Show>
      </p>
      <ol class="results">
        <For each={results()}>
          {(r) => (
            <li>
              <a href={`${props.base}${r.path}`}>{r.title}</a>{' '}
              <span class="kind">
                {KIND_LABEL[r.kind]} · {r.context}
              </span>
              <p>{snippet(r.text, query())}</p>
            </li>
          )}
        </For>
      </ol>
    </div>
  );
}
