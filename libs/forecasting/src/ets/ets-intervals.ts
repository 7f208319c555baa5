import type { Rng } from '@tethys/data';
import { quantileSorted } from '@tethys/finance-math';
import { quantileKey } from '../forecaster/quantile-levels';
import { cloneState, oneStepForecast, updateState, type EtsParameters, type EtsSpec, type EtsState } from './ets-model';

/**
 * h-step forecast sd of the additive-error models with no or additive
 * seasonality (Hyndman et al. 2008, Table 6.1, class 1):
 *   v[h] = sigma^2 (1 + sum_{j=1}^{h-1} c_j^2),
 *   c_j = alpha + alpha*beta*phi_j + gamma*[j mod m = 0],
 * with phi_j = phi + ... + phi^j (= j undamped); trend and seasonal terms only
 * where the model has them.
 */
export function analyticForecastSd(
  spec: EtsSpec,
  parameters: EtsParameters,
  sigma: number,
  horizon: number,
): Float64Array {
  const { alpha, beta, gamma, phi } = parameters;
  const sd = new Float64Array(horizon);
  let sumOfSquares = 0;
  let dampedSteps = 0;
  let phiPower = 1;
  for (let h = 1; h <= horizon; h++) {
    sd[h - 1] = sigma * Math.sqrt(1 + sumOfSquares);
    // Add c_j for j = h, used by the next step.
    phiPower *= phi;
    dampedSteps += phiPower;
    let c = alpha;
    if (spec.trend === 'additive') c += alpha * beta * dampedSteps;
    if (spec.seasonal === 'additive' && h % spec.seasonPeriod === 0) c += gamma;
    sumOfSquares += c * c;
  }
  return sd;
}

/**
 * Quantiles from `paths` simulated futures: each path draws y = y^ + e with
 * e ~ N(0, sigma^2) from `rng` and feeds y back through the filter, so the
 * spread follows the model's own (possibly multiplicative) dynamics. Used for
 * multiplicative seasonality, which has no closed-form variance.
 */
export function simulatedQuantiles(
  spec: EtsSpec,
  parameters: EtsParameters,
  origin: EtsState,
  sigma: number,
  horizon: number,
  levels: readonly number[],
  paths: number,
  rng: Rng,
): Record<string, Float64Array> {
  const draws = Array.from({ length: horizon }, () => new Float64Array(paths));
  for (let path = 0; path < paths; path++) {
    const state = cloneState(origin);
    for (let h = 0; h < horizon; h++) {
      const y = oneStepForecast(spec, parameters, state) + rng.normal(0, sigma);
      draws[h][path] = y;
      updateState(spec, parameters, state, y);
    }
  }
  const quantiles: Record<string, Float64Array> = {};
  for (const level of levels) quantiles[quantileKey(level)] = new Float64Array(horizon);
  draws.forEach((values, step) => {
    values.sort();
    for (const level of levels) quantiles[quantileKey(level)][step] = quantileSorted(values, level);
  });
  return quantiles;
}
