/**
 * Robust location and scale. Inputs are plain numbers; NaN inputs are rejected
 * rather than silently skipped, so callers decide the missing-value policy.
 */

/** 1 / Phi^-1(3/4): makes the MAD a consistent estimator of a normal standard deviation. */
const NORMAL_MAD_SCALE = 1.482602218505602;

function sortedCopy(values: ArrayLike<number>, what: string): Float64Array {
  if (values.length === 0) throw new RangeError(`${what}: empty input`);
  const sorted = Float64Array.from(values);
  for (let i = 0; i < sorted.length; i++) {
    const value = sorted[i];
    // Self-comparison rather than Number.isNaN: no global lookup per element, which
    // is costly inside jest's sandboxed context and on hot fitting paths.
    if (value !== value) throw new RangeError(`${what}: NaN at index ${i}`);
  }
  // Float64Array sorts numerically (unlike Array#sort's string order).
  return sorted.sort();
}

/**
 * Linear-interpolation quantile of already sorted values (numpy's default, "type 7"):
 * position (n - 1) * q, interpolated between its neighbours the way numpy's `_lerp` does.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q must be in [0, 1], got ${q}`);
  if (sorted.length === 0) throw new RangeError('quantile: empty input');
  const position = (sorted.length - 1) * q;
  const lower = sorted[Math.floor(position)];
  const upper = sorted[Math.ceil(position)];
  // Equal neighbours (this also covers repeated infinities, where upper - lower is NaN).
  if (lower === upper) return lower;
  const weight = position - Math.floor(position);
  const difference = upper - lower;
  // numpy interpolates from the nearer end, which keeps q = 1 exact and the result monotone.
  return weight >= 0.5 ? upper - difference * (1 - weight) : lower + difference * weight;
}

/** Quantile with numpy's default linear interpolation. */
export function quantile(values: ArrayLike<number>, q: number): number {
  return quantileSorted(sortedCopy(values, 'quantile'), q);
}

/** Median: the middle value, or the mean of the two middle values when the count is even (numpy). */
export function median(values: ArrayLike<number>): number {
  return medianOfSorted(sortedCopy(values, 'median'));
}

function medianOfSorted(sorted: Float64Array): number {
  const middle = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[middle];
  const a = sorted[middle - 1];
  const b = sorted[middle];
  const mean = (a + b) / 2;
  // Halve first only when the plain sum overflows (two huge finite values).
  return Number.isFinite(mean) || !Number.isFinite(a) || !Number.isFinite(b) ? mean : a / 2 + b / 2;
}

/**
 * Median absolute deviation, median(|x - center|), center defaulting to the median.
 * `scale: 'normal'` multiplies by 1.4826 so the MAD estimates the standard deviation of
 * normal data (scipy's `scale='normal'`). A numeric scale MULTIPLIES the raw MAD
 * (scipy divides by a numeric scale; 'normal' gives the same result in both).
 */
export function medianAbsoluteDeviation(
  values: ArrayLike<number>,
  options: { scale?: 'normal' | number; center?: number } = {},
): number {
  const what = 'medianAbsoluteDeviation';
  const sorted = sortedCopy(values, what);
  const scale = options.scale === 'normal' ? NORMAL_MAD_SCALE : (options.scale ?? 1);
  if (!(Number.isFinite(scale) && scale > 0)) {
    throw new RangeError(`${what}: scale must be 'normal' or a positive finite number, got ${String(options.scale)}`);
  }
  const center = options.center ?? medianOfSorted(sorted);
  if (Number.isNaN(center)) throw new RangeError(`${what}: center must not be NaN`);
  const deviations = new Float64Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) deviations[i] = Math.abs(sorted[i] - center);
  return medianOfSorted(deviations.sort()) * scale;
}

/** Interquartile range, Q3 - Q1, with linear interpolation. */
export function interquartileRange(values: ArrayLike<number>): number {
  const sorted = sortedCopy(values, 'interquartileRange');
  return quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
}
