/** The model and reference figures shipped with the site, for callers that do not load their own. */
import figuresJson from '../../../content/reference/figures.json';
import modelJson from '../../../content/reference/model.json';
import type { Model } from './model';
import { resolveModel } from './model-file';
import { referenceFileSchema, type ReferenceFile } from './reference';

/** The validated reference figures from content/reference/figures.json. */
export function bundledReference(): ReferenceFile {
  return referenceFileSchema.parse(figuresJson);
}

/** The model from content/reference/model.json resolved against figures.json; call once and keep it. */
export function bundledModel(): Model {
  return resolveModel(modelJson, bundledReference());
}
