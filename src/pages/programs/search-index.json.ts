/** /programs/search-index.json: the prebuilt fuse.js index for the /programs/ search, served as a static file. */
import type { APIRoute } from 'astro';
import index from '../../generated/search-index.json';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json' } });
