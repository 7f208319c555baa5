import { meanAndSd, type Ddof } from './moments';
import { normalInverseCdf, normalPdf } from './normal';
import { RiskMetricError } from './risk-error';
import type { RiskEstimate, RiskLevelOptions } from './risk-estimate';
import { checkHorizon, checkLevel } from './validation';

export interface ParametricRiskOptions extends RiskLevelOptions {
  /** Degrees of freedom removed from the standard deviation; default 1 (pandas, quantstats). */
  ddof?: Ddof;
}

/**
 * Normal VaR/CVaR from a one-period mean and standard deviation. Horizon scaling (iid
 * normal periods): mean_h = h * mean, sd_h = sqrt(h) * sd. With z = Phi^-1(1 - level) < 0
 * for level > 1/2: VaR = -(mean_h + z sd_h); CVaR = -mean_h + sd_h phi(z) / (1 - level).
 */
export function normalVaRFromMoments(mean: number, sd: number, options: RiskLevelOptions = {}): RiskEstimate {
  const level = options.level ?? 0.95;
  const horizon = options.horizon ?? 1;
  checkLevel(level);
  checkHorizon(horizon);
  if (!Number.isFinite(mean)) throw new RiskMetricError('NON_FINITE_DATA', 'mean', `must be finite, got ${mean}`);
  if (!(Number.isFinite(sd) && sd >= 0)) {
    throw new RiskMetricError('INVALID_PARAMETER', 'sd', `standard deviation must be finite and >= 0, got ${sd}`);
  }
  const meanH = mean * horizon;
  const sdH = sd * Math.sqrt(horizon);
  const z = normalInverseCdf(1 - level);
  return {
    method: 'parametric',
    level,
    horizon,
    valueAtRisk: -(meanH + z * sdH),
    conditionalValueAtRisk: -meanH + (sdH * normalPdf(z)) / (1 - level),
  };
}

/** Parametric (normal) VaR/CVaR with the sample mean and standard deviation (n >= 2). */
export function parametricVaR(returns: ArrayLike<number>, options: ParametricRiskOptions = {}): RiskEstimate {
  const { mean, sd } = meanAndSd(returns, options.ddof ?? 1);
  return normalVaRFromMoments(mean, sd, options);
}
