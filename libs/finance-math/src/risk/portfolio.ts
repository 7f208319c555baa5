import { historicalVaR, type HistoricalRiskOptions } from './historical';
import { normalVaRFromMoments, type ParametricRiskOptions } from './parametric';
import { normalInverseCdf } from './normal';
import { RiskMetricError } from './risk-error';
import type { RiskEstimate } from './risk-estimate';
import { checkSeries } from './validation';

/** Parametric portfolio VaR with its Euler decomposition. */
export interface PortfolioParametricRisk extends RiskEstimate {
  /** w' mu and sqrt(w' Sigma w) of one period (sample mean vector, sample covariance). */
  portfolioMean: number;
  portfolioSd: number;
  /**
   * Component VaR per asset, w_i (-h mu_i + z sqrt(h) (Sigma w)_i / sd_p) with z = Phi^-1(level);
   * the components sum to valueAtRisk.
   */
  componentVaR: Float64Array;
}

/**
 * Validates weights against an asset panel (`panel[a][t]` = asset a's return in period t)
 * and returns the period count.
 */
function checkPanel(weights: ArrayLike<number>, panel: readonly ArrayLike<number>[]): number {
  if (panel.length === 0) throw new RiskMetricError('TOO_FEW_OBSERVATIONS', 'panel', 'needs at least one asset');
  if (weights.length !== panel.length) {
    throw new RiskMetricError('LENGTH_MISMATCH', 'weights', `${weights.length} weights for ${panel.length} assets`);
  }
  checkSeries(weights, 'weights', 1);
  const periods = panel[0].length;
  panel.forEach((series, a) => {
    if (series.length !== periods) {
      throw new RiskMetricError('LENGTH_MISMATCH', `panel[${a}]`, `has ${series.length} periods, panel[0] has ${periods}`);
    }
    checkSeries(series, `panel[${a}]`, 2);
  });
  return periods;
}

/**
 * Portfolio return per period, sum_a w_a r_a[t]: constant weights, i.e. rebalanced to
 * `weights` every period. Weights are fractions of portfolio value (they need not sum to 1;
 * VaR is then in units of the capital the weights are fractions of).
 */
export function portfolioReturns(weights: ArrayLike<number>, panel: readonly ArrayLike<number>[]): Float64Array {
  const periods = checkPanel(weights, panel);
  const result = new Float64Array(periods);
  for (let a = 0; a < panel.length; a++) {
    const series = panel[a];
    const w = weights[a];
    for (let t = 0; t < periods; t++) result[t] += w * series[t];
  }
  return result;
}

/**
 * Parametric (normal) portfolio VaR/CVaR from the sample mean vector and covariance
 * (ddof 1 by default): mean_p = w' mu, sd_p = sqrt(w' Sigma w), then the normal formulas with
 * the same horizon scaling as `parametricVaR` (equal to parametricVaR of the portfolio
 * return series, up to rounding), plus the component decomposition.
 */
export function portfolioParametricVaR(
  weights: ArrayLike<number>,
  panel: readonly ArrayLike<number>[],
  options: ParametricRiskOptions = {},
): PortfolioParametricRisk {
  const periods = checkPanel(weights, panel);
  const ddof = options.ddof ?? 1;
  if (ddof !== 0 && ddof !== 1) {
    throw new RiskMetricError('INVALID_PARAMETER', 'options.ddof', `ddof must be 0 or 1, got ${String(ddof)}`);
  }
  const assets = panel.length;
  const means = new Float64Array(assets);
  for (let a = 0; a < assets; a++) {
    let sum = 0;
    for (let t = 0; t < periods; t++) sum += panel[a][t];
    means[a] = sum / periods;
  }
  // (Sigma w)_i = sum_t (r_i[t] - mu_i)(p[t] - mu_p) / (n - ddof), p the demeaned portfolio return.
  const demeanedPortfolio = new Float64Array(periods);
  for (let a = 0; a < assets; a++) {
    for (let t = 0; t < periods; t++) demeanedPortfolio[t] += weights[a] * (panel[a][t] - means[a]);
  }
  const covarianceTimesWeights = new Float64Array(assets);
  for (let a = 0; a < assets; a++) {
    let sum = 0;
    for (let t = 0; t < periods; t++) sum += (panel[a][t] - means[a]) * demeanedPortfolio[t];
    covarianceTimesWeights[a] = sum / (periods - ddof);
  }
  let portfolioMean = 0;
  let variance = 0;
  for (let a = 0; a < assets; a++) {
    portfolioMean += weights[a] * means[a];
    variance += weights[a] * covarianceTimesWeights[a];
  }
  const portfolioSd = Math.sqrt(Math.max(0, variance));
  const estimate = normalVaRFromMoments(portfolioMean, portfolioSd, options);

  const horizon = estimate.horizon;
  const z = normalInverseCdf(estimate.level);
  const componentVaR = new Float64Array(assets);
  for (let a = 0; a < assets; a++) {
    // With sd_p = 0, Sigma w = 0 too (Sigma is PSD), so the dispersion term vanishes.
    const marginalSd = portfolioSd > 0 ? covarianceTimesWeights[a] / portfolioSd : 0;
    componentVaR[a] = weights[a] * (-horizon * means[a] + z * Math.sqrt(horizon) * marginalSd);
  }
  return { ...estimate, portfolioMean, portfolioSd, componentVaR };
}

/** Historical VaR/CVaR of the constant-weight portfolio return series (see `historicalVaR`). */
export function portfolioHistoricalVaR(
  weights: ArrayLike<number>,
  panel: readonly ArrayLike<number>[],
  options: HistoricalRiskOptions = {},
): RiskEstimate {
  return historicalVaR(portfolioReturns(weights, panel), options);
}
