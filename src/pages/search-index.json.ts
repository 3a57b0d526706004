/** The search index as a static JSON file, fetched by the search box only when someone searches. */
import type { APIRoute } from 'astro';
import Fuse from 'fuse.js';
import { searchDocs } from '../lib/search-index';
import { SEARCH_KEYS } from '../engine/data/search';

export const GET: APIRoute = async () => {
  const docs = await searchDocs();
  const index = Fuse.createIndex(SEARCH_KEYS, docs).toJSON();
  return new Response(JSON.stringify({ docs, index }), { headers: { 'Content-Type': 'application/json' } });
};
