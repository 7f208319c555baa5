import { Matrix } from 'ml-matrix';
import { ewmMeanLast } from './ewm';
import { isMissing, nanMean, pairwiseCovarianceMatrix } from './nan-statistics';
import { checkFinite, checkFrequency, checkSpan, toReturns, type PanelInput } from './panel-input';
import { checkSquare, fixNonPositiveSemidefinite, type PsdFixMethod } from './psd';
import { RiskModelError } from './risk-model-error';

export interface RiskModelOptions {
  /** Periods per year used to annualise; default 252. */
  frequency?: number;
  /** Build the return series as log returns (prices input only); default false. */
  logReturns?: boolean;
  /** Repair applied when the estimate is not positive semidefinite; default 'spectral'. */
  fixMethod?: PsdFixMethod;
}

/**
 * Annualised sample covariance (PyPortfolioOpt `sample_cov`): pandas `.cov()`
 * (each pair over the dates both assets have a return, ddof 1) * frequency,
 * then `fixNonPositiveSemidefinite`. Rows/columns follow `panel.assets`.
 */
export function sampleCov(panel: PanelInput, options: RiskModelOptions = {}): Matrix {
  const { frequency = 252, logReturns = false, fixMethod = 'spectral' } = options;
  checkFrequency(frequency);
  const returns = toReturns(panel, logReturns);
  const cov = pairwiseCovarianceMatrix(returns.returns, returns.assets).mul(frequency);
  return fixNonPositiveSemidefinite(cov, fixMethod);
}

export interface SemicovarianceOptions extends RiskModelOptions {
  /** Per-period return below which a return counts as a drop; default 0.000079 (PyPortfolioOpt's, about 2% a year). */
  benchmark?: number;
}

/**
 * Annualised semicovariance (PyPortfolioOpt `semicovariance`):
 * S_ij = sum_t d_ti d_tj / T * frequency, d = min(r - benchmark, 0), T = every
 * return date. A missing return counts as no drop (d = 0, numpy `fmin`), so a
 * late listing dilutes rather than shortens its average. Then PSD-repaired.
 */
export function semicovariance(panel: PanelInput, options: SemicovarianceOptions = {}): Matrix {
  const { frequency = 252, logReturns = false, fixMethod = 'spectral', benchmark = 0.000079 } = options;
  checkFrequency(frequency);
  checkFinite(benchmark, 'options.benchmark');
  const returns = toReturns(panel, logReturns);
  const dates = returns.dates.length;
  const drops = returns.returns.map((series) =>
    series.map((value) => (isMissing(value) || value >= benchmark ? 0 : value - benchmark)),
  );
  const n = drops.length;
  const semi = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let sum = 0;
      for (let t = 0; t < dates; t++) sum += drops[i][t] * drops[j][t];
      const value = (sum / dates) * frequency;
      semi.set(i, j, value);
      semi.set(j, i, value);
    }
  }
  return fixNonPositiveSemidefinite(semi, fixMethod);
}

export interface ExpCovOptions extends RiskModelOptions {
  /** Span of the exponential weights, alpha = 2 / (span + 1); default 180 periods. */
  span?: number;
}

/**
 * Annualised exponentially weighted covariance (PyPortfolioOpt `exp_cov`): for
 * each pair, c_t = (r_it - mean_i)(r_jt - mean_j) with each mean over the
 * asset's own returns, S_ij = last value of pandas `ewm(span).mean()` of c
 * (dates where either return is missing carry no weight) * frequency; then
 * PSD-repaired.
 */
export function expCov(panel: PanelInput, options: ExpCovOptions = {}): Matrix {
  const { frequency = 252, logReturns = false, fixMethod = 'spectral', span = 180 } = options;
  checkFrequency(frequency);
  checkSpan(span);
  const returns = toReturns(panel, logReturns);
  const deviations = returns.returns.map((series) => {
    const mean = nanMean(series);
    return series.map((value) => value - mean);
  });
  const n = deviations.length;
  const cov = new Matrix(n, n);
  const covariation = new Float64Array(returns.dates.length);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      for (let t = 0; t < covariation.length; t++) covariation[t] = deviations[i][t] * deviations[j][t];
      const value = ewmMeanLast(covariation, span);
      if (isMissing(value)) {
        throw new RiskModelError('INSUFFICIENT_DATA', 'no date where both assets have a return', {
          parameter: 'panel',
          asset: i === j ? returns.assets[i] : `${returns.assets[i]}/${returns.assets[j]}`,
        });
      }
      cov.set(i, j, value * frequency);
      cov.set(j, i, value * frequency);
    }
  }
  return fixNonPositiveSemidefinite(cov, fixMethod);
}

/** Correlation from covariance: D^-1/2 C D^-1/2, D = diag(C). Every variance must be positive. */
export function covToCorr(cov: Matrix): Matrix {
  checkSquare(cov, 'cov');
  const scale = cov.diag().map((variance, i) => {
    if (!(variance > 0)) {
      throw new RiskModelError('DEGENERATE', `variance ${i} is ${variance}; a correlation needs positive variances`, {
        parameter: 'cov',
      });
    }
    return 1 / Math.sqrt(variance);
  });
  return cov.clone().apply(function (this: Matrix, i: number, j: number) {
    this.set(i, j, this.get(i, j) * scale[i] * scale[j]);
  });
}

/** Covariance from correlation and standard deviations: C_ij = R_ij s_i s_j. */
export function corrToCov(corr: Matrix, stdevs: ArrayLike<number>): Matrix {
  checkSquare(corr, 'corr');
  if (stdevs.length !== corr.rows) {
    throw new RiskModelError('SHAPE_MISMATCH', `${stdevs.length} standard deviations for a ${corr.rows}x${corr.rows} matrix`, {
      parameter: 'stdevs',
    });
  }
  for (let i = 0; i < stdevs.length; i++) {
    if (!(Number.isFinite(stdevs[i]) && stdevs[i] >= 0)) {
      throw new RiskModelError('INVALID_ARGUMENT', `stdevs[${i}] must be finite and >= 0, got ${stdevs[i]}`, {
        parameter: 'stdevs',
      });
    }
  }
  return corr.clone().apply(function (this: Matrix, i: number, j: number) {
    this.set(i, j, this.get(i, j) * stdevs[i] * stdevs[j]);
  });
}
