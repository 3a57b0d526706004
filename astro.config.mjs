// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import solid from '@astrojs/solid-js';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { generateHydrationScript } from 'solid-js/web';
import rehypeBaseLinks from './src/lib/markdown/rehype-base-links.ts';
import rehypeGlossary from './src/lib/markdown/rehype-glossary.ts';
import rehypeHeadingAnchors from './src/lib/markdown/rehype-heading-anchors.ts';
import rehypeTableScroll from './src/lib/markdown/rehype-table-scroll.ts';
import rehypeTaskBoxes from './src/lib/markdown/rehype-task-boxes.ts';
import remarkReadingTime from './src/lib/markdown/remark-reading-time.ts';

// BASE_PATH lets the site live under a sub-path (e.g. GitHub Pages: BASE_PATH=/ir-pathway/).
const base = process.env.BASE_PATH ?? '/';

// Astro hashes its own inline scripts, not the one the Solid renderer adds before the first island
// (window._$HY, which queues early clicks until hydration), so its hash is added here.
const solidHydration = /<script[^>]*>([\s\S]*?)<\/script>/.exec(generateHydrationScript())?.[1] ?? '';
const solidHydrationHash = `sha256-${createHash('sha256').update(solidHydration).digest('base64')}`;

/**
 * Vite wraps each dynamic import with a string specifier in its preload helper (about 560 B gzip
 * in the chunk that imports), which preloads the imported chunk's own imports. fuse.js/basic has none, so
 * its lazy import (src/islands/load-search.ts) is left bare: a parenthesised specifier is one Vite does
 * not wrap, and Rollup still resolves and splits it the same way.
 * @returns {import('vite').Plugin}
 */
const bareFuseImport = () => ({
  name: 'ir-pathway:bare-fuse-import',
  enforce: 'post',
  transform(code, id) {
    if (!id.endsWith('/src/islands/load-search.ts')) return null;
    const bare = code.replace(/\bimport\((["'])fuse\.js\/basic\1\)/, 'import(($1fuse.js/basic$1))');
    if (bare === code) throw new Error('load-search.ts: the fuse.js/basic import was not found');
    return { code: bare, map: null };
  },
});

/**
 * zod 4 compiles object parsers with `new Function` unless `jitless` is set, which src/engine/util/zod.ts
 * sets before any schema is built (the site's CSP forbids eval). The compiler is then dead code
 * (about 790 B gzip in the planner); this turns its switch into a constant so the bundler drops it.
 * @returns {import('vite').Plugin}
 */
const zodWithoutJit = () => ({
  name: 'ir-pathway:zod-without-jit',
  transform(code, id) {
    if (!/\/node_modules\/zod\/v4\/core\/schemas\.js$/.test(id)) return null;
    const jitless = code.replace('const jit = !core.globalConfig.jitless;', 'const jit = false;');
    if (jitless === code) throw new Error('zod/v4/core/schemas.js: the jitless switch was not found');
    return { code: jitless, map: null };
  },
});

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://ir-pathway.example.org',
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), solid()],
  markdown: {
    remarkPlugins: [remarkReadingTime],
    // Heading ids first, so the anchor plugin can link to them. Chapters link to each other as
    // /guide/x/; rehypeBaseLinks adds the base so those links survive a BASE_PATH build.
    rehypePlugins: [
      rehypeHeadingIds,
      rehypeHeadingAnchors,
      rehypeTaskBoxes,
      rehypeTableScroll,
      [rehypeBaseLinks, { base }],
      [rehypeGlossary, { file: './content/glossary.json', base }],
    ],
  },
  experimental: {
    csp: {
      algorithm: 'SHA-256',
      scriptDirective: { hashes: [/** @type {`sha256-${string}`} */ (solidHydrationHash)] },
      directives: [
        "default-src 'self'",
        "connect-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
      ],
    },
  },
  vite: {
    plugins: [bareFuseImport(), zodWithoutJit()],
    // terser rather than esbuild: 3.5% less JavaScript on every island page (planner 62.5 -> 60.3 KB gzip)
    // for about 3 s more build. `passes: 2` lets it fold what the first pass uncovers.
    build: { minify: 'terser', terserOptions: { ecma: 2020, module: true, compress: { passes: 2 } } },
    resolve: {
      // Islands start through src/islands/solid-client.ts: the integration's entry without its props store
      // (2 KB gzip per island page); the file says why. Check it when upgrading @astrojs/solid-js.
      alias: [
        {
          find: /^@astrojs\/solid-js\/client\.js$/,
          replacement: fileURLToPath(new URL('./src/islands/solid-client.ts', import.meta.url)),
        },
      ],
    },
  },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
});
