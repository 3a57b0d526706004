/**
 * Every guide chapter rendered in Node through Astro's container, with the components and markdown plugins of
 * the build: each figure reads once (figure-prose.ts), each figure cites its source's publication year, and
 * every link from one chapter to a section of another lands on an id that page has.
 */
import { readFileSync } from 'node:fs';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import mdxRenderer from '@astrojs/mdx/server.js';
import { createComponent, render, type AstroComponentFactory } from 'astro/runtime/server/index.js';
import Fig from '../../src/components/Fig.astro';
import { guideComponents } from '../../src/components/guide-components';
import { referenceFileSchema } from '../../src/engine/model/reference';
import { figureProblems, visibleText } from './figure-prose';

const modules = import.meta.glob<{ default: AstroComponentFactory }>('../../content/guide/*.mdx', { eager: true });
const chapters = Object.entries(modules)
  .map(([path, mod]) => ({ file: path.split('/').pop() ?? path, slug: slugOf(path), Content: mod.default }))
  .sort((a, b) => a.file.localeCompare(b.file));
const reference = referenceFileSchema.parse(JSON.parse(readFileSync('content/reference/figures.json', 'utf8')));
const glossaryIds = (JSON.parse(readFileSync('content/glossary.json', 'utf8')) as { id: string }[]).map((e) => e.id);

function slugOf(path: string): string {
  return (path.split('/').pop() ?? '').replace(/^\d+-/, '').replace(/\.mdx$/, '');
}

// The two widgets hold Solid islands, which this Node run (browser build of Solid, see vitest.config.ts) cannot
// render; they cite through their own code, not <Fig>, so an empty stand-in loses nothing checked here.
const widget = createComponent(() => render`<div class="widget-stand-in"></div>`);
const components = { ...guideComponents, Step2Position: widget, FeeEstimator: widget };
const container = await AstroContainer.create();
container.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
const rendered = new Map<string, string>();
for (const c of chapters) rendered.set(c.slug, await container.renderToString(c.Content, { props: { components } }));
const html = (slug: string) => rendered.get(slug) ?? '';

describe('the figure check catches what reads wrong', () => {
  const fig = (value: string, cite = '(NRMP\u00a02025)') =>
    `<span class="fig" data-astro-cid-x>${value}<a class="cite" href="/method/">${cite}</a></span>`;
  it.each([
    ['a repeated unit', `<p>Offered ${fig('150 positions ')} positions at PGY-2.</p>`, 'said twice'],
    ['another count noun after a unit', `<p>Only ${fig('14 applicants ')} people matched.</p>`, 'said twice'],
    ['a repeated unit after own words', `<p>A median of ${fig('5 abstracts ')} abstracts, posters.</p>`, 'said twice'],
    ['an article before a plural count', `<p>It carries a ${fig('2 years ')} requirement.</p>`, 'article'],
    ['a citation stuck to the number', `<p>Offered ${fig('150 positions')} at PGY-2.</p>`, 'no space'],
    ['a space before a full stop', `<p>Those listed ${fig('2 abstracts ')} . Then</p>`, 'punctuation'],
  ])('%s', (_, snippet, what) => {
    const problems = figureProblems(snippet);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(what);
  });
  it.each([
    ['own words', `<p>Only ${fig('14 people ')} matched.</p>`],
    ['a unit followed by other words', `<p>Offered ${fig('150 positions ')} starting at PGY-2.</p>`],
    ['a table cell, then a row label', `<td>${fig('52 positions ')}</td></tr><tr><td>Positions filled</td>`],
    ['a singular count after "a"', `<p>It adds a ${fig('1 year ')} block.</p>`],
    ['a percentage', `<p>${fig('73.1% ')} of programs that answered.</p>`],
  ])('lets %s pass', (_, snippet) => {
    expect(figureProblems(snippet)).toEqual([]);
  });
});

describe('every chapter, rendered', () => {
  it('renders all 16 chapters', () => {
    expect(chapters).toHaveLength(16);
  });

  it.each(chapters.map((c) => c.file))('%s: each figure reads once, with a space before its citation', (file) => {
    const slug = slugOf(file);
    expect(figureProblems(html(slug)).map((p) => `/guide/${slug}/ ${p}`)).toEqual([]);
  });

  it.each(chapters.map((c) => c.file))('%s: links to a section of a chapter land on an id it has', (file) => {
    const missing: string[] = [];
    for (const [, slug = '', id = ''] of html(slugOf(file)).matchAll(/href="\/guide\/([a-z-]+)\/#([^"]+)"/g)) {
      const target = slug === 'glossary' ? glossaryIds.map((g) => `id="${g}"`).join(' ') : html(slug);
      if (!target.includes(`id="${id}"`)) missing.push(`/guide/${slug}/#${id}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('a figure cites its source', () => {
  it.each(reference.figures.map((f) => f.id))('%s: publisher and year of publication, after a space', async (id) => {
    const f = reference.figures.find((x) => x.id === id);
    const s = reference.sources.find((x) => x.id === f?.source);
    const text = visibleText(await container.renderToString(Fig, { props: { id } }));
    expect(text).toMatch(new RegExp(`\\S \\(${escape(s?.publisher ?? '')}\u00a0${s?.year}\\)$`));
  });

  it('uses the words given as children instead of the unit word', async () => {
    const text = visibleText(
      await container.renderToString(Fig, { props: { id: 'co.img.ir.matched' }, slots: { default: 'people' } }),
    );
    expect(text).toBe('14 people (NRMP\u00a02026)');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
