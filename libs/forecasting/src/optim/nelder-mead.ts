/**
 * Nelder-Mead simplex minimisation inside a box. Every trial point is
 * clipped to [lower, upper] (as SciPy does with bounds), so the objective is
 * never evaluated outside the box. Derivative-free, which suits the
 * exponential-smoothing SSE: cheap to evaluate, not smooth at the bounds.
 */
export interface NelderMeadOptions {
  lower: readonly number[];
  upper: readonly number[];
  /** Initial simplex edge as a fraction of each box width; default 0.1. */
  initialStep?: number;
  /** Default 400 per dimension. */
  maxIterations?: number;
  /** Stop when the simplex spans less than this in every coordinate ... */
  xTolerance?: number;
  /** ... and its values differ by less than this relative to the best one. */
  fTolerance?: number;
}

export interface NelderMeadResult {
  x: number[];
  value: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

// Standard coefficients: reflection, expansion, contraction, shrink.
const REFLECT = 1;
const EXPAND = 2;
const CONTRACT = 0.5;
const SHRINK = 0.5;

export function minimizeNelderMead(
  objective: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions,
): NelderMeadResult {
  const dimension = start.length;
  const { lower, upper } = options;
  if (lower.length !== dimension || upper.length !== dimension) {
    throw new RangeError(`bounds have ${lower.length} and ${upper.length} entries for ${dimension} parameters`);
  }
  for (let i = 0; i < dimension; i++) {
    if (!(lower[i] <= upper[i])) throw new RangeError(`bound ${i}: lower ${lower[i]} exceeds upper ${upper[i]}`);
  }
  const maxIterations = options.maxIterations ?? 400 * dimension;
  const xTolerance = options.xTolerance ?? 1e-8;
  const fTolerance = options.fTolerance ?? 1e-12;
  const clip = (x: number[]): number[] => x.map((value, i) => Math.min(upper[i], Math.max(lower[i], value)));
  let evaluations = 0;
  // NaN (an unstable filter) counts as the worst possible value, so the simplex moves away from it.
  const evaluate = (x: number[]): number => {
    evaluations++;
    const value = objective(x);
    return Number.isNaN(value) ? Infinity : value;
  };

  const points: number[][] = [clip([...start])];
  const step = options.initialStep ?? 0.1;
  for (let i = 0; i < dimension; i++) {
    const vertex = [...points[0]];
    const width = upper[i] - lower[i];
    const delta = step * (width > 0 && Number.isFinite(width) ? width : Math.max(1, Math.abs(vertex[i])));
    // Step inward when the start sits near the upper bound, so the simplex keeps full dimension.
    vertex[i] = vertex[i] + delta <= upper[i] ? vertex[i] + delta : vertex[i] - delta;
    points.push(clip(vertex));
  }
  let values = points.map(evaluate);

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    const order = values.map((_, index) => index).sort((a, b) => values[a] - values[b]);
    const sortedPoints = order.map((index) => points[index]);
    const sortedValues = order.map((index) => values[index]);
    points.splice(0, points.length, ...sortedPoints);
    values = sortedValues;
    if (hasConverged(points, values, xTolerance, fTolerance)) {
      converged = true;
      break;
    }
    iterations++;

    const worst = points[dimension];
    const centroid = new Array<number>(dimension).fill(0);
    for (let v = 0; v < dimension; v++) {
      for (let i = 0; i < dimension; i++) centroid[i] += points[v][i] / dimension;
    }
    const along = (coefficient: number): number[] =>
      clip(centroid.map((value, i) => value + coefficient * (value - worst[i])));

    const reflected = along(REFLECT);
    const reflectedValue = evaluate(reflected);
    if (reflectedValue < values[0]) {
      const expanded = along(EXPAND);
      const expandedValue = evaluate(expanded);
      replaceWorst(expandedValue < reflectedValue ? expanded : reflected, Math.min(expandedValue, reflectedValue));
      continue;
    }
    if (reflectedValue < values[dimension - 1]) {
      replaceWorst(reflected, reflectedValue);
      continue;
    }
    // Contract towards the better of the reflected and the worst point.
    const outside = reflectedValue < values[dimension];
    const contracted = along(outside ? CONTRACT : -CONTRACT);
    const contractedValue = evaluate(contracted);
    if (contractedValue < (outside ? reflectedValue : values[dimension])) {
      replaceWorst(contracted, contractedValue);
      continue;
    }
    for (let v = 1; v <= dimension; v++) {
      points[v] = clip(points[v].map((value, i) => points[0][i] + SHRINK * (value - points[0][i])));
      values[v] = evaluate(points[v]);
    }
  }

  const best = values.reduce((bestIndex, value, index) => (value < values[bestIndex] ? index : bestIndex), 0);
  return { x: points[best], value: values[best], iterations, evaluations, converged };

  function replaceWorst(point: number[], value: number): void {
    points[dimension] = point;
    values[dimension] = value;
  }
}

function hasConverged(points: number[][], values: number[], xTolerance: number, fTolerance: number): boolean {
  const best = points[0];
  for (let v = 1; v < points.length; v++) {
    for (let i = 0; i < best.length; i++) if (Math.abs(points[v][i] - best[i]) > xTolerance) return false;
  }
  const spread = Math.max(...values.map((value) => Math.abs(value - values[0])));
  return spread <= fTolerance * (Math.abs(values[0]) + fTolerance);
}
