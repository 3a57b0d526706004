/** Build-time helpers for the guide collection: order, slugs, previous/next. */
import { getCollection, type CollectionEntry } from 'astro:content';

/** A chapter entry. */
export type Chapter = CollectionEntry<'guide'>;

/** The URL slug of a chapter: its file name without the order prefix ("09-visas" → "visas"). */
export function chapterSlug(chapter: Chapter): string {
  return chapter.id.replace(/^\d+-/, '');
}

/** All chapters in reading order; fails the build on a duplicate order number. */
export async function chapters(): Promise<Chapter[]> {
  const all = (await getCollection('guide')).sort((a, b) => a.data.order - b.data.order);
  all.forEach((c, i) => {
    const prev = all[i - 1];
    if (prev && prev.data.order === c.data.order) {
      throw new Error(`Guide chapters ${prev.id} and ${c.id} share order ${c.data.order}`);
    }
  });
  return all;
}
