import type { Rng } from '@tethys/data';

/** Small sampling helpers over the project's seeded `Rng` (every draw goes through it). */

/** Poisson draw by Knuth's product method: fine for the small daily rates used here. */
export function samplePoisson(rng: Rng, lambda: number): number {
  if (!(lambda >= 0) || lambda > 50) throw new RangeError(`samplePoisson: lambda must be in [0, 50], got ${lambda}`);
  const limit = Math.exp(-lambda);
  let count = 0;
  let product = rng.next();
  while (product > limit) {
    count++;
    product *= rng.next();
  }
  return count;
}

/** Index drawn with probability proportional to `weights` (non-negative, positive sum). */
export function sampleWeightedIndex(rng: Rng, weights: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i];
  if (!(total > 0)) throw new RangeError('sampleWeightedIndex: weights must have a positive sum');
  let target = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i];
    if (target < 0) return i;
  }
  // Floating-point leftovers land on the last positive weight.
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
  return weights.length - 1;
}

/** Uniform pick from a non-empty list. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('pick: empty list');
  return items[rng.int(items.length)];
}

/** Uniform integer in [low, high] (both inclusive). */
export function intBetween(rng: Rng, low: number, high: number): number {
  return low + rng.int(high - low + 1);
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** Rounds to `decimals` places, turning -0 into 0 so formatted output never shows "-0.00". */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}
