/**
 * Two small SVG charts with a table as their text equivalent: P(at least k interviews) as bars with
 * the model's range, and the curve of applications (expected interviews and P(at least N) after each
 * program, best chance first) that shows the diminishing returns of applying more widely.
 */
import { createUniqueId, For, Show, type JSX } from 'solid-js';
import type { Range } from '../../engine/model/model';
import type { CurvePoint } from '../../engine/model/portfolio';
import { formatEstimate, formatPct } from '../../engine/planner/planner-view';

// Plain numbers (not an object's fields), so Solid sets the fixed coordinates once instead of watching them.
const W = 320;
const H = 150;
/** The plot's edges: 34 px on the left for the axis labels, 8 on the right and top, 28 at the bottom. */
const LEFT = 34;
const RIGHT = W - 8;
const TOP = 8;
const BOTTOM = H - 28;
const plotW = RIGHT - LEFT;
const y = (p: number) => TOP + (BOTTOM - TOP) * (1 - Math.max(0, Math.min(1, p)));
/** Where the labels under the plot sit. */
const LABEL_Y = BOTTOM + 14;
const Y0 = y(0);
const Y1 = y(1);

/** An axis label. */
const label = (x: number, yAt: number, anchor: 'start' | 'middle' | 'end', text: JSX.Element | (() => number)) => (
  <text class="axis" x={x} y={yAt} text-anchor={anchor}>
    {text as JSX.Element}
  </text>
);

/**
 * What both charts share: the SVG (title, description, the 0 / 50 / 100% grid, the plot, the caption
 * under it) and the same numbers as a table.
 */
function Chart(props: {
  title: string;
  desc: string;
  caption: string;
  head: readonly string[];
  rows: readonly (readonly string[])[];
  children: JSX.Element;
}) {
  const id = createUniqueId();
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{props.title}</title>
        <desc id={`${id}-d`}>{props.desc}</desc>
        {[0, 0.5, 1].map((t) => {
          const at = y(t);
          return (
            <>
              <line class="grid" x1={LEFT} x2={RIGHT} y1={at} y2={at} />
              {label(LEFT - 4, at + 4, 'end', `${t * 100}%`)}
            </>
          );
        })}
        {props.children}
        {label(LEFT + plotW / 2, H - 2, 'middle', props.caption)}
      </svg>
      <details class="chart-table">
        <summary>Show as a table</summary>
        <table>
          <caption class="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <For each={props.head}>{(h) => <th scope="col">{h}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
              {(row) => (
                <tr>
                  <For each={row}>{(cell) => <td>{cell}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** P(at least k) for k = 1…kMax, bars at the central value with a line from low to high. */
export function AtLeastChart(props: { atLeast: readonly { k: number; chance: Range }[]; kMax: number; title: string }) {
  const rows = () => props.atLeast.filter((r) => r.k <= props.kMax);
  const step = () => plotW / Math.max(1, rows().length);
  return (
    <Chart
      title={props.title}
      desc={rows()
        .map((r) => `at least ${r.k}: ${formatPct(r.chance.central)}`)
        .join('; ')}
      caption="at least this many interviews"
      head={['Interviews', 'Chance']}
      rows={rows().map((r) => [`at least ${r.k}`, formatEstimate(r.chance)])}
    >
      <For each={rows()}>
        {(row, i) => {
          const chance = () => row.chance;
          const x = () => LEFT + i() * step();
          const mid = () => x() + step() / 2;
          return (
            <>
              <rect
                class="bar"
                x={x() + step() * 0.15}
                width={step() * 0.7}
                y={y(chance().central)}
                height={Math.max(0, Y0 - y(chance().central))}
              />
              <line class="whisker" x1={mid()} x2={mid()} y1={y(chance().low)} y2={y(chance().high)} />
              <text class="axis" x={mid()} y={LABEL_Y} text-anchor="middle">
                {row.k}
              </text>
            </>
          );
        }}
      </For>
    </Chart>
  );
}

/** P(at least `target`) after each number of applications, with the recommended count marked. */
export function CurveChart(props: {
  curve: readonly CurvePoint[];
  target: number;
  recommended: number;
  title: string;
}) {
  const n = () => Math.max(1, props.curve.length);
  const x = (a: number) => LEFT + (plotW * a) / n();
  const point = (c: CurvePoint, pick: (r: Range) => number) =>
    `${x(c.applications).toFixed(1)},${y(pick(c.atLeast)).toFixed(1)}`;
  const path = (pick: (r: Range) => number) => props.curve.map((c, i) => `${i === 0 ? 'M' : 'L'}${point(c, pick)}`);
  const band = () => {
    const top = path((r) => r.high);
    const bottom = [...props.curve].reverse().map((c) => `L${point(c, (r) => r.low)}`);
    return top.length ? `${top.join(' ')} ${bottom.join(' ')} Z` : '';
  };
  // Table rows: every 10th count, the first and the recommended one, so the table stays short.
  const tableRows = () =>
    props.curve.filter(
      (c) => c.applications % 10 === 0 || c.applications === props.recommended || c.applications === 1,
    );
  const recommendedPoint = () => props.curve.find((c) => c.applications === props.recommended);
  return (
    <Chart
      title={props.title}
      desc={tableRows()
        .map((c) => `${c.applications} applications: ${formatPct(c.atLeast.central)}`)
        .join('; ')}
      caption="applications, best chance first"
      head={['Applications', `At least ${props.target} interviews`, 'Expected interviews']}
      rows={tableRows().map((c) => [
        `${c.applications}${c.applications === props.recommended ? ' (recommended)' : ''}`,
        formatEstimate(c.atLeast),
        c.expected.central.toFixed(1),
      ])}
    >
      <path class="range" d={band()} />
      <path class="line" d={path((r) => r.central).join(' ')} />
      <Show when={recommendedPoint()}>
        {(p) => (
          <>
            <line class="marker" x1={x(p().applications)} x2={x(p().applications)} y1={Y0} y2={Y1} />
            <circle class="dot" cx={x(p().applications)} cy={y(p().atLeast.central)} r="3.5" />
          </>
        )}
      </Show>
      {label(LEFT, LABEL_Y, 'start', '0')}
      {label(RIGHT, LABEL_Y, 'end', () => props.curve.length)}
    </Chart>
  );
}
