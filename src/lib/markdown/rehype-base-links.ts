/**
 * Puts the site's base path in front of root-relative links in guide content, so that a chapter can
 * link to `/guide/usmle/` and still work when the site is built for a sub-path (BASE_PATH=/ir-pathway/
 * gives `/ir-pathway/guide/usmle/`). Markdown links and images, and `href`/`src` on HTML or JSX HTML
 * elements, are covered (not component props). Protocol-relative (`//host`), relative, fragment and
 * absolute URLs are left alone, and a link that already starts with the base is not prefixed twice.
 */
import type { HastNode } from './hast-node.ts';

/** Attributes that hold a URL. */
const URL_ATTRIBUTES = new Set(['href', 'src']);

/** `url` with the base in front when it is root-relative; otherwise unchanged. */
export function withBase(url: string, base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  if (root === '/' || !url.startsWith('/') || url.startsWith('//') || url.startsWith(root)) return url;
  return `${root}${url.slice(1)}`;
}

/** rehype plugin factory: `[rehypeBaseLinks, { base }]` (the Astro `base`, e.g. "/" or "/ir-pathway/"). */
export default function rehypeBaseLinks(options: { base: string }) {
  return (tree: HastNode): void => {
    const walk = (node: HastNode): void => {
      if (node.type === 'element' && node.properties) {
        for (const name of URL_ATTRIBUTES) {
          const value = node.properties[name];
          if (typeof value === 'string') node.properties[name] = withBase(value, options.base);
        }
      }
      // Raw JSX HTML (<a href="/guide/x/">) keeps its attributes in a list. Components (<PlannerLink>) are
      // skipped: they build their own URLs from the base, and a prop named href may not be a URL of ours.
      if (node.type.startsWith('mdxJsx') && /^[a-z]/.test(node.name ?? '')) {
        for (const attribute of node.attributes ?? []) {
          if (attribute.type === 'mdxJsxAttribute' && URL_ATTRIBUTES.has(attribute.name ?? '')) {
            if (typeof attribute.value === 'string') attribute.value = withBase(attribute.value, options.base);
          }
        }
      }
      for (const child of node.children ?? []) walk(child);
    };
    walk(tree);
  };
}
