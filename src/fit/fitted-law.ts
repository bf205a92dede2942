import type { DistributionSpec } from '../core/distributions.js';

/** A law fitted by maximum likelihood, in the terms the scenario file and its comments use. */
export interface FittedLaw<Family extends string = string> {
  family: Family;
  /** The law as the scenario file writes it. */
  spec: DistributionSpec;
  /** The spec's numeric parameters, and their standard errors (observed information). */
  parameters: Record<string, number>;
  standardErrors: Record<string, number>;
  logLik: number;
  /** 2 × parameters − 2 × logLik: the least is chosen. */
  aic: number;
  /** Mean of the fitted law, minutes. */
  mean: number;
}
