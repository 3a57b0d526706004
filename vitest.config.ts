/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Solid needs the browser build in component tests, otherwise Node loads its server build
// ("Client-only API called on the server side"); see ../shared/toolchain.md.
export default getViteConfig({
  resolve: { conditions: ['browser', 'development'] },
  test: {
    include: ['tests/{engine,islands,content,scripts}/**/*.test.{ts,tsx}'],
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
    environment: 'node',
    globals: true,
    setupFiles: ['tests/setup.ts'],
    server: { deps: { inline: [/solid-js/, /@solidjs\/testing-library/] } },
  },
});
