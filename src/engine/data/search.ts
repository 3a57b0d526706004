/** Site search: the document shape and the text normalization shared by the index builder and the search box. */

/** One searchable thing: a guide section, a glossary entry, a program or a section of another page (the calendar). */
export interface SearchDoc {
  /** What kind of result it is. */
  kind: 'guide' | 'glossary' | 'program' | 'page';
  /** Result title: the heading, term or program name. */
  title: string;
  /** Where it sits: the chapter title, "Glossary", or the program's city and track. */
  context: string;
  /** Link, relative to the site base, e.g. "guide/visas/#j-1-or-h-1b". */
  path: string;
  /** Body text (shortened), for matching and the snippet. */
  text: string;
  /** The title and text folded by `fold`, so "H1B" finds "H-1B". */
  folded: string;
}

/** Folds text for matching: lower case, accents removed, hyphens and dots dropped ("H-1B" → "h1b", "St. Louis" → "st louis"). */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-‐‑–—.'’]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A snippet of `text` around the first place any query word occurs, at most `max` characters. */
export function snippet(text: string, query: string, max = 160): string {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 1);
  const lower = text.toLowerCase();
  const hit = words.map((w) => lower.indexOf(w)).filter((i) => i >= 0);
  const at = hit.length ? Math.min(...hit) : 0;
  const start = Math.max(0, at - Math.floor(max / 3));
  const cut = text.slice(start, start + max).trim();
  return `${start > 0 ? '…' : ''}${cut}${start + max < text.length ? '…' : ''}`;
}

/** Fuse.js keys and weights, shared by the index builder and the search box so the prebuilt index matches. */
export const SEARCH_KEYS = [
  { name: 'title', weight: 3 },
  { name: 'folded', weight: 2 },
  { name: 'context', weight: 0.5 },
];
