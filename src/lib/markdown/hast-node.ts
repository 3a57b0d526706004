/**
 * The one node shape the rehype plugins in this folder walk: a HAST element, text or root, and the MDX
 * JSX elements (`name`, `attributes`) that rehype-base-links also rewrites. Only the fields they read.
 */
export interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  /** MDX JSX element name: lowercase for HTML elements, capitalized for components. */
  name?: string | null;
  properties?: Record<string, unknown>;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: HastNode[];
}
