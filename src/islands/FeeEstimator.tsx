/**
 * ERAS and NRMP fee estimator for the targeting chapter: three counts in, fees out (engine: fees.ts), and the
 * whole way for each example plan: its other costs plus these fees (engine: costs/cost-totals.ts).
 */
import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import {
  erasCostCurve,
  erasFeeForSchedule,
  erasFeesForSchedule,
  formatUsd,
  MAX_FEE_COUNT,
  nrmpRankFeeForSchedule,
  parseProgramCount,
  type CountInput,
  type FeeSchedule,
} from '../engine/plan/fees';
import { wholeWayCost } from '../engine/costs/cost-totals';
import { registerServiceWorker } from './register-sw';

/** An example plan's costs besides the DR and IR–Integrated ERAS fees and extra ranks, added up at build time. */
interface PlanCosts {
  /** Plan id, used in element ids. */
  id: string;
  /** Plan name. */
  title: string;
  /** Its other costs, USD. */
  otherCosts: number;
}

interface Props {
  /** The fee schedule from content/reference/figures.json, resolved at build time. */
  fees: FeeSchedule;
  /** Starting DR count. */
  dr: number;
  /** Starting IR–Integrated count. */
  ir: number;
  /** Starting number of ranks. */
  ranks: number;
  /** Example plans whose other costs the estimate completes. */
  plans: PlanCosts[];
}

const W = 560;
const H = 240;
const LEFT = 56;
const RIGHT = 16;
const TOP = 14;
const BOTTOM = 40;
const CHART_MAX = 80;

interface Field {
  id: string;
  label: string;
  raw: () => string;
  set: (v: string) => void;
  parsed: () => CountInput;
}

export default function FeeEstimator(props: Props) {
  // The guide works offline once a widget page has registered the service worker.
  onMount(() => registerServiceWorker(import.meta.env.BASE_URL));
  const field = (id: string, label: string, start: number): Field => {
    const [raw, set] = createSignal(String(start));
    const parsed = createMemo(() => parseProgramCount(raw()));
    return { id, label, raw, set, parsed };
  };
  const dr = field('fee-dr', 'DR programs you apply to', props.dr);
  const ir = field('fee-ir', 'IR–Integrated programs you apply to', props.ir);
  const ranks = field('fee-ranks', 'Programs on your rank list', props.ranks);
  const value = (f: Field): number | null => {
    const p = f.parsed();
    return p.ok ? p.value : null;
  };

  const eras = createMemo(() => {
    const d = value(dr);
    const i = value(ir);
    return {
      dr: d === null ? null : erasFeeForSchedule(d, props.fees),
      ir: i === null ? null : erasFeeForSchedule(i, props.fees),
      total: d === null || i === null ? null : erasFeesForSchedule({ dr: d, 'ir-integrated': i }, props.fees).total,
    };
  });
  const nrmp = createMemo(() => {
    const r = value(ranks);
    return r === null ? null : nrmpRankFeeForSchedule(r, props.fees);
  });
  const grand = createMemo(() => {
    const e = eras().total;
    const n = nrmp();
    return e === null || n === null ? null : e + n;
  });
  const usd = (n: number | null) => (n === null ? '—' : formatUsd(n));

  const curve = erasCostCurve(CHART_MAX, props.fees);
  const top = curve[CHART_MAX] ?? 0;
  const x = (n: number) => LEFT + (Math.min(n, CHART_MAX) / CHART_MAX) * (W - LEFT - RIGHT);
  const y = (usdAmount: number) => TOP + (1 - usdAmount / top) * (H - TOP - BOTTOM);
  const path = curve.map((c, n) => `${n === 0 ? 'M' : 'L'}${x(n).toFixed(1)},${y(c).toFixed(1)}`).join(' ');
  const tier = props.fees.erasTier1Programs;
  const yTicks = [0, 500, 1000, 1500].filter((t) => t <= top);
  const xTicks = [0, 10, 20, 30, 40, 50, 60, 70, 80];
  const listed = [10, tier, tier + 1, 40, 60, CHART_MAX];
  const markers = () =>
    [
      { key: 'dr', name: 'DR', n: value(dr) },
      { key: 'ir', name: 'IR', n: value(ir) },
    ].filter((m): m is { key: string; name: string; n: number } => m.n !== null && m.n > 0 && m.n <= CHART_MAX);

  return (
    <div class="fee-estimator">
      <div class="fee-inputs">
        <For each={[dr, ir, ranks]}>
          {(f) => (
            <div class="fee-field">
              <label for={f.id}>{f.label}</label>
              <input
                id={f.id}
                inputmode="numeric"
                autocomplete="off"
                value={f.raw()}
                onInput={(e) => f.set(e.currentTarget.value)}
                aria-describedby={`${f.id}-error`}
                aria-invalid={f.parsed().ok ? undefined : 'true'}
              />
              <p id={`${f.id}-error`} class="error" role="alert">
                {(() => {
                  const p = f.parsed();
                  return p.ok ? '' : p.message;
                })()}
              </p>
            </div>
          )}
        </For>
      </div>
      <table class="fee-table">
        <caption>Your fee estimate</caption>
        <tbody>
          <tr>
            <th scope="row">ERAS, DR</th>
            <td id="fee-eras-dr">{usd(eras().dr)}</td>
          </tr>
          <tr>
            <th scope="row">ERAS, IR–Integrated</th>
            <td id="fee-eras-ir">{usd(eras().ir)}</td>
          </tr>
          <tr>
            <th scope="row">ERAS total</th>
            <td id="fee-eras-total">{usd(eras().total)}</td>
          </tr>
          <tr>
            <th scope="row">NRMP fee for ranks beyond {props.fees.nrmpIncludedRanks}</th>
            <td id="fee-nrmp">{usd(nrmp())}</td>
          </tr>
          <tr class="grand">
            <th scope="row">Total</th>
            <td id="fee-total">{usd(grand())}</td>
          </tr>
        </tbody>
      </table>
      <table class="fee-table fee-whole">
        <caption>The whole way, with these application fees</caption>
        <tbody>
          <For each={props.plans}>
            {(p) => (
              <tr>
                <th scope="row">
                  {p.title}: other costs {formatUsd(p.otherCosts)}, plus this estimate
                </th>
                <td id={`fee-whole-${p.id}`}>
                  {(() => {
                    const g = grand();
                    return g === null ? '—' : formatUsd(wholeWayCost(p.otherCosts, g));
                  })()}
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <p class="status" aria-live="polite">
        {grand() === null
          ? 'Fix the numbers above to see the total.'
          : `Total ${usd(grand())}: ERAS ${usd(eras().total)} and NRMP rank fees ${usd(nrmp())}.`}
      </p>
      <figure class="fee-chart">
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="fee-chart-title">
          <title id="fee-chart-title">
            Cumulative ERAS fee in one specialty for 0 to {CHART_MAX} programs: it rises faster from program {tier + 1}.
          </title>
          <For each={yTicks}>
            {(t) => (
              <g>
                <line x1={LEFT} x2={W - RIGHT} y1={y(t)} y2={y(t)} class="grid" />
                <text x={LEFT - 6} y={y(t) + 4} text-anchor="end" class="tick">
                  {formatUsd(t)}
                </text>
              </g>
            )}
          </For>
          <For each={xTicks}>
            {(t) => (
              <text x={x(t)} y={H - BOTTOM + 16} text-anchor="middle" class="tick">
                {t}
              </text>
            )}
          </For>
          <text x={(LEFT + W - RIGHT) / 2} y={H - 4} text-anchor="middle" class="tick">
            Programs in one specialty
          </text>
          <line x1={x(tier + 0.5)} x2={x(tier + 0.5)} y1={TOP} y2={H - BOTTOM} class="step" />
          <text x={x(tier + 0.5) + 6} y={TOP + 12} class="tick">
            From program {tier + 1}: {formatUsd(props.fees.erasTier2)} each
          </text>
          <path d={path} class="curve" />
          <For each={markers()}>
            {(m) => (
              <g>
                <circle cx={x(m.n)} cy={y(erasFeeForSchedule(m.n, props.fees))} r={5} class={`dot dot-${m.key}`} />
                <text x={x(m.n) - 8} y={y(erasFeeForSchedule(m.n, props.fees)) - 8} text-anchor="end" class="dot-label">
                  {m.name}
                </text>
              </g>
            )}
          </For>
        </svg>
        <figcaption>
          <p>ERAS fee in one specialty, for all its programs together:</p>
          <ul>
            <For each={listed}>
              {(n) => (
                <li>
                  {n} program{n === 1 ? '' : 's'}: {formatUsd(curve[n] ?? 0)}
                </li>
              )}
            </For>
          </ul>
          <Show when={markers().length > 0}>
            <p class="help">The dots mark your DR and IR–Integrated counts.</p>
          </Show>
        </figcaption>
      </figure>
      <p class="help">
        Counts from 0 to {MAX_FEE_COUNT}. Each specialty starts again at {formatUsd(props.fees.erasTier1)} per program.
      </p>
    </div>
  );
}
