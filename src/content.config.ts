/**
 * Content collections, validated with the engine's zod schemas at build time:
 * a bad chapter frontmatter or glossary entry fails the build naming the file and field.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { chapterFrontmatterSchema, glossaryEntrySchema } from './engine/data/guide';

const guide = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/guide' }),
  schema: chapterFrontmatterSchema,
});

const glossary = defineCollection({
  loader: file('./content/glossary.json'),
  schema: glossaryEntrySchema,
});

export const collections = { guide, glossary };
