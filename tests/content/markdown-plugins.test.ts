/**
 * The markdown plugins on small hand-built trees: glossary links (first use per chapter only, never in
 * headings, links or code), base-path links, printable task boxes, and the reading time put in the
 * frontmatter. The base-path plugin is also run on every real chapter through the MDX compiler.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import rehypeBaseLinks, { withBase } from '../../src/lib/markdown/rehype-base-links';
import rehypeGlossary from '../../src/lib/markdown/rehype-glossary';
import rehypeTableScroll from '../../src/lib/markdown/rehype-table-scroll';
import rehypeTaskBoxes from '../../src/lib/markdown/rehype-task-boxes';
import remarkReadingTime, { WORDS_PER_MINUTE } from '../../src/lib/markdown/remark-reading-time';

interface Node {
  type: string;
  tagName?: string;
  value?: string;
  name?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

const text = (value: string): Node => ({ type: 'text', value });
const el = (tagName: string, children: Node[], properties: Record<string, unknown> = {}): Node => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const root = (...children: Node[]): Node => ({ type: 'root', children });

/** Every element with the tag, in document order. */
function all(node: Node, tagName: string): Node[] {
  const here = node.type === 'element' && node.tagName === tagName ? [node] : [];
  return [...here, ...(node.children ?? []).flatMap((c) => all(c, tagName))];
}

/** The text of a node and its descendants. */
function textOf(node: Node): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');
}

const hidden = (node: Node) => (node.properties?.['className'] as string[] | undefined)?.includes('visually-hidden');

/** The text a sighted reader sees: without visually hidden spans. */
function visibleText(node: Node): string {
  if (node.type === 'text') return node.value ?? '';
  return hidden(node) ? '' : (node.children ?? []).map(visibleText).join('');
}

describe('rehype-glossary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'irp-glossary-'));
  const file = join(dir, 'glossary.json');
  writeFileSync(
    file,
    JSON.stringify([
      { id: 'eras', term: 'ERAS', expansion: 'Electronic Residency Application Service', aliases: ['MyERAS'] },
      { id: 'step-2-ck', term: 'Step 2 CK', aliases: ['Step 2'] },
      { id: 'dr', term: 'DR', expansion: 'Diagnostic Radiology' },
    ]),
  );
  const run = (tree: Node, path = 'content/guide/11-eras.mdx', base = '/') => {
    rehypeGlossary({ file, base })(tree, { path });
    return tree;
  };
  const termLinks = (tree: Node) =>
    all(tree, 'a').filter((a) => (a.properties?.['className'] as string[] | undefined)?.includes('term'));

  it('links only the first use of a term in a chapter, with the expansion as title', () => {
    const tree = run(root(el('p', [text('Apply through ERAS early. ERAS opens in June.')]), el('p', [text('ERAS')])));
    const links = termLinks(tree);
    expect(links).toHaveLength(1);
    expect(links[0]?.properties).toMatchObject({
      href: '/guide/glossary/#eras',
      title: 'Electronic Residency Application Service',
    });
    expect(visibleText(tree)).toBe('Apply through ERAS early. ERAS opens in June.ERAS');
    const first = tree.children?.[0]?.children ?? [];
    expect(first.map((n) => n.type)).toEqual(['text', 'element', 'text']);
  });

  it('names the link "<term> (glossary)" for screen readers and search engines, showing only the term', () => {
    const [link] = termLinks(run(root(el('p', [text('Rank DR programs.')]))));
    expect(textOf(link as Node)).toBe('DR (glossary)');
    expect(visibleText(link as Node)).toBe('DR');
    expect(link?.children?.[1]).toMatchObject({ tagName: 'span', properties: { className: ['visually-hidden'] } });
  });

  it('links each term again in the next chapter', () => {
    const plugin = rehypeGlossary({ file, base: '/' });
    const a = root(el('p', [text('ERAS')]));
    const b = root(el('p', [text('ERAS')]));
    plugin(a, { path: 'content/guide/04-cv.mdx' });
    plugin(b, { path: 'content/guide/11-eras.mdx' });
    expect(termLinks(a)).toHaveLength(1);
    expect(termLinks(b)).toHaveLength(1);
  });

  it('skips headings, links and code, then links the first use in running text', () => {
    const tree = run(
      root(
        el('h2', [text('How ERAS works')]),
        el('h3', [text('ERAS')]),
        el('p', [
          el('a', [text('ERAS site')], { href: 'https://example.org' }),
          text(' and '),
          el('code', [text('ERAS')]),
        ]),
        el('pre', [el('code', [text('ERAS')])]),
        el('p', [text('Then ERAS again.')]),
      ),
    );
    const links = termLinks(tree);
    expect(links).toHaveLength(1);
    expect(visibleText(links[0] as Node)).toBe('ERAS');
    expect(all(tree, 'h2')[0]?.children).toEqual([text('How ERAS works')]);
    expect(all(tree, 'h3')[0]?.children).toEqual([text('ERAS')]);
    expect(all(tree, 'code').map((c) => c.children)).toEqual([[text('ERAS')], [text('ERAS')]]);
    expect(all(tree, 'p')[1]?.children?.[1]).toBe(links[0]);
  });

  it('prefers the longest spelling and respects word edges', () => {
    const tree = run(root(el('p', [text('Take Step 2 CK. MyERASX and ERAS-based and IR/DR are not terms; DR is.')])));
    const links = termLinks(tree);
    expect(links.map(visibleText)).toEqual(['Step 2 CK', 'DR']);
    expect(links.map((a) => a.properties?.['href'])).toEqual(['/guide/glossary/#step-2-ck', '/guide/glossary/#dr']);
    expect(visibleText(tree)).toBe('Take Step 2 CK. MyERASX and ERAS-based and IR/DR are not terms; DR is.');
  });

  it('links inside MDX components and respects the base path', () => {
    const tree = run(
      root({ type: 'mdxJsxFlowElement', name: 'Callout', children: [el('p', [text('Use MyERAS.')])] }),
      'content/guide/11-eras.mdx',
      '/ir-pathway/',
    );
    expect(termLinks(tree).map((a) => a.properties?.['href'])).toEqual(['/ir-pathway/guide/glossary/#eras']);
  });

  it('leaves the glossary itself alone', () => {
    const tree = run(root(el('p', [text('ERAS')])), 'content/glossary.mdx');
    expect(termLinks(tree)).toHaveLength(0);
  });
});

describe('rehype-base-links', () => {
  it.each([
    ['/guide/usmle/', '/ir-pathway/', '/ir-pathway/guide/usmle/'],
    ['/guide/usmle/#step-3', '/ir-pathway', '/ir-pathway/guide/usmle/#step-3'],
    ['/', '/ir-pathway/', '/ir-pathway/'],
    ['/guide/usmle/', '/', '/guide/usmle/'],
    ['/ir-pathway/guide/usmle/', '/ir-pathway/', '/ir-pathway/guide/usmle/'],
    ['//cdn.example.org/x.png', '/ir-pathway/', '//cdn.example.org/x.png'],
    ['https://www.nrmp.org/', '/ir-pathway/', 'https://www.nrmp.org/'],
    ['#visa', '/ir-pathway/', '#visa'],
    ['../usmle/', '/ir-pathway/', '../usmle/'],
    ['mailto:a@example.org', '/ir-pathway/', 'mailto:a@example.org'],
  ])('withBase(%j, %j) is %j', (url, base, expected) => {
    expect(withBase(url, base)).toBe(expected);
  });

  const run = (tree: Node, base = '/ir-pathway/') => {
    rehypeBaseLinks({ base })(tree);
    return tree;
  };

  it('prefixes root-relative href and src on elements, at any depth', () => {
    const tree = run(
      root(
        el('p', [el('a', [text('the USMLE chapter')], { href: '/guide/usmle/' })]),
        el('ul', [el('li', [el('a', [text('NRMP')], { href: 'https://www.nrmp.org/' })])]),
        el('img', [], { src: '/favicon.svg', alt: '' }),
        el('a', [text('section')], { href: '#visa' }),
      ),
    );
    expect(all(tree, 'a').map((a) => a.properties?.['href'])).toEqual([
      '/ir-pathway/guide/usmle/',
      'https://www.nrmp.org/',
      '#visa',
    ]);
    expect(all(tree, 'img')[0]?.properties?.['src']).toBe('/ir-pathway/favicon.svg');
  });

  it('prefixes JSX HTML attributes, not component props', () => {
    const jsx = (
      name: string,
      href: string,
    ): Node & { attributes: { type: string; name: string; value: string }[] } => ({
      type: 'mdxJsxTextElement',
      name,
      attributes: [{ type: 'mdxJsxAttribute', name: 'href', value: href }],
      children: [],
    });
    const a = jsx('a', '/guide/faq/');
    const component = jsx('PlannerLink', '/guide/faq/');
    run(root(el('p', [a, component])));
    expect(a.attributes[0]?.value).toBe('/ir-pathway/guide/faq/');
    expect(component.attributes[0]?.value).toBe('/guide/faq/');
  });

  it('changes nothing at the root base', () => {
    const tree = root(el('a', [text('x')], { href: '/guide/usmle/' }));
    expect(run(structuredClone(tree), '/')).toEqual(tree);
  });

  const chapters = readdirSync('content/guide').filter((f) => f.endsWith('.mdx'));
  it.each(chapters)('%s: every root-relative link gets the base (MDX compiler)', async (f) => {
    const source = readFileSync(join('content/guide', f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    const hrefs = async (base: string) => {
      const js = String(await compile(source, { rehypePlugins: [[rehypeBaseLinks, { base }]] }));
      return [...js.matchAll(/\b(?:href|src): "([^"]*)"/g)].map((m) => m[1] ?? '');
    };
    const atRoot = await hrefs('/');
    const atSubPath = await hrefs('/ir-pathway/');
    expect(atSubPath).toEqual(atRoot.map((h) => (h.startsWith('/') ? `/ir-pathway${h}` : h)));
    expect(atSubPath.filter((h) => h.startsWith('/') && !h.startsWith('/ir-pathway/'))).toEqual([]);
  });

  it('is exercised: the chapters do link to each other', async () => {
    const js = String(
      await compile(readFileSync('content/guide/11-eras.mdx', 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''), {
        rehypePlugins: [[rehypeBaseLinks, { base: '/ir-pathway/' }]],
      }),
    );
    expect(js).toContain('href: "/ir-pathway/guide/letters/"');
  });
});

describe('rehype-table-scroll', () => {
  const table = (...rows: Node[]) => el('table', [el('thead', [rows[0]!]), el('tbody', rows.slice(1))]);
  const row = (tag: 'th' | 'td', ...cells: string[]) =>
    el(
      'tr',
      cells.map((c) => el(tag, [text(c)])),
    );

  it('wraps each table in a focusable scrolling region named after its column headings', () => {
    const t = table(row('th', 'Route', ' Years\n'), row('td', 'DR then IR', '6'));
    const tree = root(el('h2', [text('Routes')]), t, el('p', [text('after')]));
    rehypeTableScroll()(tree);
    const [heading, wrapper, after] = tree.children ?? [];
    expect(heading?.tagName).toBe('h2');
    expect(after?.tagName).toBe('p');
    expect(wrapper?.tagName).toBe('div');
    expect(wrapper?.properties).toEqual({
      className: ['table-scroll'],
      role: 'region',
      tabIndex: 0,
      ariaLabel: 'Table: Route, Years',
    });
    expect(wrapper?.children).toEqual([t]);
  });

  it('prefers the caption as the name, finds tables inside other elements, and wraps each once', () => {
    const captioned = el('table', [el('caption', [text('Fees  by  year')]), el('tbody', [row('td', '1')])]);
    const bare = el('table', [el('tbody', [row('td', '2')])]);
    const tree = root(el('section', [captioned]), bare);
    rehypeTableScroll()(tree);
    const wrappers = all(tree, 'div');
    expect(wrappers.map((w) => w.properties?.['ariaLabel'])).toEqual(['Fees by year', 'Table']);
    expect(all(tree, 'table')).toEqual([captioned, bare]);
    expect(wrappers.map((w) => w.children)).toEqual([[captioned], [bare]]);
  });
});

describe('rehype-task-boxes', () => {
  const checkbox = (checked: boolean) => el('input', [], { type: 'checkbox', checked, disabled: true });

  it('turns task-list checkboxes into hidden printable boxes and keeps the item text', () => {
    const tree = root(
      el(
        'ul',
        [el('li', [checkbox(false), text(' List programs')]), el('li', [checkbox(true), text(' Book Step 3')])],
        {
          className: ['contains-task-list'],
        },
      ),
    );
    rehypeTaskBoxes()(tree);
    const boxes = all(tree, 'span');
    expect(boxes.map((b) => b.properties)).toEqual([
      { className: ['task-box'], ariaHidden: 'true' },
      { className: ['task-box'], ariaHidden: 'true' },
    ]);
    expect(boxes.map(textOf)).toEqual(['☐', '☑']);
    expect(all(tree, 'input')).toHaveLength(0);
    expect(all(tree, 'li').map(textOf)).toEqual(['☐ List programs', '☑ Book Step 3']);
  });

  it('finds nested checkboxes and leaves other inputs alone', () => {
    const other = el('input', [], { type: 'text' });
    const tree = root(el('div', [el('ul', [el('li', [el('p', [checkbox(false), text(' Nested')])])]), other]));
    rehypeTaskBoxes()(tree);
    expect(all(tree, 'span').map(textOf)).toEqual(['☐']);
    expect(all(tree, 'input')).toEqual([other]);
  });
});

describe('remark-reading-time', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
  const md = (...children: Node[]): Node => ({ type: 'root', children });
  const para = (...children: Node[]): Node => ({ type: 'paragraph', children });
  const run = (tree: Node, frontmatter?: Record<string, unknown>) => {
    const file: { data: { astro?: { frontmatter?: Record<string, unknown> } } } = {
      data: frontmatter ? { astro: { frontmatter } } : {},
    };
    remarkReadingTime()(tree, file);
    return file.data.astro?.frontmatter ?? {};
  };

  it('counts text and inline code, not markup, and rounds to whole minutes', () => {
    const tree = md(
      { type: 'heading', children: [text('Two words')] },
      para(text('one'), { type: 'emphasis', children: [text('two')] }, { type: 'inlineCode', value: 'code' }),
      para(text(words(355))),
    );
    const fm = run(tree);
    expect(fm['wordCount']).toBe(2 + 3 + 355);
    expect(fm['minutesRead']).toBe(Math.round(360 / WORDS_PER_MINUTE));
  });

  it('does not glue words across nodes', () => {
    expect(run(md(para(text('end'), text('start'))))['wordCount']).toBe(2);
  });

  it('keeps the existing frontmatter and reports at least one minute', () => {
    const fm = run(md(para(text('short'))), { title: 'A chapter' });
    expect(fm).toEqual({ title: 'A chapter', wordCount: 1, minutesRead: 1 });
    expect(run(md())['minutesRead']).toBe(1);
  });
});
