import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chapterFrontmatterSchema, glossaryEntrySchema } from '../../src/engine/data/guide';
import { referenceFileSchema } from '../../src/engine/model/reference';
import { sharedRuns } from './overlap';

const dir = 'content/guide';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.mdx'))
  .sort();
const read = (f: string) => readFileSync(join(dir, f), 'utf8');
const reference = referenceFileSchema.parse(JSON.parse(readFileSync('content/reference/figures.json', 'utf8')));
const figureIds = new Set(reference.figures.map((f) => f.id));
const sourceIds = new Set(reference.sources.map((s) => s.id));
const slugs = new Set(files.map((f) => f.replace(/^\d+-/, '').replace(/\.mdx$/, '')));

/** Minimal YAML frontmatter reader for the flat keys the chapters use. */
function frontmatter(text: string): Record<string, unknown> {
  const block = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const out: Record<string, unknown> = {};
  for (const line of block.split('\n')) {
    const m = /^(\w+):\s*(.*)$/.exec(line);
    if (!m) continue;
    const [, key = '', raw = ''] = m;
    const v = raw.replace(/\s+#.*$/, '').trim();
    out[key] = v.startsWith('[') ? JSON.parse(v) : /^\d+$/.test(v) ? Number(v) : v.replace(/^"(.*)"$/, '$1');
  }
  return out;
}

describe('guide chapters', () => {
  it('has the 16 chapters, numbered 1 to 16', () => {
    expect(files).toHaveLength(16);
    expect(files.map((f) => Number(f.slice(0, 2)))).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
  });

  it.each(files)('%s has valid frontmatter whose order matches its file name', (f) => {
    const fm = chapterFrontmatterSchema.parse(frontmatter(read(f)));
    expect(fm.order).toBe(Number(f.slice(0, 2)));
    for (const s of fm.sources) expect(sourceIds, `${f}: unknown source ${s}`).toContain(s);
  });

  it.each(files)('%s cites only figures that exist, and lists their sources', (f) => {
    const text = read(f);
    const fm = chapterFrontmatterSchema.parse(frontmatter(text));
    for (const [, id = ''] of text.matchAll(/<Fig\s+id="([^"]+)"/g)) {
      expect(figureIds, `${f}: unknown figure ${id}`).toContain(id);
      const src = reference.figures.find((x) => x.id === id)?.source ?? '';
      expect(fm.sources, `${f}: figure ${id} needs source ${src} in frontmatter`).toContain(src);
    }
  });

  it.each(files)('%s links only to chapters that exist', (f) => {
    for (const [, slug = ''] of read(f).matchAll(/\]\(\/guide\/([a-z-]+)\/[^)]*\)/g)) {
      if (slug !== 'glossary') expect(slugs, `${f}: link to /guide/${slug}/`).toContain(slug);
    }
  });

  // Figures the planner also uses must come from content/reference, never be typed into prose.
  const plannerFigures = [
    'eras.fee.tier1',
    'eras.fee.tier2',
    'survey.dr.j1',
    'survey.dr.h1b',
    'nrmp.fee.per-extra-rank',
    'co.img.dr.match-rate',
    'co.img.ir.match-rate',
  ];
  it.each(files)('%s writes planner figures only through <Fig>', (f) => {
    const prose = read(f).replace(/<Fig\s+id="[^"]+"\s*\/>/g, '');
    for (const id of plannerFigures) {
      const fig = reference.figures.find((x) => x.id === id);
      if (!fig) throw new Error(`missing ${id}`);
      const literal = fig.unit === 'USD' ? `$${fig.value}` : `${fig.value}${fig.unit === '%' ? '%' : ''}`;
      expect(prose.includes(literal), `${f} types ${literal} (${id}) instead of <Fig id="${id}" />`).toBe(false);
    }
  });
});

describe('the guide says each shared fact once and links to it', () => {
  // The J-1/H-1B survey shares live in the visa chapter; other chapters link to its section.
  it.each([
    ['survey.dr.j1', '09-visas.mdx'],
    ['survey.dr.h1b', '09-visas.mdx'],
  ])('%s is quoted only in %s', (id, home) => {
    const quoting = files.filter((f) => read(f).includes(`<Fig id="${id}"`));
    expect(quoting).toEqual([home]);
  });

  it('states the Charting Outcomes caveat in one anchored note (01-landscape), which others link to', () => {
    const holding = files.filter((f) => read(f).includes('id="charting-outcomes-limits"'));
    expect(holding).toEqual(['01-landscape.mdx']);
    const linking = files.filter((f) => read(f).includes('/guide/landscape/#charting-outcomes-limits'));
    expect(linking.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s leaves defining IR to the glossary', (f) => {
    expect(read(f)).not.toMatch(/\bIR (means|is) Interventional Radiology/);
  });

  it.each(files)('%s labels an ERAS season only through <Season>, which says which cycle and where to check', (f) => {
    const prose = read(f)
      .replace(/^---[\s\S]*?---/, '')
      .replace(/<Season\s[^>]*\/>/g, '');
    expect(prose).not.toMatch(/\b20\d\d (ERAS )?season\b/);
  });
});

describe('the guide is in our own words', () => {
  const seedDir = '../shared/seeds';
  const seed = existsSync(seedDir)
    ? readdirSync(seedDir)
        .map((f) => readFileSync(join(seedDir, f), 'utf8'))
        .join('\n')
    : '';

  it('finds a copied run when there is one (the check itself works)', () => {
    const source = 'one two three four five six seven eight nine ten';
    expect(sharedRuns('zero one two three four five six seven eight', source)).toEqual([
      'one two three four five six seven eight',
    ]);
    expect(sharedRuns('one two three four five six seven', source)).toEqual([]);
  });

  it.skipIf(!seed).each(files)('%s shares no run of 8+ words with the source article', (f) => {
    expect(sharedRuns(read(f), seed)).toEqual([]);
  });

  it.skipIf(!seed)('the glossary shares no run of 8+ words with the source article', () => {
    expect(sharedRuns(readFileSync('content/glossary.json', 'utf8'), seed)).toEqual([]);
  });
});

describe('glossary', () => {
  const entries = glossaryEntrySchema.array().parse(JSON.parse(readFileSync('content/glossary.json', 'utf8')));
  it('defines the terms the guide relies on', () => {
    const terms = new Set(entries.map((e) => e.term));
    for (const t of [
      'IMG',
      'ECFMG',
      'ERAS',
      'NRMP',
      'USCE',
      'LoR',
      'ESIR',
      'PGY',
      'TY',
      'PD',
      'SIR',
      'CIRSE',
      'J-1',
      'H-1B',
      'YOG',
      'Step 1',
      'Step 2 CK',
      'Step 3',
    ]) {
      expect(terms, t).toContain(t);
    }
  });
  it('has unique ids', () => {
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });
});
