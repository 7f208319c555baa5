import { Matrix } from 'ml-matrix';
import { nanMean, pairwiseCovarianceMatrix, zeroFilled } from './nan-statistics';
import { checkFrequency, toReturns, type PanelInput } from './panel-input';
import { fixNonPositiveSemidefinite, type PsdFixMethod } from './psd';
import { RiskModelError } from './risk-model-error';

export interface ShrinkageOptions {
  /** Periods per year used to annualise; default 252. */
  frequency?: number;
  /** Build the return series as log returns (prices input only); default false. */
  logReturns?: boolean;
  /** Repair applied when the estimate is not positive semidefinite; default 'spectral'. */
  fixMethod?: PsdFixMethod;
}

/**
 * Manual shrinkage (PyPortfolioOpt `CovarianceShrinkage.shrunk_covariance`):
 * (delta * mean(diag S) * I + (1 - delta) * S) * frequency, S the
 * pairwise-complete sample covariance (ddof 1); then PSD-repaired.
 */
export function shrunkCovariance(panel: PanelInput, options: ShrinkageOptions & { delta?: number } = {}): Matrix {
  const { frequency = 252, logReturns = false, fixMethod = 'spectral', delta = 0.2 } = options;
  checkFrequency(frequency);
  if (typeof delta !== 'number' || !(delta >= 0 && delta <= 1)) {
    throw new RiskModelError('INVALID_ARGUMENT', `must lie in [0, 1], got ${delta}`, { parameter: 'options.delta' });
  }
  const returns = toReturns(panel, logReturns);
  const sample = pairwiseCovarianceMatrix(returns.returns, returns.assets);
  const n = sample.rows;
  const averageVariance = sample.trace() / n;
  const shrunk = sample.mul(1 - delta);
  for (let i = 0; i < n; i++) shrunk.set(i, i, shrunk.get(i, i) + delta * averageVariance);
  return fixNonPositiveSemidefinite(shrunk.mul(frequency), fixMethod);
}

/** The Ledoit-Wolf targets PyPortfolioOpt offers. */
export type ShrinkageTarget = 'constant_variance' | 'single_factor' | 'constant_correlation';

const TARGETS: readonly ShrinkageTarget[] = ['constant_variance', 'single_factor', 'constant_correlation'];

export interface LedoitWolfResult {
  /** The annualised, PSD-repaired shrunk covariance. */
  covariance: Matrix;
  /** The estimated shrinkage intensity delta in [0, 1] (weight on the target). */
  shrinkage: number;
}

/**
 * Ledoit-Wolf shrinkage (PyPortfolioOpt `CovarianceShrinkage.ledoit_wolf`),
 * result = (delta F + (1 - delta) S) * frequency, PSD-repaired. NaN returns are
 * replaced by 0 (as PyPortfolioOpt's `np.nan_to_num`) before the formulas;
 * what S is depends on the target, as there:
 * - 'constant_variance' (default): scikit-learn's `ledoit_wolf` on the
 *   zero-filled returns: S = biased (1/T) covariance, F = mean(diag S) I;
 * - 'single_factor' (Ledoit & Wolf 2003): S = biased covariance of the
 *   zero-filled returns, F = beta beta' / var(m) off the diagonal and diag S on
 *   it, the market m being the cross-sectional mean of the demeaned returns;
 * - 'constant_correlation' (Ledoit & Wolf 2004): S = pairwise-complete sample
 *   covariance (ddof 1, NaN skipped), F = rbar s_i s_j off the diagonal, the
 *   pi/rho terms from the zero-filled demeaned returns.
 * delta = clamp(kappa / T, 0, 1), kappa = (pi - rho) / gamma.
 */
export function ledoitWolf(
  panel: PanelInput,
  options: ShrinkageOptions & { shrinkageTarget?: ShrinkageTarget } = {},
): LedoitWolfResult {
  const { frequency = 252, logReturns = false, fixMethod = 'spectral', shrinkageTarget = 'constant_variance' } = options;
  checkFrequency(frequency);
  if (!TARGETS.includes(shrinkageTarget)) {
    throw new RiskModelError(
      'INVALID_ARGUMENT',
      `must be 'constant_variance', 'single_factor' or 'constant_correlation', got ${JSON.stringify(shrinkageTarget)}`,
      { parameter: 'options.shrinkageTarget' },
    );
  }
  const returns = toReturns(panel, logReturns);
  if (returns.dates.length < 2) {
    throw new RiskModelError('INSUFFICIENT_DATA', `needs at least 2 return dates, got ${returns.dates.length}`, {
      parameter: 'panel',
    });
  }
  if (shrinkageTarget !== 'constant_variance' && returns.assets.length < 2) {
    throw new RiskModelError('INSUFFICIENT_DATA', `the ${shrinkageTarget} target needs at least 2 assets`, {
      parameter: 'panel.assets',
    });
  }
  const filled = returns.returns.map(zeroFilled);
  const estimate =
    shrinkageTarget === 'constant_variance'
      ? constantVariance(filled)
      : shrinkageTarget === 'single_factor'
        ? singleFactor(filled)
        : constantCorrelation(filled, pairwiseCovarianceMatrix(returns.returns, returns.assets), returns.assets);
  return {
    covariance: fixNonPositiveSemidefinite(estimate.covariance.mul(frequency), fixMethod),
    shrinkage: estimate.shrinkage,
  };
}

interface RawEstimate {
  covariance: Matrix;
  shrinkage: number;
}

/** scikit-learn's `ledoit_wolf(X)` (assume_centered=False) on complete data. */
function constantVariance(columns: Float64Array[]): RawEstimate {
  const t = columns[0].length;
  const p = columns.length;
  const centered = columns.map(demeaned);
  const gram = crossProduct(centered, centered);
  const empirical = gram.clone().div(t);
  const mu = empirical.trace() / p;
  if (p === 1) return { covariance: empirical, shrinkage: 0 };

  let betaSum = 0; // sum_ij sum_t x_ti^2 x_tj^2 = sum_t (sum_i x_ti^2)^2
  for (let s = 0; s < t; s++) {
    let rowSquares = 0;
    for (let i = 0; i < p; i++) rowSquares += centered[i][s] * centered[i][s];
    betaSum += rowSquares ** 2;
  }
  const deltaSum = sumOfSquares(gram) / t ** 2;
  let beta = (betaSum / t - deltaSum) / (p * t);
  const delta = (deltaSum - 2 * mu * empirical.trace() + p * mu ** 2) / p;
  beta = Math.min(beta, delta);
  const shrinkage = beta === 0 ? 0 : beta / delta;
  const covariance = empirical.mul(1 - shrinkage);
  for (let i = 0; i < p; i++) covariance.set(i, i, covariance.get(i, i) + shrinkage * mu);
  return { covariance, shrinkage };
}

/** Ledoit & Wolf (2003) single-index target, as PyPortfolioOpt computes it. */
function singleFactor(columns: Float64Array[]): RawEstimate {
  const t = columns[0].length;
  const n = columns.length;
  const xm = columns.map(demeaned);
  const market = Float64Array.from({ length: t }, (_, s) => xm.reduce((sum, column) => sum + column[s], 0) / n);
  // np.cov centres again (a no-op up to rounding) and the (t-1)/t factor makes it biased.
  const recentered = [...xm, market].map(demeaned);
  const full = crossProduct(recentered, recentered).div(t);
  const betas = Float64Array.from({ length: n }, (_, i) => full.get(i, n));
  const marketVariance = full.get(n, n);
  if (!(marketVariance > 0)) {
    throw new RiskModelError('DEGENERATE', 'the equal-weighted market has zero variance', { parameter: 'panel' });
  }
  const sample = full.subMatrix(0, n - 1, 0, n - 1);
  const target = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) target.set(i, j, i === j ? sample.get(i, i) : (betas[i] * betas[j]) / marketVariance);
  }

  const gammaHat = sumOfSquares(Matrix.sub(sample, target));
  const squared = xm.map((column) => column.map((value) => value * value));
  const weighted = xm.map((column) => column.map((value, s) => value * market[s]));
  let rowSums = 0; // sum_ij (y'y)_ij = sum_t (sum_i y_ti)^2
  for (let s = 0; s < t; s++) {
    let row = 0;
    for (let i = 0; i < n; i++) row += squared[i][s];
    rowSums += row ** 2;
  }
  const piHat = rowSums / t - sumOfSquares(sample);
  let fourth = 0;
  for (const column of squared) for (let s = 0; s < t; s++) fourth += column[s] * column[s];
  let diagSquares = 0;
  for (let i = 0; i < n; i++) diagSquares += sample.get(i, i) ** 2;
  const rhoDiag = fourth / t - diagSquares;

  const yz = crossProduct(squared, weighted).div(t);
  const zz = crossProduct(weighted, weighted).div(t);
  let off1 = 0;
  let off3 = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      off1 += (yz.get(i, j) - betas[i] * sample.get(i, j)) * betas[j];
      off3 += (zz.get(i, j) - marketVariance * sample.get(i, j)) * betas[i] * betas[j];
    }
  }
  const rhoHat = rhoDiag + (2 * off1) / marketVariance - off3 / marketVariance ** 2;
  const shrinkage = gammaHat === 0 ? 0 : clamp01((piHat - rhoHat) / gammaHat / t);
  return { covariance: blend(target, sample, shrinkage), shrinkage };
}

/** Ledoit & Wolf (2004) constant-correlation target, as PyPortfolioOpt computes it. */
function constantCorrelation(columns: Float64Array[], sample: Matrix, assets: string[]): RawEstimate {
  const t = columns[0].length;
  const n = columns.length;
  const variances = sample.diag();
  variances.forEach((variance, i) => {
    if (!(variance > 0)) {
      throw new RiskModelError('DEGENERATE', `variance is ${variance}; the constant-correlation target needs positive variances`, {
        parameter: 'panel',
        asset: assets[i],
      });
    }
  });
  const stds = variances.map(Math.sqrt);
  let correlationSum = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) correlationSum += sample.get(i, j) / (stds[i] * stds[j]);
  const rBar = (correlationSum - n) / (n * (n - 1));
  const target = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) target.set(i, j, i === j ? variances[i] : rBar * stds[i] * stds[j]);
  }

  const xm = columns.map(demeaned);
  const squared = xm.map((column) => column.map((value) => value * value));
  const cubed = xm.map((column) => column.map((value) => value * value * value));
  const yy = crossProduct(squared, squared);
  const moments = crossProduct(xm, xm).div(t); // (1/T) Xm'Xm
  const thirdFourth = crossProduct(cubed, xm).div(t); // (1/T) (Xm^3)'Xm
  let piHat = 0;
  let piDiagonal = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const s = sample.get(i, j);
      const pi = yy.get(i, j) / t - 2 * moments.get(i, j) * s + s * s;
      piHat += pi;
      if (i === j) piDiagonal += pi;
    }
  }
  let thetaSum = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const s = sample.get(i, j);
      const theta = thirdFourth.get(i, j) - moments.get(i, i) * s - moments.get(i, j) * variances[i] + variances[i] * s;
      thetaSum += (stds[j] / stds[i]) * theta;
    }
  }
  const rhoHat = piDiagonal + rBar * thetaSum;
  const gammaHat = sumOfSquares(Matrix.sub(sample, target));
  const shrinkage = gammaHat === 0 ? 0 : clamp01((piHat - rhoHat) / gammaHat / t);
  return { covariance: blend(target, sample, shrinkage), shrinkage };
}

function demeaned(column: Float64Array): Float64Array {
  const mean = nanMean(column);
  return column.map((value) => value - mean);
}

/** (A'B)_ij = sum_t a_i[t] b_j[t] for column lists A and B. */
function crossProduct(a: Float64Array[], b: Float64Array[]): Matrix {
  const product = new Matrix(a.length, b.length);
  const symmetric = a === b;
  for (let i = 0; i < a.length; i++) {
    for (let j = symmetric ? i : 0; j < b.length; j++) {
      const x = a[i];
      const y = b[j];
      let sum = 0;
      for (let s = 0; s < x.length; s++) sum += x[s] * y[s];
      product.set(i, j, sum);
      if (symmetric) product.set(j, i, sum);
    }
  }
  return product;
}

function sumOfSquares(matrix: Matrix): number {
  let sum = 0;
  for (let i = 0; i < matrix.rows; i++) for (let j = 0; j < matrix.columns; j++) sum += matrix.get(i, j) ** 2;
  return sum;
}

function blend(target: Matrix, sample: Matrix, shrinkage: number): Matrix {
  return Matrix.add(target.clone().mul(shrinkage), sample.clone().mul(1 - shrinkage));
}

function clamp01(value: number): number {
  return Math.max(0, Math.min(1, value));
}
