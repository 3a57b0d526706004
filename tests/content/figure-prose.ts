/**
 * How published figures read in rendered HTML. Every `<span class="fig">` (src/components/Fig.astro) must read
 * once: no unit word again after its citation ("150 positions (NRMP 2025) positions", "14 applicants (NRMP 2026)
 * people"), no "a" or "an" before a plural count ("a 2 years … requirement"), a space between the figure and its
 * citation, and none between the citation and the punctuation after it. Run on every chapter rendered in Node
 * (figure-prose.test.ts) and on every page of the build (tests/e2e/run.ts).
 */

/** Nouns that count something; one of them right after a counted figure repeats what the figure says. */
const COUNT_NOUNS = new Set(
  [
    'abstract',
    'applicant',
    'application',
    'candidate',
    'doctor',
    'graduate',
    'img',
    'month',
    'people',
    'person',
    'place',
    'point',
    'position',
    'poster',
    'program',
    'rank',
    'resident',
    'signal',
    'slot',
    'spot',
    'week',
    'year',
  ].map(singular),
);

function singular(word: string): string {
  const w = word.toLowerCase();
  return w.endsWith('s') && w.length > 3 ? w.slice(0, -1) : w;
}

/** A cell, item or paragraph boundary: text on either side does not belong to the same sentence. */
const BREAK = '\u2029';

/** Visible text of an HTML fragment, with block boundaries kept as BREAK and glossary hints dropped. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '')
    .replace(/<span class="visually-hidden">[^<]*<\/span>/g, '')
    .replace(/<\/?(p|li|td|th|tr|table|ul|ol|div|section|aside|h[1-6]|br|caption|dt|dd)\b[^>]*>/g, BREAK)
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;|&#160;|&#xa0;/gi, '\u00a0')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

const FIG = /<span class="fig"[^>]*>([\s\S]*?)<a class="cite"[^>]*>([\s\S]*?)<\/a>\s*<\/span>/g;

/** Every way the figures of one page fail to read once, each with the text around the figure. */
export function figureProblems(html: string): string[] {
  const problems: string[] = [];
  for (const m of html.matchAll(FIG)) {
    const start = m.index;
    const value = visibleText(m[1] ?? '');
    const cite = visibleText(m[2] ?? '').trim();
    const beforeAll = visibleText(html.slice(Math.max(0, start - 400), start));
    const before = beforeAll.slice(beforeAll.lastIndexOf(BREAK) + 1).slice(-40);
    const afterAll = visibleText(html.slice(start + m[0].length, start + m[0].length + 600));
    const after = afterAll.split(BREAK)[0]?.slice(0, 40) ?? '';
    const shown = `"${before}${value}${cite}${after}"`.replace(/\s+/g, ' ');
    const say = (what: string) => problems.push(`${shown}: ${what}`);

    if (!/\S\s+$/.test(value)) say(`no space between "${value.trim()}" and its citation ${cite}`);
    if (/^\s+[.,;:!?)]/.test(after)) say(`a space between the citation ${cite} and the punctuation after it`);

    const words = value.match(/[A-Za-z]+/g) ?? [];
    const last = words[words.length - 1];
    const next = /^\s*([A-Za-z]+)/.exec(after)?.[1];
    if (
      last &&
      next &&
      COUNT_NOUNS.has(singular(next)) &&
      (singular(next) === singular(last) || COUNT_NOUNS.has(singular(last)))
    ) {
      say(`"${last}" and then "${next}": the figure's unit word is said twice`);
    }
    const number = /[\d.,]+/.exec(value)?.[0];
    if (number && number !== '1' && /(^|\s)(a|an)\s*$/i.test(before)) {
      say(`"${before.trim().split(/\s+/).pop()}" before "${value.trim()}": an article before a plural count`);
    }
  }
  return problems;
}
