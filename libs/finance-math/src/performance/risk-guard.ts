import { PerformanceMetricError } from './errors';

/**
 * Spreads at or below this fraction of the data's largest magnitude are rounding noise
 * (a constant series whose mean does not round-trip exactly), not volatility.
 */
const NOISE_FLOOR = 1e-12;

/**
 * Throws ZERO_VOLATILITY when a ratio's risk denominator (a standard-deviation-like
 * `spread` of `data`) is zero or indistinguishable from floating-point noise.
 */
export function requirePositiveRisk(
  spread: number,
  data: Float64Array,
  caller: string,
  what: string,
  parameter = 'returns',
): void {
  let largest = 0;
  for (let i = 0; i < data.length; i++) largest = Math.max(largest, Math.abs(data[i]));
  if (!(spread > NOISE_FLOOR * largest)) {
    throw new PerformanceMetricError('ZERO_VOLATILITY', parameter, `${caller}: ${what} is zero, so the ratio is undefined`);
  }
}
