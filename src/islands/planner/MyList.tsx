/**
 * My list (anchor "my-list") and the rank-order builder (anchor "rank-list"): notes, "unhappy there"
 * marks, reordering with buttons, Alt+Arrow keys or drag and drop, the engine's rank-list warnings and
 * the numbers for this list. The order is the rank order.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { ProgramResult } from '../../engine/plan/evaluate';
import type { Model } from '../../engine/model/model';
import { MAX_NOTE_LENGTH, type MyListEntry } from '../../engine/planner/planner-state';
import {
  BAND_LABEL,
  formatEstimate,
  feeNote,
  portfolioFacts,
  type MyListSummary,
} from '../../engine/planner/planner-view';
import { MAX_REPORTED_INTERVIEWS } from '../../engine/model/portfolio';
import type { RankWarning } from '../../engine/plan/rank-list';
import { TRACK_NAME } from '../../engine/model/score';
import { AtLeastChart } from './Charts';
import Facts from './Facts';

interface Props {
  list: readonly MyListEntry[];
  resultsById: ReadonlyMap<string, ProgramResult>;
  summary: MyListSummary | null;
  model: Model;
  warnings: readonly RankWarning[];
  base: string;
  onMove: (from: number, to: number) => void;
  onRemove: (id: string) => void;
  onUpdate: (id: string, change: Partial<Pick<MyListEntry, 'note' | 'unhappy'>>) => void;
  onCsv: () => void;
}

/** My list with its numbers and the rank-order tools. */
export default function MyList(props: Props) {
  const [announce, setAnnounce] = createSignal('');
  const [dragFrom, setDragFrom] = createSignal<number | null>(null);
  const [dropAt, setDropAt] = createSignal<number | null>(null);
  const byPosition = createMemo(() => {
    const map = new Map<number, RankWarning[]>();
    for (const w of props.warnings) {
      if (w.position === null) continue;
      const list = map.get(w.position) ?? [];
      list.push(w);
      map.set(w.position, list);
    }
    return map;
  });
  const ids = createMemo(() => props.list.map((e) => e.id));
  const entryById = createMemo(() => new Map(props.list.map((e) => [e.id, e])));
  const listWide = () => props.warnings.filter((w) => w.position === null);
  const nameOf = (id: string) =>
    props.resultsById.get(id)?.program.name ?? `Program ${id} (not in the current dataset)`;

  // Moves an entry and keeps keyboard focus on the same control of the moved entry.
  const move = (from: number, to: number, control?: string) => {
    const n = props.list.length;
    if (to < 0 || to >= n || from === to) return;
    const id = props.list[from]?.id;
    props.onMove(from, to);
    if (id === undefined) return;
    setAnnounce(`${nameOf(id)} moved to position ${to + 1} of ${n}.`);
    if (control) {
      queueMicrotask(() => {
        const el = document.querySelector<HTMLElement>(`#ml-${id} [data-control="${control}"]`);
        (el && !(el as HTMLButtonElement).disabled
          ? el
          : document.querySelector<HTMLElement>(`#ml-${id} .handle`)
        )?.focus();
      });
    }
  };

  return (
    <section id="my-list" class="planner-section" aria-labelledby="my-list-h">
      <h2 id="my-list-h">My list</h2>
      <Show
        when={props.list.length > 0}
        fallback={
          <p class="empty">
            Your list is empty. Use <strong>Add to My list</strong> on the programs below your plan; they are kept in
            this browser.
          </p>
        }
      >
        <Show when={props.summary}>
          {(s) => (
            <div class="card">
              <h3>{`If you apply to these ${s().count}`}</h3>
              <Facts facts={portfolioFacts(s().portfolio, s().fees)} />
              <p class="small">{`Fees: ${feeNote(s().fees, props.model, s().perTrack)}`}</p>
              <Show when={s().excludedIds.length > 0 || s().unscoredIds.length > 0}>
                <p class="small">
                  {`Not counted: ${s().excludedIds.length} excluded by a known policy, ${s().unscoredIds.length} not scored.`}
                </p>
              </Show>
              <Show when={s().counted > 0}>
                <AtLeastChart
                  atLeast={s().portfolio.atLeast}
                  kMax={Math.min(MAX_REPORTED_INTERVIEWS, Math.max(5, Math.min(12, s().counted)))}
                  title="My list: chance of at least k interviews"
                />
              </Show>
            </div>
          )}
        </Show>

        <h3 id="rank-list">Rank order</h3>
        <p class="muted small" id="ml-help">
          Your list is your rank order, first choice first. Move a program with its buttons, with Alt+Arrow Up or Down
          on its handle, or by dragging the handle.
        </p>
        <Show when={listWide().length > 0}>
          <ul class="warnings">
            <For each={listWide()}>{(w) => <li class={`w-${w.severity}`}>{w.message}</li>}</For>
          </ul>
        </Show>
        <ol class="my-list">
          <For each={ids()}>
            {(id, i) => {
              // Keyed by id, so typing a note does not rebuild the entry (and lose focus).
              const entry = () => entryById().get(id) ?? { id, note: '', unhappy: false };
              const r = () => props.resultsById.get(id);
              const warnings = () => byPosition().get(i() + 1) ?? [];
              const name = () => nameOf(id);
              return (
                <li
                  id={`ml-${id}`}
                  class="my-entry"
                  classList={{ dragging: dragFrom() === i(), 'drop-target': dropAt() === i() && dragFrom() !== i() }}
                  onDragOver={(e) => {
                    if (dragFrom() === null) return;
                    e.preventDefault();
                    setDropAt(i());
                  }}
                  onDrop={(e) => {
                    e.preventDefault();
                    const from = dragFrom();
                    if (from !== null) move(from, i());
                    setDragFrom(null);
                    setDropAt(null);
                  }}
                >
                  <div class="entry-head">
                    <button
                      type="button"
                      class="handle secondary"
                      draggable="true"
                      aria-describedby="ml-help"
                      onDragStart={(e) => {
                        setDragFrom(i());
                        e.dataTransfer?.setData('text/plain', id);
                        if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
                      }}
                      onDragEnd={() => {
                        setDragFrom(null);
                        setDropAt(null);
                      }}
                      onKeyDown={(e) => {
                        if (!e.altKey) return;
                        if (e.key === 'ArrowUp') {
                          e.preventDefault();
                          move(i(), i() - 1, 'handle');
                        } else if (e.key === 'ArrowDown') {
                          e.preventDefault();
                          move(i(), i() + 1, 'handle');
                        }
                      }}
                      data-control="handle"
                    >
                      <span aria-hidden="true">⠿</span>
                      <span class="visually-hidden">{`Position ${i() + 1}: ${name()}. Alt+Arrow keys move it.`}</span>
                    </button>
                    <span class="rank" aria-hidden="true">
                      {`${i() + 1}.`}
                    </span>
                    <div class="entry-name">
                      <a href={`${props.base}programs/${id}/`}>{name()}</a>
                      <Show when={r()}>
                        {(res) => (
                          <span class="muted small">
                            {` · ${TRACK_NAME[res().track]} · ${res().program.city}, ${res().program.state} · ${BAND_LABEL[res().band]} · ${formatEstimate(res().chance)} per application`}
                          </span>
                        )}
                      </Show>
                    </div>
                  </div>
                  <Show when={warnings().length > 0}>
                    <ul class="warnings">
                      <For each={warnings()}>{(w) => <li class={`w-${w.severity}`}>{w.message}</li>}</For>
                    </ul>
                  </Show>
                  <div class="entry-tools">
                    <label class="note">
                      <span>
                        Note<span class="visually-hidden">{` on ${name()}`}</span>
                      </span>
                      <textarea
                        rows="2"
                        maxLength={MAX_NOTE_LENGTH}
                        value={entry().note}
                        onInput={(e) => props.onUpdate(id, { note: e.currentTarget.value })}
                      />
                    </label>
                    <div class="check">
                      <input
                        id={`ml-unhappy-${id}`}
                        type="checkbox"
                        checked={entry().unhappy}
                        onChange={(e) => props.onUpdate(id, { unhappy: e.currentTarget.checked })}
                      />
                      <label for={`ml-unhappy-${id}`}>
                        I would be unhappy training here<span class="visually-hidden">{` (${name()})`}</span>
                      </label>
                    </div>
                    <div class="entry-buttons">
                      <button
                        type="button"
                        class="secondary small-button"
                        data-control="up"
                        disabled={i() === 0}
                        onClick={() => move(i(), i() - 1, 'up')}
                      >
                        Move up<span class="visually-hidden">{`: ${name()}`}</span>
                      </button>
                      <button
                        type="button"
                        class="secondary small-button"
                        data-control="down"
                        disabled={i() === props.list.length - 1}
                        onClick={() => move(i(), i() + 1, 'down')}
                      >
                        Move down<span class="visually-hidden">{`: ${name()}`}</span>
                      </button>
                      <button
                        type="button"
                        class="secondary small-button"
                        onClick={() => {
                          props.onRemove(id);
                          setAnnounce(`${name()} removed from My list.`);
                        }}
                      >
                        Remove<span class="visually-hidden">{`: ${name()}`}</span>
                      </button>
                    </div>
                  </div>
                </li>
              );
            }}
          </For>
        </ol>
        <div class="actions no-print">
          <button type="button" class="secondary" onClick={() => props.onCsv()}>
            Download My list (CSV)
          </button>
          <button type="button" class="secondary" onClick={() => window.print()}>
            Print My list and plan
          </button>
        </div>
      </Show>
      <p class="visually-hidden" role="status" aria-live="polite">
        {announce()}
      </p>
    </section>
  );
}
