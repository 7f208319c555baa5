/**
 * Robust location and scale. Inputs are plain numbers; NaN inputs are rejected
 * rather than silently skipped, so callers decide the missing-value policy.
 */

function sortedCopy(values: ArrayLike<number>, what: string): Float64Array {
  if (values.length === 0) throw new RangeError(`${what}: empty input`);
  const sorted = Float64Array.from(values);
  for (let i = 0; i < sorted.length; i++) {
    if (Number.isNaN(sorted[i])) throw new RangeError(`${what}: NaN at index ${i}`);
  }
  return sorted.sort();
}

/** Linear-interpolation quantile of already sorted values (numpy's default, "type 7"). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q must be in [0, 1], got ${q}`);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const weight = position - lower;
  return sorted[lower] + (sorted[upper] - sorted[lower]) * weight;
}

/** Quantile with numpy's default linear interpolation. */
export function quantile(values: ArrayLike<number>, q: number): number {
  return quantileSorted(sortedCopy(values, 'quantile'), q);
}

export function median(values: ArrayLike<number>): number {
  return quantileSorted(sortedCopy(values, 'median'), 0.5);
}

/**
 * Median absolute deviation. `scale: 'normal'` multiplies by 1.4826 so the MAD
 * estimates the standard deviation of normal data (scipy's `scale='normal'`).
 */
export function medianAbsoluteDeviation(
  values: ArrayLike<number>,
  options: { scale?: 'normal' | number; center?: number } = {},
): number {
  const center = options.center ?? median(values);
  const deviations = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) deviations[i] = Math.abs(values[i] - center);
  const scale = options.scale === 'normal' ? 1.482602218505602 : (options.scale ?? 1);
  return median(deviations) * scale;
}

/** Interquartile range, Q3 - Q1, with linear interpolation. */
export function interquartileRange(values: ArrayLike<number>): number {
  const sorted = sortedCopy(values, 'interquartileRange');
  return quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
}
