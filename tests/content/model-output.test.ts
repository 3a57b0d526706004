import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledModel } from '../../src/engine/model/bundled-model';

describe('the compiled browser model', () => {
  it('is exactly the model resolved from content/reference', () => {
    const written = JSON.parse(readFileSync('src/generated/model.json', 'utf8')) as unknown;
    expect(written).toEqual(JSON.parse(JSON.stringify(bundledModel())));
  });

  it('carries numbers only: no source labels or citations', () => {
    const text = readFileSync('src/generated/model.json', 'utf8');
    expect(text).not.toMatch(/https?:/);
    expect(text.length).toBeLessThan(8000);
  });
});
