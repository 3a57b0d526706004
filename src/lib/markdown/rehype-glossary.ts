/**
 * Links the first use of each glossary term in a chapter to its glossary entry, so that readers
 * whose first language is not English can look up every acronym where they first meet it. The link
 * reads "IR (glossary)" to assistive technology and search engines and looks like "IR" on screen: a
 * bare two-letter link text says nothing about where it goes (and "ir" is on Lighthouse's list of
 * generic link texts, as Spanish and Portuguese for "go").
 */
import { readFileSync } from 'node:fs';
import type { HastNode } from './hast-node.ts';

interface Term {
  id: string;
  pattern: RegExp;
  title: string;
}

const SKIP = new Set(['a', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'abbr', 'script', 'style', 'svg']);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function loadTerms(path: string): Term[] {
  const entries = JSON.parse(readFileSync(path, 'utf8')) as {
    id: string;
    term: string;
    expansion?: string;
    aliases?: string[];
  }[];
  const spellings = entries.flatMap((e) =>
    [e.term, ...(e.aliases ?? [])].map((s) => ({ id: e.id, s, title: e.expansion ?? e.term })),
  );
  // Longer spellings first so "Step 2 CK" wins over "Step 2".
  spellings.sort((a, b) => b.s.length - a.s.length);
  return spellings.map(({ id, s, title }) => ({
    id,
    title,
    pattern: new RegExp(`(?<![\\w/-])${escape(s)}(?![\\w/-])`),
  }));
}

/** rehype plugin factory: `[rehypeGlossary, { file, base }]`. */
export default function rehypeGlossary(options: { file: string; base: string }) {
  const terms = loadTerms(options.file);
  const href = (id: string) => `${options.base}guide/glossary/#${id}`;

  return (tree: HastNode, vfile: { path?: string }) => {
    // The glossary page itself needs no links to itself.
    if (vfile.path?.includes('glossary')) return;
    const used = new Set<string>();

    const linkText = (text: string): HastNode[] => {
      let best: { index: number; length: number; term: Term } | undefined;
      for (const term of terms) {
        if (used.has(term.id)) continue;
        const m = term.pattern.exec(text);
        if (m && (best === undefined || m.index < best.index)) best = { index: m.index, length: m[0].length, term };
      }
      if (!best) return [{ type: 'text', value: text }];
      used.add(best.term.id);
      const before = text.slice(0, best.index);
      const match = text.slice(best.index, best.index + best.length);
      const after = text.slice(best.index + best.length);
      return [
        ...(before ? [{ type: 'text', value: before }] : []),
        {
          type: 'element',
          tagName: 'a',
          properties: { href: href(best.term.id), className: ['term'], title: best.term.title },
          children: [
            { type: 'text', value: match },
            {
              type: 'element',
              tagName: 'span',
              properties: { className: ['visually-hidden'] },
              children: [{ type: 'text', value: ' (glossary)' }],
            },
          ],
        },
        ...(after ? linkText(after) : []),
      ];
    };

    const walk = (node: HastNode): void => {
      if (!node.children) return;
      const next: HastNode[] = [];
      for (const child of node.children) {
        if (child.type === 'text' && child.value) next.push(...linkText(child.value));
        else {
          if (child.type === 'element' && !SKIP.has(child.tagName ?? '')) walk(child);
          // MDX components (mdxJsxFlowElement / mdxJsxTextElement) carry children too.
          else if (child.type.startsWith('mdxJsx') && child.children) walk(child);
          next.push(child);
        }
      }
      node.children = next;
    };
    walk(tree);
  };
}
