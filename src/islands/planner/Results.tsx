/**
 * Live results: the summary and plan (anchor "plan") with the programs each track's plan names and the
 * programs to ask first, then every program grouped by chance band with filters, fuzzy search and sort
 * (anchor "results"). Rows open the "why" and the unknowns to verify.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { TRACK_LABEL } from '../../engine/data/dataset';
import type { Evaluation } from '../../engine/plan/evaluate';
import type { TrackPlan } from '../../engine/plan/plan';
import type { Model, ModelledTrack } from '../../engine/model/model';
import { MAX_REPORTED_INTERVIEWS } from '../../engine/model/portfolio';
import {
  BAND_LABEL,
  BAND_ORDER,
  IR_PATHWAY_WORDS,
  askFirstRows,
  bandMeaning,
  feeNote,
  groupResults,
  planFacts,
  planProgramRows,
  portfolioFacts,
  recommendedNote,
  type ResultFilters,
  type ResultGroup,
} from '../../engine/planner/planner-view';
import type { VisaNeed } from '../../engine/profile/profile';
import { TRACK_NAME } from '../../engine/model/score';
import { AtLeastChart, CurveChart } from './Charts';
import Facts from './Facts';
import AskFirst from './AskFirst';
import PlanPrograms from './PlanPrograms';
import ProgramRow from './ProgramRow';

interface Props {
  evaluation: Evaluation;
  model: Model;
  /** The visa the applicant needs (for the plan's reasons). */
  visa: VisaNeed;
  base: string;
  filters: ResultFilters;
  onFilters: (patch: Partial<ResultFilters>) => void;
  /** Ids fuse.js matched for the query; null while loading. */
  textMatches: ReadonlySet<string> | null;
  searchFailed: boolean;
  states: readonly { code: string; name: string; region: string }[];
  regions: readonly string[];
  onList: ReadonlySet<string>;
  onToggleList: (id: string) => void;
  /** The program whose "Add to My list" was refused, and why. */
  listRefusal: { id: string; message: string } | null;
  onVerify: (id: string) => void;
  /** Row whose details are open (from a #program= link). */
  openId: string | null;
  /** Sets the number of interviews the plan of a track aims for. */
  onTarget: (track: ModelledTrack, n: number) => void;
  /** The form has errors: results use the last valid entries. */
  stale: boolean;
  /** Start-up steps done: charts and program rows come in later tasks than the plan's numbers. */
  showCharts: boolean;
  showRows: boolean;
}

/** Interview targets a plan can aim for (P(at least k) is reported up to 15). */
const TARGET_CHOICES = Array.from({ length: MAX_REPORTED_INTERVIEWS }, (_, i) => i + 1);

type Options = readonly (readonly [string, string])[];

/** The filter selects: the filter each sets, its label and its options (a new region clears the state). */
type SelectKey = Exclude<keyof ResultFilters, 'query' | 'wantedOnly' | 'preferredOnly'>;
const SELECTS: readonly (readonly [SelectKey, string, (p: Props) => Options])[] = [
  [
    'track',
    'Track',
    () => [
      ['', 'Both tracks'],
      ['ir-integrated', 'IR–Integrated'],
      ['dr', 'Diagnostic Radiology'],
    ],
  ],
  ['region', 'Region', (p) => [['', 'All regions'], ...p.regions.map((r) => [r, r] as const)]],
  [
    'state',
    'State',
    (p) => [
      ['', 'All states'],
      ...p.states
        .filter((s) => !p.filters.region || s.region === p.filters.region)
        .map((s) => [s.code, s.name] as const),
    ],
  ],
  ['band', 'Band', () => [['', 'All bands'], ...BAND_ORDER.map((b) => [b, BAND_LABEL[b]] as const)]],
  [
    'eligibility',
    'Eligibility',
    () => [
      ['', 'Any'],
      ['eligible', 'Eligible'],
      ['uncertain', 'Uncertain'],
      ['ineligible', 'Ineligible'],
    ],
  ],
  [
    'sort',
    'Sort within a band',
    () => [
      ['chance', 'Best chance first'],
      ['name', 'Name'],
      ['state', 'State'],
    ],
  ],
];

/** Rows shown per band before "Show all". */
const FIRST_ROWS = 20;

/** Summary, plan and program list. */
export default function Results(props: Props) {
  const byId = createMemo(() => new Map(props.evaluation.programs.map((r) => [r.programId, r])));
  const groups = createMemo(() => groupResults(props.evaluation.programs, props.filters, props.textMatches));
  // Loops key on strings (bands, ids, tracks), so a keystroke updates rows and cards in place instead
  // of rebuilding them (an open "Show as a table" stays open).
  const sameList = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const bands = createMemo(() => groups().map((g) => g.band), undefined, { equals: sameList });
  const idsByBand = createMemo(() => new Map(groups().map((g) => [g.band, g.ids])));
  const shownCount = () => groups().reduce((n, g) => n + g.ids.length, 0);
  // Long bands show their first rows until asked: fewer rows to update per keystroke and to scroll on a phone.
  const [expanded, setExpanded] = createSignal<ReadonlySet<string>>(new Set());
  const visibleIds = (band: string) => {
    const ids = idsByBand().get(band as ResultGroup['band']) ?? [];
    const open = props.openId;
    const all =
      expanded().has(band) || ids.length <= FIRST_ROWS + 5 || (open !== null && ids.indexOf(open) >= FIRST_ROWS);
    return all ? ids : ids.slice(0, FIRST_ROWS);
  };
  const summary = () => props.evaluation.summary;
  const tracks = createMemo(() => summary().plans.map((p) => p.track), undefined, { equals: sameList });
  const planOf = (track: ModelledTrack) => summary().plans.find((p) => p.track === track) as TrackPlan;
  const rec = () => summary().recommended;
  const askRows = createMemo(() => askFirstRows(summary().askFirst, byId()));

  return (
    <>
      <section id="plan" class="planner-section" aria-labelledby="plan-h">
        <h2 id="plan-h">Your plan</h2>
        <Show when={props.stale}>
          <p class="notice" role="status">
            Some entries above need fixing; these results use your last valid entries.
          </p>
        </Show>
        <ul class="counts" aria-label="Eligibility over all programs">
          <li>
            <strong>{summary().counts.eligible}</strong> eligible
          </li>
          <li>
            <strong>{summary().counts.uncertain}</strong> uncertain (a question to ask)
          </li>
          <li>
            <strong>{summary().counts.ineligible}</strong> excluded by a known policy
          </li>
        </ul>
        <For each={tracks()}>
          {(track) => {
            const plan = () => planOf(track);
            const facts = createMemo(() => planFacts(plan()));
            return (
              <div class="plan card">
                <h3>{TRACK_LABEL[plan().track]}</h3>
                <div class="field target-field">
                  <label for={`plan-target-${track}`}>Interviews to aim for</label>
                  <select
                    id={`plan-target-${track}`}
                    onChange={(e) => props.onTarget(track, Number(e.currentTarget.value))}
                  >
                    <For each={TARGET_CHOICES}>
                      {(n) => (
                        <option value={n} selected={plan().targetInterviews === n}>
                          {n}
                        </option>
                      )}
                    </For>
                  </select>
                </div>
                <p>{plan().message}</p>
                <Facts facts={facts().recommended} />
                <Show when={props.showCharts}>
                  <PlanPrograms
                    rows={planProgramRows(plan(), byId(), props.visa, props.model)}
                    track={TRACK_NAME[track]}
                    base={props.base}
                  />
                </Show>
                <Show when={facts().ifAll}>
                  {(all) => (
                    <>
                      <h4>{all().heading}</h4>
                      <Facts facts={all().facts} />
                    </>
                  )}
                </Show>
                <Show when={plan().curve.length > 1}>
                  <Show when={props.showCharts} fallback={<ChartSlot />}>
                    <CurveChart
                      curve={plan().curve}
                      target={plan().targetInterviews}
                      recommended={plan().recommendedCount}
                      title={`${TRACK_NAME[plan().track]}: chance of at least ${plan().targetInterviews} interviews by number of applications`}
                    />
                  </Show>
                </Show>
                <Show when={plan().advice.length > 0}>
                  <h4>What would help most</h4>
                  <ul>
                    <For each={plan().advice}>{(a) => <li>{a}</li>}</For>
                  </ul>
                </Show>
              </div>
            );
          }}
        </For>
        <p class="muted small">
          {`Each program shows its chance per application (the band says how long a shot it is), the guide's tier, and its IR pathway, kept apart from the chance: strong = ${IR_PATHWAY_WORDS.strong.meaning}; moderate = ${IR_PATHWAY_WORDS.moderate.meaning}; limited = ${IR_PATHWAY_WORDS.limited.meaning}.`}
        </p>
        <Show when={props.showCharts}>
          <AskFirst rows={askRows()} base={props.base} />
        </Show>
        <div class="card">
          <h3>All recommended applications together</h3>
          <Show when={recommendedNote(summary().plans, rec().portfolio.count)}>{(note) => <p>{note()}</p>}</Show>
          <Show when={rec().portfolio.count > 0}>
            <Facts facts={portfolioFacts(rec().portfolio, rec().fees)} />
            <p class="small">{`Fees: ${feeNote(rec().fees, props.model)}`}</p>
          </Show>
          <Show when={rec().budget}>{(b) => <p>{b().message}</p>}</Show>
          <Show when={rec().portfolio.count > 0}>
            <p class="muted small">{rec().portfolio.matchNote}</p>
            <Show when={props.showCharts} fallback={<ChartSlot />}>
              <AtLeastChart
                atLeast={rec().portfolio.atLeast}
                kMax={Math.min(MAX_REPORTED_INTERVIEWS, 12)}
                title="Recommended plan: chance of at least k interviews"
              />
            </Show>
          </Show>
        </div>
        <details class="card">
          <summary>Your own factors, strongest first</summary>
          <For each={tracks()}>
            {(track) => (
              <>
                <h4>{TRACK_LABEL[track]}</h4>
                <ul class="contributions">
                  <For each={props.evaluation.applicant[track]}>
                    {(c) => <li classList={{ up: c.value > 0, down: c.value < 0 }}>{c.sentence}</li>}
                  </For>
                </ul>
              </>
            )}
          </For>
          <p class="muted small">
            Numbers are log-odds terms of the model; <a href={`${props.base}method/`}>the method page</a> gives each
            one&rsquo;s source.
          </p>
        </details>
      </section>

      <section id="results" class="planner-section" aria-labelledby="results-h">
        <h2 id="results-h">Programs for you</h2>
        <form class="filters" role="search" aria-label="Filter programs" onSubmit={(e) => e.preventDefault()}>
          <div class="field">
            <label for="rf-query">Search by name, city or state</label>
            <input
              id="rf-query"
              type="search"
              autocomplete="off"
              value={props.filters.query}
              onInput={(e) => props.onFilters({ query: e.currentTarget.value })}
            />
          </div>
          {SELECTS.map(([key, label, options]) => (
            <Select
              id={`rf-${key}`}
              label={label}
              value={props.filters[key]}
              options={options(props)}
              onChange={(v) =>
                props.onFilters(key === 'region' ? { region: v, state: '' } : ({ [key]: v } as Partial<ResultFilters>))
              }
            />
          ))}
          <div class="check">
            <input
              id="rf-wanted"
              type="checkbox"
              checked={props.filters.wantedOnly}
              onChange={(e) => props.onFilters({ wantedOnly: e.currentTarget.checked })}
            />
            <label for="rf-wanted">Only the tracks I am applying to</label>
          </div>
          <div class="check">
            <input
              id="rf-preferred"
              type="checkbox"
              checked={props.filters.preferredOnly}
              onChange={(e) => props.onFilters({ preferredOnly: e.currentTarget.checked })}
            />
            <label for="rf-preferred">Only my preferred regions and states</label>
          </div>
        </form>
        <p class="muted" role="status">
          {props.filters.query.trim() && props.textMatches === null
            ? props.searchFailed
              ? 'Search could not be loaded; the filters still work.'
              : 'Loading search…'
            : `Showing ${shownCount()} of ${props.evaluation.programs.length} programs.`}
        </p>
        <For each={bands()}>
          {(band) => (
            <section class={`band band-${band}`} aria-labelledby={`band-${band}`}>
              <h3 id={`band-${band}`}>
                {BAND_LABEL[band]} <span class="muted">({idsByBand().get(band)?.length ?? 0})</span>
              </h3>
              <p class="muted small">{bandMeaning(band, props.model)}</p>
              <ul class="program-rows">
                <For each={props.showRows ? visibleIds(band) : []}>
                  {(id) => (
                    <Show when={byId().get(id)}>
                      {(r) => (
                        <ProgramRow
                          result={r()}
                          base={props.base}
                          onList={props.onList.has(id)}
                          onToggle={() => props.onToggleList(id)}
                          refusal={props.listRefusal?.id === id ? props.listRefusal.message : null}
                          onVerify={() => props.onVerify(id)}
                          open={props.openId === id}
                          model={props.model}
                        />
                      )}
                    </Show>
                  )}
                </For>
              </ul>
              <Show when={visibleIds(band).length < (idsByBand().get(band)?.length ?? 0)}>
                <button
                  type="button"
                  class="secondary small-button"
                  onClick={() => setExpanded(new Set([...expanded(), band]))}
                >
                  {`Show all ${idsByBand().get(band)?.length} ${BAND_LABEL[band]} programs`}
                </button>
              </Show>
            </section>
          )}
        </For>
      </section>
    </>
  );
}

function Select(props: { id: string; label: string; value: string; options: Options; onChange: (v: string) => void }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <For each={props.options}>
          {([value, label]) => (
            <option value={value} selected={props.value === value}>
              {label}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}

/** The space a chart will take, held until it is drawn (so nothing below it moves). */
function ChartSlot() {
  return (
    <div class="chart chart-slot" aria-hidden="true">
      <div class="chart-slot-plot" />
      <div class="chart-slot-summary" />
    </div>
  );
}
