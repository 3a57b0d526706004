/**
 * Turns GFM task-list checkboxes into printable boxes. The disabled inputs GFM emits have no label
 * (an axe violation) and cannot be ticked anyway; the list item's text is what a screen reader needs.
 */
import type { HastNode } from './hast-node.ts';

/** rehype plugin: `<input type=checkbox>` inside a task-list item → `<span class="task-box" aria-hidden>`. */
export default function rehypeTaskBoxes() {
  return (tree: HastNode) => {
    const walk = (node: HastNode): void => {
      node.children = (node.children ?? []).map((child) => {
        if (child.type === 'element' && child.tagName === 'input' && child.properties?.['type'] === 'checkbox') {
          return {
            type: 'element',
            tagName: 'span',
            properties: { className: ['task-box'], ariaHidden: 'true' },
            children: [{ type: 'text', value: child.properties['checked'] ? '☑' : '☐' } as HastNode],
          };
        }
        walk(child);
        return child;
      });
    };
    walk(tree);
  };
}
