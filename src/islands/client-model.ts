/**
 * The model for the browser: resolved and validated at build time by `npm run data:compile`
 * (scripts/data/outputs.ts runs `bundledModel()` on content/reference/*.json), so islands ship the
 * numbers only, not the source files with their labels and citations nor their zod schemas.
 * tests/content/model-output.test.ts checks it equals `bundledModel()`.
 */
import compiled from '../generated/model.json';
import type { Model } from '../engine/model/model';

/** The compiled model. */
export const clientModel: Model = compiled as unknown as Model;
