/**
 * Two small SVG charts with a table as their text equivalent: P(at least k interviews) as bars with
 * the model's range, and the curve of applications (expected interviews and P(at least N) after each
 * program, best chance first) that shows the diminishing returns of applying more widely.
 */
import { createUniqueId, For, Index, Show } from 'solid-js';
import type { Range } from '../../engine/model';
import type { CurvePoint } from '../../engine/portfolio';
import { formatChance, formatPct } from '../../engine/planner-view';

const W = 320;
const H = 150;
const PAD = { left: 34, right: 8, top: 8, bottom: 28 };
const plotW = W - PAD.left - PAD.right;
const plotH = H - PAD.top - PAD.bottom;
const y = (p: number) => PAD.top + plotH * (1 - Math.max(0, Math.min(1, p)));

/** P(at least k) for k = 1…kMax, bars at the central value with a line from low to high. */
export function AtLeastChart(props: { atLeast: readonly { k: number; chance: Range }[]; kMax: number; title: string }) {
  const id = createUniqueId();
  const rows = () => props.atLeast.filter((r) => r.k <= props.kMax);
  const step = () => plotW / Math.max(1, rows().length);
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{props.title}</title>
        <desc id={`${id}-d`}>
          {rows()
            .map((r) => `at least ${r.k}: ${formatPct(r.chance.central)}`)
            .join('; ')}
        </desc>
        <For each={[0, 0.5, 1]}>
          {(t) => (
            <>
              <line class="grid" x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} />
              <text class="axis" x={PAD.left - 4} y={y(t) + 4} text-anchor="end">
                {`${t * 100}%`}
              </text>
            </>
          )}
        </For>
        <Index each={rows()}>
          {(row, i) => {
            const r = {
              get chance() {
                return row().chance;
              },
              get k() {
                return row().k;
              },
            };
            const x = () => PAD.left + i * step();
            return (
              <>
                <rect
                  class="bar"
                  x={x() + step() * 0.15}
                  width={step() * 0.7}
                  y={y(r.chance.central)}
                  height={Math.max(0, y(0) - y(r.chance.central))}
                />
                <line
                  class="whisker"
                  x1={x() + step() / 2}
                  x2={x() + step() / 2}
                  y1={y(r.chance.low)}
                  y2={y(r.chance.high)}
                />
                <text class="axis" x={x() + step() / 2} y={H - PAD.bottom + 14} text-anchor="middle">
                  {r.k}
                </text>
              </>
            );
          }}
        </Index>
        <text class="axis" x={PAD.left + plotW / 2} y={H - 2} text-anchor="middle">
          at least this many interviews
        </text>
      </svg>
      <details class="chart-table">
        <summary>Show as a table</summary>
        <table>
          <caption class="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">Interviews</th>
              <th scope="col">Chance (range)</th>
            </tr>
          </thead>
          <tbody>
            <Index each={rows()}>
              {(r) => (
                <tr>
                  <td>{`at least ${r().k}`}</td>
                  <td>{formatChance(r().chance)}</td>
                </tr>
              )}
            </Index>
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** P(at least `target`) after each number of applications, with the recommended count marked. */
export function CurveChart(props: {
  curve: readonly CurvePoint[];
  target: number;
  recommended: number;
  title: string;
}) {
  const id = createUniqueId();
  const n = () => Math.max(1, props.curve.length);
  const x = (a: number) => PAD.left + (plotW * a) / n();
  const path = (pick: (r: Range) => number) =>
    props.curve.map((c, i) => `${i === 0 ? 'M' : 'L'}${x(c.applications).toFixed(1)},${y(pick(c.atLeast)).toFixed(1)}`);
  const band = () => {
    const top = path((r) => r.high);
    const bottom = [...props.curve]
      .reverse()
      .map((c) => `L${x(c.applications).toFixed(1)},${y(c.atLeast.low).toFixed(1)}`);
    return top.length ? `${top.join(' ')} ${bottom.join(' ')} Z` : '';
  };
  // Table rows: every 10th count, the first and the recommended one, so the table stays short.
  const tableRows = () =>
    props.curve.filter(
      (c) => c.applications % 10 === 0 || c.applications === props.recommended || c.applications === 1,
    );
  const recommendedPoint = () => props.curve.find((c) => c.applications === props.recommended);
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{props.title}</title>
        <desc id={`${id}-d`}>
          {tableRows()
            .map((c) => `${c.applications} applications: ${formatPct(c.atLeast.central)}`)
            .join('; ')}
        </desc>
        <For each={[0, 0.5, 1]}>
          {(t) => (
            <>
              <line class="grid" x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} />
              <text class="axis" x={PAD.left - 4} y={y(t) + 4} text-anchor="end">
                {`${t * 100}%`}
              </text>
            </>
          )}
        </For>
        <path class="range" d={band()} />
        <path class="line" d={path((r) => r.central).join(' ')} />
        <Show when={recommendedPoint()}>
          {(p) => (
            <>
              <line class="marker" x1={x(p().applications)} x2={x(p().applications)} y1={y(0)} y2={y(1)} />
              <circle class="dot" cx={x(p().applications)} cy={y(p().atLeast.central)} r="3.5" />
            </>
          )}
        </Show>
        <text class="axis" x={PAD.left} y={H - PAD.bottom + 14} text-anchor="start">
          0
        </text>
        <text class="axis" x={W - PAD.right} y={H - PAD.bottom + 14} text-anchor="end">
          {props.curve.length}
        </text>
        <text class="axis" x={PAD.left + plotW / 2} y={H - 2} text-anchor="middle">
          applications, best chance first
        </text>
      </svg>
      <details class="chart-table">
        <summary>Show as a table</summary>
        <table>
          <caption class="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">Applications</th>
              <th scope="col">{`At least ${props.target} interviews`}</th>
              <th scope="col">Expected interviews</th>
            </tr>
          </thead>
          <tbody>
            <Index each={tableRows()}>
              {(c) => (
                <tr>
                  <td>{`${c().applications}${c().applications === props.recommended ? ' (recommended)' : ''}`}</td>
                  <td>{formatChance(c().atLeast)}</td>
                  <td>{c().expected.central.toFixed(1)}</td>
                </tr>
              )}
            </Index>
          </tbody>
        </table>
      </details>
    </figure>
  );
}
