/** A point of the search: risk aversion as log10(lambda), its portfolio and volatility. */
interface Point {
  logLambda: number;
  weights: Float64Array;
  volatility: number;
}

export interface RiskSearchProblem {
  /** Maximiser of mu'w - lambda * w'Sigma w - penalties (null if unbounded); lambda = 0 allowed. */
  solveAt(lambda: number): Float64Array | null;
  volatility(weights: Float64Array): number;
  variance(weights: Float64Array): number;
  /** The constrained minimum-variance portfolio: the lambda -> infinity end. */
  minVolatilityWeights: Float64Array;
}

/**
 * Stop when (vol_above - target) * (target - vol_within) <= this: blending the
 * two efficient portfolios then loses about curvature * that product of
 * return (a chord of the concave frontier), i.e. ~1e-13.
 */
const BRACKET_PRODUCT_TOLERANCE = 1e-14;
const MAX_ITERATIONS = 100;
const LOG_LAMBDA_LIMIT = 15;

/**
 * Maximise return subject to volatility <= target, without quadratic
 * constraints: by convex duality the answer maximises
 * mu'w - lambda * w'Sigma w - penalties for the lambda >= 0 at which the
 * volatility equals the target (volatility is non-increasing in lambda).
 * 1. lambda = 0: if that portfolio is already within the target, return it.
 * 2. Bracket u = log10(lambda) from u = 0, stepping by the log-ratio
 *    log10(vol / target) (volatility falls roughly like 1 / lambda) and
 *    doubling the step until the sign changes; |u| <= 15, and the
 *    minimum-variance portfolio stands in for lambda = infinity.
 * 3. Illinois (modified regula falsi) on g(u) = ln(vol / target), bisecting
 *    when a secant step leaves the bracket, until
 *    (vol_above - target) * (target - vol_within) <= 1e-14 or 100 solves.
 * 4. Blend the bracket ends, (1 - theta) w_above + theta w_within, with theta
 *    solving the quadratic var(theta) = target^2: a convex combination keeps
 *    every linear constraint, and the volatility matches the target to rounding.
 */
export function searchEfficientRisk(problem: RiskSearchProblem, targetVolatility: number): Float64Array {
  const atZero = problem.solveAt(0);
  if (atZero !== null && problem.volatility(atZero) <= targetVolatility) return atZero;

  const evaluate = (logLambda: number): Point => {
    const weights = problem.solveAt(10 ** logLambda);
    return { logLambda, weights: weights ?? new Float64Array(0), volatility: weights === null ? Infinity : problem.volatility(weights) };
  };
  const g = (point: Point): number => Math.log(point.volatility / targetVolatility);

  let lo: Point | null = null; // volatility above target
  let hi: Point | null = null; // volatility at or below target
  let point = evaluate(0);
  let step = 0;
  while (lo === null || hi === null) {
    if (point.volatility > targetVolatility) lo = point;
    else hi = point;
    if (lo !== null && hi !== null) break;
    const direction = lo === null ? -1 : 1;
    const guess = Number.isFinite(point.volatility) ? Math.abs(Math.log10(point.volatility / targetVolatility)) : 1;
    step = Math.max(2 * step, guess, 0.01);
    const next = point.logLambda + direction * step;
    if (Math.abs(next) > LOG_LAMBDA_LIMIT) break;
    point = evaluate(next);
  }
  if (hi === null) {
    const lambdaInfinity = { logLambda: Infinity, weights: problem.minVolatilityWeights, volatility: problem.volatility(problem.minVolatilityWeights) };
    return blend(problem, lo ?? point, lambdaInfinity, targetVolatility);
  }
  if (lo === null) {
    // Even lambda = 1e-15 is within the target: blend towards the lambda = 0 portfolio when it exists.
    if (atZero === null) return hi.weights;
    return blend(problem, { logLambda: -Infinity, weights: atZero, volatility: problem.volatility(atZero) }, hi, targetVolatility);
  }

  let loValue = g(lo);
  let hiValue = g(hi);
  let side = 0;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    if ((lo.volatility - targetVolatility) * (targetVolatility - hi.volatility) <= BRACKET_PRODUCT_TOLERANCE) break;
    const width = hi.logLambda - lo.logLambda;
    if (width < 1e-14) break;
    let next = Number.isFinite(loValue) ? hi.logLambda - (hiValue * width) / (hiValue - loValue) : Number.NaN;
    // Bisect when the secant leaves the bracket; keep a step off the ends so the bracket shrinks.
    if (!(next > lo.logLambda && next < hi.logLambda)) next = lo.logLambda + width / 2;
    next = Math.min(Math.max(next, lo.logLambda + 1e-6 * width), hi.logLambda - 1e-6 * width);
    const candidate = evaluate(next);
    const value = g(candidate);
    if (candidate.volatility > targetVolatility) {
      lo = candidate;
      loValue = value;
      if (side === -1) hiValue /= 2; // Illinois: halve the stale end's weight
      side = -1;
    } else {
      hi = candidate;
      hiValue = value;
      if (side === 1) loValue /= 2;
      side = 1;
    }
  }
  return blend(problem, lo, hi, targetVolatility);
}

function blend(problem: RiskSearchProblem, above: Point, within: Point, targetVolatility: number): Float64Array {
  // An unbounded solve has no portfolio to blend with: the within-target end is the answer.
  if (above.weights.length === 0) return within.weights;
  const n = within.weights.length;
  const direction = Float64Array.from(within.weights, (w, i) => w - above.weights[i]);
  // var(theta) = c + b theta + a theta^2 along w_above + theta * direction.
  const c = problem.variance(above.weights);
  const varianceAtOne = problem.variance(within.weights);
  const midpoint = Float64Array.from(above.weights, (w, i) => w + 0.5 * direction[i]);
  const varianceAtHalf = problem.variance(midpoint);
  const a = 2 * (varianceAtOne - 2 * varianceAtHalf + c);
  const b = varianceAtOne - c - a;
  const goal = targetVolatility * targetVolatility;
  let theta: number;
  if (Math.abs(a) < 1e-300) theta = b === 0 ? 1 : (goal - c) / b;
  else {
    // Root of a theta^2 + b theta + (c - goal) = 0 in [0, 1]; var falls from c > goal to <= goal.
    const discriminant = Math.max(b * b - 4 * a * (c - goal), 0);
    const sqrt = Math.sqrt(discriminant);
    const q = -0.5 * (b + Math.sign(b || 1) * sqrt);
    const roots = [q / a, q !== 0 ? (c - goal) / q : Number.NaN].filter((r) => r >= -1e-12 && r <= 1 + 1e-12);
    theta = roots.length > 0 ? Math.min(...roots) : 1;
  }
  theta = Math.min(Math.max(theta, 0), 1);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = above.weights[i] + theta * direction[i];
  return weights;
}
