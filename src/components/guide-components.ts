/** The components a guide chapter may use without importing them. */
import Fig from './Fig.astro';
import Callout from './Callout.astro';
import PlannerLink from './PlannerLink.astro';
import Step2Position from './Step2PositionWidget.astro';
import FeeEstimator from './FeeEstimatorWidget.astro';
import Season from './Season.astro';
import CostTable from './CostTable.astro';

/** Passed to every chapter's `<Content components={...} />`. */
export const guideComponents = { Fig, Callout, PlannerLink, Step2Position, FeeEstimator, Season, CostTable };
