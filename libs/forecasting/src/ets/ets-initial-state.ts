import type { EtsSpec, EtsState } from './ets-model';

/** Seasons used to estimate the initial seasonal indices (Hyndman et al. use the first few years). */
const MAX_INITIAL_SEASONS = 4;
/** Observations used to estimate the initial level and trend of a non-seasonal model (as R's ets). */
const NON_SEASONAL_WINDOW = 10;

/** The fewest observations each model shape can be initialised from. */
export function minimumObservations(spec: EtsSpec): number {
  if (spec.seasonal !== 'none') return 2 * spec.seasonPeriod;
  return spec.trend === 'none' ? 2 : 3;
}

/**
 * The heuristic initial state of Hyndman et al. (2008, section 2.6.1):
 * 1. seasonal indices from a classical decomposition of the first seasons
 *    (centred moving average, then the mean detrended value of each phase,
 *    normalised to sum 0 or average 1);
 * 2. level and trend from a straight line fitted to the seasonally adjusted
 *    start of the series, read off one step before the first observation.
 * On a noiseless linear-trend + additive-seasonal series this is exact.
 */
export function initialState(spec: EtsSpec, values: Float64Array): EtsState {
  const period = spec.seasonPeriod;
  let seasonal: Float64Array = new Float64Array(period).fill(spec.seasonal === 'multiplicative' ? 1 : 0);
  let window: number;
  if (spec.seasonal === 'none') {
    window = Math.min(values.length, NON_SEASONAL_WINDOW);
  } else {
    window = period * Math.min(Math.floor(values.length / period), MAX_INITIAL_SEASONS);
    seasonal = seasonalIndices(values.subarray(0, window), period, spec.seasonal === 'multiplicative');
  }

  const adjusted = new Float64Array(window);
  for (let t = 0; t < window; t++) {
    const season = seasonal[t % period];
    adjusted[t] = spec.seasonal === 'multiplicative' ? values[t] / season : values[t] - season;
  }
  if (spec.trend === 'none') {
    return { level: mean(adjusted), trend: 0, seasonal, observed: 0 };
  }
  const { intercept, slope } = leastSquaresLine(adjusted);
  // The line gives the level at t = 0; the state before the first observation is one step earlier.
  return { level: intercept - slope, trend: slope, seasonal, observed: 0 };
}

function seasonalIndices(values: Float64Array, period: number, multiplicative: boolean): Float64Array {
  const trendCycle = centredMovingAverage(values, period);
  const sums = new Float64Array(period);
  const counts = new Float64Array(period);
  trendCycle.forEach((average, t) => {
    if (Number.isNaN(average)) return;
    sums[t % period] += multiplicative ? values[t] / average : values[t] - average;
    counts[t % period]++;
  });
  const indices = sums.map((sum, phase) => sum / counts[phase]);
  const centre = mean(indices);
  return indices.map((index) => (multiplicative ? index / centre : index - centre));
}

/** A 2 x m moving average for even m, an m-term one for odd m; NaN where the window does not fit. */
function centredMovingAverage(values: Float64Array, period: number): Float64Array {
  const result = new Float64Array(values.length).fill(Number.NaN);
  const half = Math.floor(period / 2);
  for (let t = half; t < values.length - half; t++) {
    let sum = 0;
    if (period % 2 === 1) {
      for (let k = -half; k <= half; k++) sum += values[t + k];
    } else {
      sum = 0.5 * (values[t - half] + values[t + half]);
      for (let k = -half + 1; k < half; k++) sum += values[t + k];
    }
    result[t] = sum / period;
  }
  return result;
}

function leastSquaresLine(values: Float64Array): { intercept: number; slope: number } {
  const n = values.length;
  const meanT = (n - 1) / 2;
  const meanY = mean(values);
  let covariance = 0;
  let variance = 0;
  for (let t = 0; t < n; t++) {
    covariance += (t - meanT) * (values[t] - meanY);
    variance += (t - meanT) ** 2;
  }
  const slope = covariance / variance;
  return { intercept: meanY - slope * meanT, slope };
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < values.length; index++) sum += values[index];
  return sum / values.length;
}
