/**
 * Builds the site search index at build time: every guide section (h2/h3) with its text, every
 * glossary term and every program. Served as /search-index.json and loaded only when someone searches.
 */
import { getCollection } from 'astro:content';
import GithubSlugger from 'github-slugger';
import { fold, type SearchDoc } from '../engine/data/search';
import { chapters, chapterSlug } from './guide';
import { figure } from '../engine/model/reference';
import { reference, figureNumber, formatFigure } from './reference-data';
import { loadPrograms } from './programs';
import { calendar } from './calendar-data';
import { entriesInOrder, isEstimated, matchYears, matchYear, whenText } from '../engine/calendar/calendar';

const TRACK_NAMES: Record<string, string> = {
  dr: 'Diagnostic Radiology',
  'ir-integrated': 'IR–Integrated',
  'ir-independent': 'IR–Independent',
};

/**
 * MDX source to plain text: figures become their values (with their own words, if given), season labels their
 * season, other tags and markdown syntax are dropped.
 */
export function mdxToText(body: string): string {
  return body
    .replace(/<Fig\s+id="([^"]+)"\s*\/>/g, (_, id: string) => formatFigure(figure(reference, id)))
    .replace(/<Season\s+fig="([^"]+)"[^>]*\/>/g, (_, id: string) => `ERAS ${figure(reference, id).year} season`)
    .replace(/<Fig\s+id="([^"]+)"\s*>([^<]*)<\/Fig>/g, (_, id: string, words: string) => {
      return `${figureNumber(figure(reference, id))} ${words.trim()}`;
    })
    .replace(/<[^>]+>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>|#]+/g, ' ')
    .replace(/^\s*[-+]\s+\[[ x]\]\s*/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a chapter body into sections at h2/h3, with the same slugs the page's headings get. */
export function sections(body: string): { heading: string; slug: string; text: string }[] {
  const slugger = new GithubSlugger();
  const out: { heading: string; slug: string; text: string }[] = [{ heading: '', slug: '', text: '' }];
  for (const line of body.split('\n')) {
    const m = /^(#{2,3})\s+(.+?)\s*$/.exec(line);
    if (m) {
      const heading = mdxToText(m[2] ?? '');
      out.push({ heading, slug: slugger.slug(heading), text: '' });
    } else {
      const last = out[out.length - 1];
      if (last) last.text += `${line}\n`;
    }
  }
  return out.map((s) => ({ ...s, text: mdxToText(s.text).slice(0, 1200) }));
}

/** Every search document of the site. */
export async function searchDocs(): Promise<SearchDoc[]> {
  const docs: SearchDoc[] = [];
  for (const c of await chapters()) {
    const slug = chapterSlug(c);
    for (const s of sections(c.body ?? '')) {
      const title = s.heading || c.data.title;
      const text = s.heading ? s.text : `${c.data.description} ${s.text}`;
      docs.push({
        kind: 'guide',
        title,
        context: s.heading ? `Guide · ${c.data.title}` : 'Guide chapter',
        path: `guide/${slug}/${s.slug ? `#${s.slug}` : ''}`,
        text,
        folded: fold(`${title} ${text}`),
      });
    }
  }
  for (const g of await getCollection('glossary')) {
    const text = `${g.data.expansion ?? ''} ${g.data.definition}`.trim();
    docs.push({
      kind: 'glossary',
      title: g.data.term,
      context: 'Glossary',
      path: `guide/glossary/#${g.data.id}`,
      text,
      folded: fold(`${g.data.term} ${g.data.aliases.join(' ')} ${text}`),
    });
  }
  for (const m of matchYears(calendar)) {
    const entries = entriesInOrder(matchYear(calendar, m));
    const text = entries.map((e) => `${e.title}: ${whenText(e)}${isEstimated(e) ? ' (estimated)' : ''}.`).join(' ');
    docs.push({
      kind: 'page',
      title: `Match calendar: the ${m} Match`,
      context: 'Dates and deadlines, .ics file',
      path: `calendar/#match-${m}`,
      text,
      folded: fold(`Match calendar ${m} dates deadlines ${text}`),
    });
  }
  for (const p of loadPrograms()) {
    const context = `${TRACK_NAMES[p.track] ?? p.track} · ${p.city}, ${p.state}`;
    docs.push({
      kind: 'program',
      title: p.name,
      context,
      path: `programs/${p.id}/`,
      text: `${p.sourceName} ${p.city} ${p.state} ${p.id}`,
      folded: fold(`${p.name} ${p.sourceName} ${context}`),
    });
  }
  return docs;
}
