/** Computes a chapter's word count and reading time at build time and puts them in its frontmatter. */
interface MdastNode {
  type: string;
  value?: string;
  children?: MdastNode[];
}

/** Words per minute for a reader in a second language (slower than the usual 230). */
export const WORDS_PER_MINUTE = 180;

function text(node: MdastNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return ` ${node.value ?? ''} `;
  return (node.children ?? []).map(text).join('');
}

/** remark plugin: sets `wordCount` and `minutesRead` on the page's frontmatter. */
export default function remarkReadingTime() {
  return (tree: MdastNode, file: { data: { astro?: { frontmatter?: Record<string, unknown> } } }) => {
    const words = text(tree).split(/\s+/).filter(Boolean).length;
    const fm = (file.data.astro ??= {}).frontmatter ?? (file.data.astro.frontmatter = {});
    fm['wordCount'] = words;
    fm['minutesRead'] = Math.max(1, Math.round(words / WORDS_PER_MINUTE));
  };
}
