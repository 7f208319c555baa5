import { Matrix, solve } from 'ml-matrix';
import { AllocationError } from './allocation-error';
import { assertUniqueAssets, assetIndex } from './assets';
import { assertFiniteVector, assertPositiveDefinite, toSymmetricMatrix, type SquareMatrix } from './matrix-checks';

/**
 * Market-implied risk aversion delta = (E[r_m] - r_f) / Var(r_m) from a market price series,
 * with annualised mean and variance (ddof 1) of simple returns: frequency * mean, frequency * var.
 * Missing prices (NaN) make their returns missing; those are dropped.
 */
export function marketImpliedRiskAversion(
  marketPrices: ArrayLike<number>,
  options: { frequency?: number; riskFreeRate?: number } = {},
): number {
  const { frequency = 252, riskFreeRate = 0.02 } = options;
  assertPositive(frequency, 'frequency');
  assertFinite(riskFreeRate, 'riskFreeRate');
  const returns: number[] = [];
  for (let t = 1; t < marketPrices.length; t++) {
    const previous = marketPrices[t - 1];
    const current = marketPrices[t];
    if (Number.isNaN(previous) || Number.isNaN(current)) continue;
    if (!(previous > 0) || !Number.isFinite(current)) {
      throw new AllocationError('INVALID_ARGUMENT', 'marketPrices', `price at index ${previous > 0 ? t : t - 1} must be a positive finite number`);
    }
    returns.push(current / previous - 1);
  }
  if (returns.length < 2) {
    throw new AllocationError('INSUFFICIENT_DATA', 'marketPrices', `need at least 2 returns, got ${returns.length}`);
  }
  const mean = returns.reduce((sum, r) => sum + r, 0) / returns.length;
  const variance = returns.reduce((sum, r) => sum + (r - mean) ** 2, 0) / (returns.length - 1);
  if (!(variance > 0)) throw new AllocationError('INSUFFICIENT_DATA', 'marketPrices', 'market returns have zero variance');
  return (mean * frequency - riskFreeRate) / (variance * frequency);
}

/**
 * Equilibrium (CAPM reverse-optimisation) returns pi = delta * S * w_mkt + r_f, where
 * w_mkt = market caps / their sum. Returned in `assets` order.
 */
export function marketImpliedPriorReturns(input: {
  assets: readonly string[];
  marketCaps: Readonly<Record<string, number>>;
  riskAversion: number;
  covariance: SquareMatrix;
  riskFreeRate?: number;
}): Float64Array {
  const { assets, marketCaps, riskAversion, riskFreeRate = 0.02 } = input;
  assertUniqueAssets(assets, 'assets');
  assertPositive(riskAversion, 'riskAversion');
  assertFinite(riskFreeRate, 'riskFreeRate');
  const covariance = toSymmetricMatrix(input.covariance, 'covariance', assets.length);
  for (const asset of Object.keys(marketCaps)) assetIndex(assets, asset, 'marketCaps');
  const caps = assets.map((asset) => {
    const cap = marketCaps[asset];
    if (cap === undefined) throw new AllocationError('UNKNOWN_ASSET', 'marketCaps', `no market cap for asset "${asset}"`);
    if (!Number.isFinite(cap) || cap < 0) throw new AllocationError('INVALID_ARGUMENT', `marketCaps.${asset}`, `must be a finite number >= 0, got ${cap}`);
    return cap;
  });
  const total = caps.reduce((sum, cap) => sum + cap, 0);
  if (!(total > 0)) throw new AllocationError('INVALID_ARGUMENT', 'marketCaps', 'market caps sum to 0');
  const marketWeights = Matrix.columnVector(caps.map((cap) => cap / total));
  const implied = covariance.mmul(marketWeights).mul(riskAversion).add(riskFreeRate);
  return Float64Array.from(implied.getColumn(0));
}

/**
 * Views: absolute (asset -> expected return; P rows follow the object's key order, which JavaScript
 * sorts numerically for integer-like keys) or relative via a picking matrix P (k x n) and returns Q (k).
 */
export type BlackLittermanViews =
  | { absolute: Readonly<Record<string, number>> }
  | { picking: readonly (readonly number[])[]; viewReturns: readonly number[] };

/**
 * View uncertainty Omega: 'default' is He & Litterman's diag(tau * P S P'); 'idzorek' derives each
 * diagonal entry from a confidence c in [0, 1] as tau * (1 - c) / c * p_k S p_k' (c = 0 gives 1e6);
 * or an explicit k x k matrix.
 */
export type OmegaSpec = 'default' | 'idzorek' | SquareMatrix;

export interface BlackLittermanInput {
  assets: readonly string[];
  covariance: SquareMatrix;
  views: BlackLittermanViews;
  /** Prior expected returns in `assets` order; zeros when omitted (views alone drive the posterior). */
  prior?: ArrayLike<number>;
  /** Scales the uncertainty of the prior, tau * S; defaults to 0.05; must be > 0. */
  tau?: number;
  omega?: OmegaSpec;
  /** One confidence in [0, 1] per view; required for omega 'idzorek'. */
  viewConfidences?: readonly number[];
}

export interface BlackLittermanResult {
  assets: string[];
  prior: Float64Array;
  /** Picking matrix P, one row per view. */
  picking: number[][];
  viewReturns: Float64Array;
  omega: number[][];
  /** mu_BL = pi + tau S P' (P tau S P' + Omega)^-1 (Q - P pi). */
  posteriorReturns: Float64Array;
  /** S_BL = S + tau S - tau S P' (P tau S P' + Omega)^-1 P tau S. */
  posteriorCovariance: number[][];
}

/** Black-Litterman posterior returns and covariance, PyPortfolioOpt's `BlackLittermanModel` conventions. */
export function blackLitterman(input: BlackLittermanInput): BlackLittermanResult {
  const assets = [...input.assets];
  assertUniqueAssets(assets, 'assets');
  const n = assets.length;
  const tau = input.tau ?? 0.05;
  // He & Litterman use tau around 0.025-0.05; any positive value is mathematically valid.
  assertPositive(tau, 'tau');
  const covariance = toSymmetricMatrix(input.covariance, 'covariance', n);
  const prior = input.prior === undefined ? new Float64Array(n) : Float64Array.from(input.prior);
  assertFiniteVector(prior, 'prior', n);

  const { picking, viewReturns } = parseViews(input.views, assets);
  const k = viewReturns.length;
  const P = new Matrix(picking);
  const tauSigma = covariance.clone().mul(tau);
  const tauSigmaPt = tauSigma.mmul(P.transpose());
  const viewCovariance = P.mmul(tauSigmaPt);
  const omega = buildOmega(input.omega ?? 'default', viewCovariance, covariance, P, tau, k, input.viewConfidences);

  const A = viewCovariance.clone().add(new Matrix(omega));
  assertPositiveDefinite(
    new Matrix(A.to2DArray().map((row, i) => row.map((v, j) => (i === j ? v : (v + A.get(j, i)) / 2)))),
    'views',
  );
  const residual = Matrix.columnVector(Array.from(viewReturns)).sub(P.mmul(Matrix.columnVector(Array.from(prior))));
  const posteriorReturns = Float64Array.from(tauSigmaPt.mmul(solve(A, residual)).getColumn(0), (shift, i) => shift + prior[i]);
  const posteriorCovariance = covariance
    .clone()
    .add(tauSigma)
    .sub(tauSigmaPt.mmul(solve(A, tauSigmaPt.transpose())));
  return {
    assets,
    prior,
    picking,
    viewReturns,
    omega,
    posteriorReturns,
    posteriorCovariance: symmetrise(posteriorCovariance.to2DArray()),
  };
}

/**
 * Unconstrained mean-variance weights implied by returns: w proportional to (delta S)^-1 mu,
 * rescaled to sum to 1 (PyPortfolioOpt's `bl_weights`; may be negative or above 1).
 */
export function impliedWeights(expectedReturns: ArrayLike<number>, covariance: SquareMatrix, riskAversion = 1): Float64Array {
  assertPositive(riskAversion, 'riskAversion');
  const S = toSymmetricMatrix(covariance, 'covariance');
  assertFiniteVector(expectedReturns, 'expectedReturns', S.rows);
  const cholesky = assertPositiveDefinite(S, 'covariance');
  const raw = cholesky.solve(Matrix.columnVector(Array.from(expectedReturns))).div(riskAversion).getColumn(0);
  const total = raw.reduce((sum, w) => sum + w, 0);
  if (!(Math.abs(total) > 1e-12)) {
    throw new AllocationError('WEIGHTS_NOT_NORMALISED', 'expectedReturns', 'implied raw weights sum to 0, so they cannot be rescaled to sum to 1');
  }
  return Float64Array.from(raw, (w) => w / total);
}

function parseViews(views: BlackLittermanViews, assets: readonly string[]): { picking: number[][]; viewReturns: Float64Array } {
  const n = assets.length;
  if ('absolute' in views) {
    const entries = Object.entries(views.absolute);
    if (entries.length === 0) throw new AllocationError('INVALID_ARGUMENT', 'views.absolute', 'no views given');
    const picking = entries.map(([asset]) => {
      const row = new Array<number>(n).fill(0);
      row[assetIndex(assets, asset, 'views.absolute')] = 1;
      return row;
    });
    const viewReturns = Float64Array.from(entries, ([asset, value]) => {
      assertFinite(value, `views.absolute.${asset}`);
      return value;
    });
    return { picking, viewReturns };
  }
  const k = views.viewReturns.length;
  if (k === 0) throw new AllocationError('INVALID_ARGUMENT', 'views.viewReturns', 'no views given');
  assertFiniteVector(views.viewReturns, 'views.viewReturns', k);
  if (views.picking.length !== k) {
    throw new AllocationError('DIMENSION_MISMATCH', 'views.picking', `has ${views.picking.length} rows for ${k} view returns`);
  }
  const picking = views.picking.map((row, r) => {
    assertFiniteVector(row, `views.picking[${r}]`, n);
    if (row.every((v) => v === 0)) throw new AllocationError('INVALID_ARGUMENT', `views.picking[${r}]`, 'row is all zeros, so the view refers to no asset');
    return Array.from(row);
  });
  return { picking, viewReturns: Float64Array.from(views.viewReturns) };
}

function buildOmega(
  spec: OmegaSpec,
  viewCovariance: Matrix,
  covariance: Matrix,
  P: Matrix,
  tau: number,
  k: number,
  confidences: readonly number[] | undefined,
): number[][] {
  const diagonal = (values: number[]): number[][] => values.map((v, i) => values.map((_, j) => (i === j ? v : 0)));
  if (spec === 'default') return diagonal(viewCovariance.diag());
  if (spec === 'idzorek') {
    if (confidences === undefined) throw new AllocationError('INVALID_ARGUMENT', 'viewConfidences', "required when omega is 'idzorek'");
    if (confidences.length !== k) {
      throw new AllocationError('DIMENSION_MISMATCH', 'viewConfidences', `has ${confidences.length} entries for ${k} views`);
    }
    return diagonal(
      confidences.map((confidence, view) => {
        if (!(confidence >= 0 && confidence <= 1)) {
          throw new AllocationError('INVALID_ARGUMENT', `viewConfidences[${view}]`, `must be in [0, 1], got ${confidence}`);
        }
        // Zero confidence means "ignore the view": a huge variance, as PyPortfolioOpt uses.
        if (confidence === 0) return 1e6;
        const row = P.getRowVector(view);
        const variance = row.mmul(covariance).mmul(row.transpose()).get(0, 0);
        return tau * ((1 - confidence) / confidence) * variance;
      }),
    );
  }
  const omega = toSymmetricMatrix(spec, 'omega', k);
  for (let i = 0; i < k; i++) {
    if (omega.get(i, i) < 0) throw new AllocationError('NOT_POSITIVE_DEFINITE', 'omega', `diagonal entry ${i} is negative`);
  }
  return omega.to2DArray();
}

function symmetrise(matrix: number[][]): number[][] {
  return matrix.map((row, i) => row.map((v, j) => (v + matrix[j][i]) / 2));
}

function assertPositive(value: number, parameter: string): void {
  if (!(Number.isFinite(value) && value > 0)) throw new AllocationError('INVALID_ARGUMENT', parameter, `must be a finite number > 0, got ${value}`);
}

function assertFinite(value: number, parameter: string): void {
  if (!Number.isFinite(value)) throw new AllocationError('INVALID_ARGUMENT', parameter, `must be finite, got ${value}`);
}
