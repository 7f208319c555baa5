import { isMissing } from './nan-statistics';
import { checkSpan } from './panel-input';

/**
 * The last value of pandas `Series.ewm(span=span).mean()` (adjust=True,
 * ignore_na=False): the weighted mean of the non-NaN values with weight
 * (1 - alpha)^(periods before the last date), alpha = 2 / (span + 1). NaN
 * dates keep their place in time (they age the earlier weights) but add no
 * weight. Computed with pandas' recursion so rounding matches; NaN when every
 * value is NaN.
 */
export function ewmMeanLast(values: ArrayLike<number>, span: number): number {
  checkSpan(span);
  const decay = 1 - 2 / (span + 1);
  let weighted = Number.NaN;
  let oldWeight = 1;
  for (let t = 0; t < values.length; t++) {
    const value = values[t];
    const observed = !isMissing(value);
    if (isMissing(weighted)) {
      if (observed) weighted = value;
      continue;
    }
    oldWeight *= decay;
    if (!observed) continue;
    // pandas skips the update when equal, which keeps constant series exact.
    if (weighted !== value) weighted = (oldWeight * weighted + value) / (oldWeight + 1);
    oldWeight += 1;
  }
  return weighted;
}
