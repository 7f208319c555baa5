import { inverse, Matrix } from 'ml-matrix';
import { AllocationError } from './allocation-error';
import { assertFiniteVector, assertPositiveDefinite, toSymmetricMatrix, type SquareMatrix } from './matrix-checks';

/** Per-asset weight bounds: one [lower, upper] pair for all assets, or one pair per asset. */
export type WeightBounds = readonly [number, number] | readonly (readonly [number, number])[];

export interface TurningPoint {
  weights: Float64Array;
  /** Risk-tolerance multiplier lambda of the mean term (0 at the minimum-variance end). */
  lambda: number;
}

export interface ClaResult {
  weights: Float64Array;
  expectedReturn: number;
  volatility: number;
}

const FEASIBILITY_TOLERANCE = 1e-10;

/**
 * Turning points of the long/bounded mean-variance frontier by Markowitz's critical line algorithm
 * (Bailey & Lopez de Prado 2013, as PyPortfolioOpt's `CLA`): start from the highest-return feasible
 * corner, then repeatedly lower lambda until a free weight hits a bound or a bounded weight becomes
 * free, ending at the minimum-variance portfolio (lambda = 0). Between consecutive turning points
 * the frontier is the straight line between their weights.
 */
export function criticalLineTurningPoints(
  expectedReturns: ArrayLike<number>,
  covariance: SquareMatrix,
  bounds: WeightBounds = [0, 1],
): TurningPoint[] {
  const S = toSymmetricMatrix(covariance, 'covariance');
  const n = S.rows;
  assertFiniteVector(expectedReturns, 'expectedReturns', n);
  assertPositiveDefinite(S, 'covariance');
  const mu = Array.from(expectedReturns);
  // With all returns equal no weight depends on lambda, so no turning point would ever be found;
  // nudge the last one (as PyPortfolioOpt does) so the algorithm still walks to minimum variance.
  if (mu.every((m) => m === mu[0])) mu[n - 1] += 1e-5;
  const { lower, upper } = expandBounds(bounds, n);

  // Start at the corner: every asset at its lower bound, then fill the highest-return assets to
  // their upper bound; the asset that reaches the budget is the single free one.
  const byReturn = mu.map((_, i) => i).sort((a, b) => mu[a] - mu[b] || a - b);
  const w = [...lower];
  let k = n;
  while (sum(w) < 1) {
    k--;
    w[byReturn[k]] = upper[byReturn[k]];
  }
  w[byReturn[k]] += 1 - sum(w);
  let free = [byReturn[k]];
  const points: TurningPoint[] = [{ weights: Float64Array.from(w), lambda: Infinity }];

  let lastBound = -1;
  for (let iteration = 0; iteration < 10 * n + 10; iteration++) {
    const currentLambda = points[points.length - 1].lambda;
    // Case (a): a free weight moves onto one of its bounds.
    let lambdaIn = -Infinity;
    let assetIn = -1;
    let boundIn = 0;
    if (free.length > 1) {
      const system = freeSystem(S, mu, w, free);
      free.forEach((asset, position) => {
        const hit = lambdaAtBound(system, position, [lower[asset], upper[asset]]);
        if (hit && hit.lambda > lambdaIn) {
          lambdaIn = hit.lambda;
          assetIn = asset;
          boundIn = hit.bound;
        }
      });
    }
    // Case (b): a bounded weight becomes free.
    let lambdaOut = -Infinity;
    let assetOut = -1;
    if (free.length < n) {
      for (let asset = 0; asset < n; asset++) {
        if (free.includes(asset)) continue;
        const candidate = [...free, asset];
        const hit = lambdaAtBound(freeSystem(S, mu, w, candidate), candidate.length - 1, w[asset]);
        // Tied returns make several weights leave their bounds at the same lambda, so an event at
        // (numerically) the current lambda still counts, except re-freeing the weight just bound.
        const notAfterCurrent = hit !== undefined && hit.lambda <= currentLambda + 1e-9 * Math.abs(currentLambda);
        if (hit && notAfterCurrent && asset !== lastBound && hit.lambda > lambdaOut) {
          lambdaOut = hit.lambda;
          assetOut = asset;
        }
      }
    }

    let lambda: number;
    let meanForStep = mu;
    if (lambdaIn < 0 && lambdaOut < 0) {
      // No more events before lambda reaches 0: the last point is the minimum-variance portfolio.
      lambda = 0;
      meanForStep = mu.map(() => 0);
    } else if (lambdaIn > lambdaOut) {
      lambda = lambdaIn;
      lastBound = assetIn;
      free = free.filter((asset) => asset !== assetIn);
      w[assetIn] = boundIn;
    } else {
      lambda = lambdaOut;
      lastBound = -1;
      free = [...free, assetOut];
    }
    const freeWeights = solveFreeWeights(freeSystem(S, meanForStep, w, free), lambda);
    free.forEach((asset, position) => {
      w[asset] = freeWeights[position];
    });
    points.push({ weights: Float64Array.from(w), lambda });
    if (lambda === 0) return purgeDominated(purgeInfeasible(points, lower, upper), mu);
  }
  throw new AllocationError('SOLVER_FAILED', 'covariance', 'critical line algorithm did not reach the minimum-variance portfolio');
}

/** Minimum-variance portfolio within the bounds (the last CLA turning point). */
export function claMinVolatility(expectedReturns: ArrayLike<number>, covariance: SquareMatrix, bounds: WeightBounds = [0, 1]): ClaResult {
  const points = criticalLineTurningPoints(expectedReturns, covariance, bounds);
  const S = covariance;
  let best = points[0].weights;
  for (const point of points) if (variance(point.weights, S) < variance(best, S)) best = point.weights;
  return describe(best, expectedReturns, S);
}

/**
 * Maximum-Sharpe portfolio (mu'w - r_f) / sqrt(w'Sw) within the bounds. Each frontier segment between
 * turning points is searched exactly (the ratio along a segment has one closed-form stationary
 * point). `riskFreeRate` defaults to 0, as PyPortfolioOpt's CLA.max_sharpe.
 */
export function claMaxSharpe(
  expectedReturns: ArrayLike<number>,
  covariance: SquareMatrix,
  options: { bounds?: WeightBounds; riskFreeRate?: number } = {},
): ClaResult {
  const { bounds = [0, 1], riskFreeRate = 0 } = options;
  if (!Number.isFinite(riskFreeRate)) throw new AllocationError('INVALID_ARGUMENT', 'riskFreeRate', `must be finite, got ${riskFreeRate}`);
  const points = criticalLineTurningPoints(expectedReturns, covariance, bounds);
  const mu = Array.from(expectedReturns);
  const sharpe = (w: ArrayLike<number>): number => (dot(mu, w) - riskFreeRate) / Math.sqrt(variance(w, covariance));
  let best = points[0].weights;
  let bestSharpe = sharpe(best);
  const consider = (w: Float64Array): void => {
    const value = sharpe(w);
    if (value > bestSharpe) {
      best = w;
      bestSharpe = value;
    }
  };
  for (let p = 0; p + 1 < points.length; p++) {
    const w0 = points[p].weights;
    const w1 = points[p + 1].weights;
    consider(w1);
    // Along w(a) = w1 + a (w0 - w1): excess return c + d a, variance e + 2 f a + g a^2.
    const delta = Float64Array.from(w0, (v, i) => v - w1[i]);
    const c = dot(mu, w1) - riskFreeRate;
    const d = dot(mu, delta);
    const e = variance(w1, covariance);
    const f = bilinear(w1, delta, covariance);
    const g = variance(delta, covariance);
    const denominator = d * f - c * g;
    if (denominator !== 0) {
      const a = (c * f - d * e) / denominator;
      if (a > 0 && a < 1) consider(Float64Array.from(w1, (v, i) => v + a * delta[i]));
    }
  }
  return describe(best, expectedReturns, covariance);
}

interface FreeSystem {
  covarianceFreeInverse: Matrix;
  meanFree: number[];
  /** Sigma_FB w_B mapped through the inverse: Sigma_FF^-1 Sigma_FB w_B. */
  boundedTerm: number[];
  boundedWeightSum: number;
}

function freeSystem(S: Matrix, mu: readonly number[], w: readonly number[], free: readonly number[]): FreeSystem {
  const bounded = mu.map((_, i) => i).filter((i) => !free.includes(i));
  const covarianceFree = new Matrix(free.map((i) => free.map((j) => S.get(i, j))));
  const covarianceFreeInverse = inverse(covarianceFree);
  const crossTimesBounded = free.map((i) => bounded.reduce((acc, j) => acc + S.get(i, j) * w[j], 0));
  return {
    covarianceFreeInverse,
    meanFree: free.map((i) => mu[i]),
    boundedTerm: covarianceFreeInverse.mmul(Matrix.columnVector(crossTimesBounded)).getColumn(0),
    boundedWeightSum: bounded.reduce((acc, j) => acc + w[j], 0),
  };
}

/**
 * Free weights w_F = Ci (lambda mu_F + gamma 1 - Sigma_FB w_B), with gamma set by the budget 1'w = 1.
 */
function solveFreeWeights(system: FreeSystem, lambda: number): number[] {
  const { covarianceFreeInverse: Ci, meanFree, boundedTerm, boundedWeightSum } = system;
  const ones = meanFree.map(() => 1);
  const ciOnes = Ci.mmul(Matrix.columnVector(ones)).getColumn(0);
  const ciMean = Ci.mmul(Matrix.columnVector(meanFree)).getColumn(0);
  const onesCiOnes = sum(ciOnes);
  const onesCiMean = sum(ciMean);
  const gamma = (-lambda * onesCiMean + 1 - boundedWeightSum + sum(boundedTerm)) / onesCiOnes;
  return ciOnes.map((_, i) => -boundedTerm[i] + gamma * ciOnes[i] + lambda * ciMean[i]);
}

/**
 * Lambda at which free weight number `position` equals `bound`; given a [lower, upper] pair, the
 * bound it moves towards as lambda falls. Undefined when that weight does not depend on lambda.
 */
function lambdaAtBound(system: FreeSystem, position: number, bound: number | readonly [number, number]): { lambda: number; bound: number } | undefined {
  const { covarianceFreeInverse: Ci, meanFree, boundedTerm, boundedWeightSum } = system;
  const ones = meanFree.map(() => 1);
  const ciOnes = Ci.mmul(Matrix.columnVector(ones)).getColumn(0);
  const ciMean = Ci.mmul(Matrix.columnVector(meanFree)).getColumn(0);
  const c1 = sum(ciOnes);
  const c3 = sum(ciMean);
  // w_i(lambda) falls with lambda when c > 0 (so it heads for its upper bound as lambda decreases).
  const c = -c1 * ciMean[position] + c3 * ciOnes[position];
  if (c === 0) return undefined;
  const target = typeof bound === 'number' ? bound : c > 0 ? bound[1] : bound[0];
  const lambda = ((1 - boundedWeightSum + sum(boundedTerm)) * ciOnes[position] - c1 * (target + boundedTerm[position])) / c;
  return { lambda, bound: target };
}

function purgeInfeasible(points: TurningPoint[], lower: number[], upper: number[]): TurningPoint[] {
  return points.filter(({ weights }) => {
    if (Math.abs(sum(weights) - 1) > FEASIBILITY_TOLERANCE) return false;
    return Array.from(weights).every((v, i) => v >= lower[i] - FEASIBILITY_TOLERANCE && v <= upper[i] + FEASIBILITY_TOLERANCE);
  });
}

/** Drops turning points whose return is below that of a later (lower-risk) point: they are not efficient. */
function purgeDominated(points: TurningPoint[], mu: number[]): TurningPoint[] {
  return points.filter((point, i) => points.slice(i + 1).every((later) => dot(mu, point.weights) >= dot(mu, later.weights)));
}

function expandBounds(bounds: WeightBounds, n: number): { lower: number[]; upper: number[] } {
  const pairs: (readonly [number, number])[] =
    typeof bounds[0] === 'number' ? Array.from({ length: n }, () => bounds as readonly [number, number]) : [...(bounds as readonly (readonly [number, number])[])];
  if (pairs.length !== n) throw new AllocationError('DIMENSION_MISMATCH', 'bounds', `has ${pairs.length} pairs for ${n} assets`);
  pairs.forEach(([lo, hi], i) => {
    if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi)) {
      throw new AllocationError('INVALID_ARGUMENT', `bounds[${i}]`, `must be finite with lower <= upper, got [${lo}, ${hi}]`);
    }
  });
  const lower = pairs.map(([lo]) => lo);
  const upper = pairs.map(([, hi]) => hi);
  if (sum(lower) > 1 + FEASIBILITY_TOLERANCE || sum(upper) < 1 - FEASIBILITY_TOLERANCE) {
    throw new AllocationError(
      'INVALID_ARGUMENT',
      'bounds',
      `weights summing to 1 are infeasible: lower bounds sum to ${sum(lower)}, upper bounds to ${sum(upper)} (need lower <= 1 <= upper)`,
    );
  }
  return { lower, upper };
}

function describe(weights: Float64Array, mu: ArrayLike<number>, covariance: SquareMatrix): ClaResult {
  return { weights, expectedReturn: dot(mu, weights), volatility: Math.sqrt(variance(weights, covariance)) };
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i] * b[i];
  return total;
}

function bilinear(a: ArrayLike<number>, b: ArrayLike<number>, S: SquareMatrix | Matrix): number {
  const get = S instanceof Matrix ? (i: number, j: number) => S.get(i, j) : (i: number, j: number) => S[i][j];
  let total = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) total += a[i] * get(i, j) * b[j];
  return total;
}

function variance(w: ArrayLike<number>, S: SquareMatrix | Matrix): number {
  return bilinear(w, w, S);
}
