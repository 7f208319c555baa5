import { returnMoments, type Ddof, type ReturnMoments } from './moments';
import { normalCdf, normalInverseCdf, normalPdf } from './normal';
import { RiskMetricError } from './risk-error';
import type { RiskEstimate, RiskLevelOptions } from './risk-estimate';
import { checkHorizon, checkLevel } from './validation';

export interface CornishFisherRiskOptions extends RiskLevelOptions {
  /** ddof of the standard deviation; default 1. Skewness/kurtosis are moment ratios either way. */
  ddof?: Ddof;
}

/**
 * Cornish-Fisher adjusted standard-normal quantile for skewness S and excess kurtosis K:
 * z + (z^2 - 1) S/6 + (z^3 - 3z) K/24 - (2z^3 - 5z) S^2/36.
 */
export function cornishFisherZ(z: number, skew: number, excessKurtosis: number): number {
  const z2 = z * z;
  const z3 = z2 * z;
  return z + ((z2 - 1) * skew) / 6 + ((z3 - 3 * z) * excessKurtosis) / 24 - ((2 * z3 - 5 * z) * skew * skew) / 36;
}

/**
 * Modified VaR and modified ES (Boudt, Peterson & Croux 2008) from one-period moments.
 * Horizon scaling treats periods as iid and scales the cumulants: mean_h = h mean,
 * sd_h = sqrt(h) sd, skew_h = skew / sqrt(h), excessKurtosis_h = excessKurtosis / h.
 * VaR = -(mean_h + sd_h g) with g the Cornish-Fisher quantile at 1 - level. CVaR is
 * Boudt et al.'s closed form: -(mean_h + sd_h min(E, g)), E the tail mean of the
 * second-order Edgeworth density up to g divided by (1 - level) (see edgeworthTailMean).
 * With skew = kurtosis = 0 both reduce exactly to the normal values. The expansion
 * is only trustworthy for moderate skewness/kurtosis (it stops being monotone beyond).
 */
export function cornishFisherVaRFromMoments(
  moments: ReturnMoments,
  options: RiskLevelOptions = {},
): RiskEstimate {
  const level = options.level ?? 0.95;
  const horizon = options.horizon ?? 1;
  checkLevel(level);
  checkHorizon(horizon);
  for (const key of ['mean', 'sd', 'skew', 'excessKurtosis'] as const) {
    if (!Number.isFinite(moments[key])) {
      throw new RiskMetricError('NON_FINITE_DATA', `moments.${key}`, `must be finite, got ${moments[key]}`);
    }
  }
  if (moments.sd < 0) throw new RiskMetricError('INVALID_PARAMETER', 'moments.sd', `must be >= 0, got ${moments.sd}`);

  const meanH = moments.mean * horizon;
  const sdH = moments.sd * Math.sqrt(horizon);
  const skewH = moments.skew / Math.sqrt(horizon);
  const kurtosisH = moments.excessKurtosis / horizon;
  const tail = 1 - level;
  const g = cornishFisherZ(normalInverseCdf(tail), skewH, kurtosisH);
  const tailMean = edgeworthTailMean(g, tail, skewH, kurtosisH);
  return {
    method: 'cornish_fisher',
    level,
    horizon,
    valueAtRisk: -(meanH + sdH * g),
    // The min keeps CVaR >= VaR where the Edgeworth approximation would put the tail mean above g.
    conditionalValueAtRisk: -(meanH + sdH * Math.min(tailMean, g)),
  };
}

/** Cornish-Fisher modified VaR / modified ES with the sample moments (needs spread: n >= 2, not constant). */
export function cornishFisherVaR(returns: ArrayLike<number>, options: CornishFisherRiskOptions = {}): RiskEstimate {
  return cornishFisherVaRFromMoments(returnMoments(returns, { ddof: options.ddof ?? 1 }), options);
}

/**
 * (1 / tail) * integral_{-inf}^{g} z f(z) dz for the Edgeworth density
 * f = phi (1 + S/6 He3 + K/24 He4 + S^2/72 He6), using the truncated moments
 * J_q = integral_{-inf}^{g} z^q phi(z) dz: J_0 = Phi(g), J_1 = -phi(g),
 * J_q = -g^(q-1) phi(g) + (q - 1) J_{q-2} (integration by parts).
 */
export function edgeworthTailMean(g: number, tail: number, skew: number, excessKurtosis: number): number {
  const density = normalPdf(g);
  const J = [normalCdf(g), -density];
  for (let q = 2; q <= 7; q++) J.push(-(g ** (q - 1)) * density + (q - 1) * J[q - 2]);
  // z He3 = z^4 - 3z^2, z He4 = z^5 - 6z^3 + 3z, z He6 = z^7 - 15z^5 + 45z^3 - 15z.
  const integral =
    J[1] +
    (skew / 6) * (J[4] - 3 * J[2]) +
    (excessKurtosis / 24) * (J[5] - 6 * J[3] + 3 * J[1]) +
    ((skew * skew) / 72) * (J[7] - 15 * J[5] + 45 * J[3] - 15 * J[1]);
  return integral / tail;
}
