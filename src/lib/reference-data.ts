/**
 * The reference figures, parsed once at build time with the engine's schema. A bad figure or an
 * unknown source key throws here, so the build fails naming the field.
 */
import raw from '../../content/reference/figures.json';
import { referenceFileSchema, type Figure, type ReferenceFile, type Source } from '../engine/model/reference';

function load(): ReferenceFile {
  const parsed = referenceFileSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  content/reference/figures.json ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid reference figures:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** All reference figures and sources, validated. */
export const reference: ReferenceFile = load();

/** A source by its key; throws on an unknown key so a typo fails the build. */
export function sourceById(id: string): Source {
  const s = reference.sources.find((x) => x.id === id);
  if (!s) throw new Error(`Unknown source "${id}" (see content/reference/figures.json)`);
  return s;
}

/** A figure's number as prose shows it, without a unit word: "58.3%", "$11", "1,057". */
export function figureNumber(f: Figure): string {
  const n = f.value.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return f.unit === '%' ? `${n}%` : f.unit === 'USD' ? `$${n}` : n;
}

/** The unit word a count carries in prose ("programs", "1 year"), or "" for %, USD and points. */
export function unitWord(f: Figure): string {
  if (f.unit === '%' || f.unit === 'USD' || f.unit === 'points') return '';
  return f.value === 1 ? f.unit.replace(/s$/, '') : f.unit;
}

/** Formats a figure's value with its unit for prose, e.g. "58.3%", "$11", "30 programs". */
export function formatFigure(f: Figure): string {
  const word = unitWord(f);
  return word ? `${figureNumber(f)} ${word}` : figureNumber(f);
}

/**
 * How a figure is cited: its source's publisher and year of publication, e.g. "NRMP 2025". A figure about an
 * earlier year (an abstract published in 2023 on the 2020 Match) is cited by the publication, not the data year.
 * `space` goes between the two (a no-break space keeps the year with the publisher's last word).
 */
export function citationLabel(s: Source, space = ' '): string {
  return `${s.publisher}${space}${s.year}`;
}
