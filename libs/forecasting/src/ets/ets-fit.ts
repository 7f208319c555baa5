import { minimizeNelderMead } from '../optim/nelder-mead';
import { sumOfSquaredErrors, type EtsParameters, type EtsSpec, type EtsState } from './ets-model';

/** Smoothing parameters the caller fixed; the rest are estimated. */
export type FixedParameters = Partial<EtsParameters>;

/** Bounds of the estimated parameters, as R's forecast::ets uses. */
const SMOOTHING_BOUNDS: [number, number] = [1e-4, 0.9999];
const PHI_BOUNDS: [number, number] = [0.8, 0.98];
/** Coarse starting grid: the SSE surface often has several basins (AirPassengers does). */
const GRID = {
  alpha: [0.1, 0.3, 0.5, 0.7, 0.9],
  beta: [0.01, 0.1, 0.3],
  gammaShare: [0.05, 0.2, 0.5, 0.8],
  phi: [0.85, 0.95],
};
/** Nelder-Mead runs from this many of the best grid points; the best result wins. */
const STARTS = 5;
const RESTARTS = 3;

export interface EtsFit {
  parameters: EtsParameters;
  sse: number;
  /** How many smoothing parameters were estimated (for the residual degrees of freedom). */
  estimated: number;
}

type Name = 'alpha' | 'beta' | 'gammaShare' | 'phi';

/**
 * Minimises the in-sample one-step SSE over the free smoothing parameters
 * with a bounded Nelder-Mead, started from the best point of a coarse grid
 * and restarted from its own optimum until that stops improving. gamma is
 * searched as a share of (1 - alpha), keeping gamma <= 1 - alpha.
 */
export function fitSmoothingParameters(
  spec: EtsSpec,
  initial: EtsState,
  values: Float64Array,
  fixed: FixedParameters,
): EtsFit {
  const names: Name[] = [];
  if (fixed.alpha === undefined) names.push('alpha');
  if (spec.trend === 'additive' && fixed.beta === undefined) names.push('beta');
  if (spec.seasonal !== 'none' && fixed.gamma === undefined) names.push('gammaShare');
  if (spec.damped && fixed.phi === undefined) names.push('phi');

  const toParameters = (x: readonly number[]): EtsParameters => {
    const value = (name: Name): number | undefined => {
      const index = names.indexOf(name);
      return index === -1 ? undefined : x[index];
    };
    const alpha = fixed.alpha ?? value('alpha') ?? 0;
    const gammaShare = value('gammaShare');
    return {
      alpha,
      beta: spec.trend === 'additive' ? (fixed.beta ?? value('beta') ?? 0) : 0,
      gamma: spec.seasonal === 'none' ? 0 : (fixed.gamma ?? (gammaShare ?? 0) * (1 - alpha)),
      phi: spec.damped ? (fixed.phi ?? value('phi') ?? 1) : 1,
    };
  };
  const objective = (x: readonly number[]): number => sumOfSquaredErrors(spec, toParameters(x), initial, values);
  if (names.length === 0) {
    return { parameters: toParameters([]), sse: objective([]), estimated: 0 };
  }

  const lower = names.map((name) => (name === 'phi' ? PHI_BOUNDS[0] : SMOOTHING_BOUNDS[0]));
  const upper = names.map((name) => (name === 'phi' ? PHI_BOUNDS[1] : SMOOTHING_BOUNDS[1]));
  let best: Candidate = { x: [], value: Infinity };
  for (const start of bestGridPoints(names, objective, STARTS)) {
    let current = start;
    for (let restart = 0; restart < RESTARTS; restart++) {
      const result = minimizeNelderMead(objective, current.x, { lower, upper });
      const improved = result.value < current.value * (1 - 1e-10);
      if (result.value <= current.value) current = { x: result.x, value: result.value };
      if (!improved) break;
    }
    if (current.value < best.value) best = current;
  }
  if (best.x.length === 0) return { parameters: toParameters(lower), sse: Infinity, estimated: names.length };
  return { parameters: toParameters(best.x), sse: best.value, estimated: names.length };
}

interface Candidate {
  x: number[];
  value: number;
}

/** The `count` grid points with the lowest finite SSE, best first. */
function bestGridPoints(names: Name[], objective: (x: readonly number[]) => number, count: number): Candidate[] {
  const candidates: Candidate[] = [];
  const visit = (depth: number, point: number[]): void => {
    if (depth === names.length) {
      const value = objective(point);
      if (Number.isFinite(value)) candidates.push({ x: [...point], value });
      return;
    }
    for (const candidate of GRID[names[depth]]) visit(depth + 1, [...point, candidate]);
  };
  visit(0, []);
  return candidates.sort((a, b) => a.value - b.value).slice(0, count);
}
