/**
 * Wraps every markdown table in a horizontally scrolling region, so a wide table scrolls inside itself
 * on a 360 px phone instead of widening the page. The region is focusable (keyboard users can scroll
 * it; axe's scrollable-region-focusable) and named after the table's caption, or else its column headings.
 */
import type { HastNode } from './hast-node.ts';

const textOf = (node: HastNode): string =>
  node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');

/** Every element with one of the tags, in document order (not inside a nested table). */
function find(node: HastNode, tags: readonly string[]): HastNode[] {
  return (node.children ?? []).flatMap((c) =>
    c.type !== 'element' || c.tagName === 'table' ? [] : tags.includes(c.tagName ?? '') ? [c] : find(c, tags),
  );
}

/** The accessible name for a table's scrolling region. */
export function tableLabel(table: HastNode): string {
  const caption = find(table, ['caption'])[0];
  if (caption) return textOf(caption).replace(/\s+/g, ' ').trim();
  const headings = find(table, ['th'])
    .map((th) => textOf(th).replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return headings.length ? `Table: ${headings.join(', ')}` : 'Table';
}

/** rehype plugin: `<table>` → `<div class="table-scroll" role="region" tabindex="0" aria-label="…"><table>`. */
export default function rehypeTableScroll() {
  return (tree: HastNode) => {
    const walk = (node: HastNode): void => {
      node.children = (node.children ?? []).map((child) => {
        if (child.type !== 'element') return child;
        if (child.tagName === 'table') {
          return {
            type: 'element',
            tagName: 'div',
            properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: tableLabel(child) },
            children: [child],
          };
        }
        walk(child);
        return child;
      });
    };
    walk(tree);
  };
}
