import { PortfolioOptimizationError } from './errors';

export interface CleanWeightsOptions {
  /** Weights with |w| below this become 0; default 1e-4. */
  cutoff?: number;
  /** Decimal places (a positive integer), or null for no rounding; default 5. Halves round to even, as numpy. */
  rounding?: number | null;
}

/** PyPortfolioOpt's clean_weights: zero the near-zero weights, then round. */
export function cleanWeights(weights: Float64Array, options: CleanWeightsOptions = {}): Float64Array {
  const cutoff = options.cutoff ?? 1e-4;
  const rounding = options.rounding === undefined ? 5 : options.rounding;
  if (!(cutoff >= 0)) throw new PortfolioOptimizationError('INVALID_INPUT', `must be >= 0, got ${cutoff}`, 'cutoff');
  if (rounding !== null && !(Number.isInteger(rounding) && rounding >= 1)) {
    throw new PortfolioOptimizationError('INVALID_INPUT', `must be a positive integer or null, got ${rounding}`, 'rounding');
  }
  return weights.map((w) => {
    if (Math.abs(w) < cutoff) return 0;
    return rounding === null ? w : roundHalfEven(w, rounding) + 0;
  });
}

/** Weights keyed by asset name. */
export function weightsByAsset(assets: readonly string[], weights: Float64Array): Record<string, number> {
  return Object.fromEntries(assets.map((asset, i) => [asset, weights[i]]));
}

function roundHalfEven(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = value * factor;
  const floor = Math.floor(scaled);
  const fraction = scaled - floor;
  const rounded = fraction > 0.5 || (fraction === 0.5 && floor % 2 !== 0) ? floor + 1 : floor;
  return rounded / factor;
}
