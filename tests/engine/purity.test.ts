import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'src/engine';
const files = readdirSync(dir, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts'));

describe('src/engine stays pure', () => {
  it('has engine files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  it.each(files)('%s imports no Solid, Astro, DOM, storage or clock', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text).not.toMatch(/from ['"](solid-js|astro:|astro\/)/);
    expect(text).not.toMatch(/\b(window|document|localStorage|sessionStorage|navigator)\s*[.[]/);
    expect(text).not.toMatch(/\bDate\.now\(|new Date\(\s*\)|Math\.random\(/);
  });
});
