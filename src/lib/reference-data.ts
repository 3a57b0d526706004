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

/** Formats a figure's value with its unit for prose, e.g. "58.3%", "$11", "30 programs". */
export function formatFigure(f: Figure): string {
  const n = f.value.toLocaleString('en-US', { maximumFractionDigits: 1 });
  switch (f.unit) {
    case '%':
      return `${n}%`;
    case 'USD':
      return `$${n}`;
    case 'points':
      return n;
    default:
      return `${n} ${f.value === 1 ? f.unit.replace(/s$/, '') : f.unit}`;
  }
}
