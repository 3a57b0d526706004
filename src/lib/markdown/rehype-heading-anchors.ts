/** Adds a visible "#" self-link after each h2/h3 that has an id, so a reader can link to a section. */
import type { HastNode } from './hast-node.ts';

/** rehype plugin: appends `<a class="anchor" href="#id">#</a>` to h2 and h3. */
export default function rehypeHeadingAnchors() {
  return (tree: HastNode) => {
    const walk = (node: HastNode): void => {
      for (const child of node.children ?? []) {
        if (child.type === 'element' && (child.tagName === 'h2' || child.tagName === 'h3')) {
          const id = child.properties?.['id'];
          if (typeof id === 'string') {
            child.children = [
              ...(child.children ?? []),
              {
                type: 'element',
                tagName: 'a',
                properties: { href: `#${id}`, className: ['anchor'], ariaLabel: 'Link to this section' },
                children: [{ type: 'text', value: '#' } as HastNode],
              },
            ];
          }
        } else walk(child);
      }
    };
    walk(tree);
  };
}
