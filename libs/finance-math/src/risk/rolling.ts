import { RiskMetricError } from './risk-error';
import { valueAtRisk, type ValueAtRiskOptions } from './value-at-risk';

/**
 * Out-of-sample VaR forecasts for backtesting: forecast k (for return window + k) is
 * estimated on returns[k .. window + k - 1] only. Returns returns.length - window
 * forecasts, aligned with returns.subarray(window). Monte Carlo windows reuse one seed.
 */
export function rollingValueAtRisk(
  returns: ArrayLike<number>,
  window: number,
  options: ValueAtRiskOptions,
): Float64Array {
  if (!(Number.isSafeInteger(window) && window >= 2 && window < returns.length)) {
    throw new RiskMetricError(
      'INVALID_PARAMETER',
      'window',
      `must be an integer in [2, ${returns.length - 1}] (less than the ${returns.length} returns), got ${String(window)}`,
    );
  }
  const series = Float64Array.from(returns);
  const forecasts = new Float64Array(series.length - window);
  for (let k = 0; k < forecasts.length; k++) {
    forecasts[k] = valueAtRisk(series.subarray(k, k + window), options).valueAtRisk;
  }
  return forecasts;
}
