import { assertFiniteValues, assertPositiveInteger, assertSameLength } from '../errors/argument-checks';
import { ForecastError } from '../errors/forecast-error';

/**
 * Point and probabilistic forecast accuracy. Every metric takes the actual
 * values first; inputs must be equally long, non-empty and finite (a typed
 * ForecastError names the offending argument and element otherwise).
 */

function checkPair(actual: ArrayLike<number>, predicted: ArrayLike<number>, predictedName = 'predicted'): void {
  if (actual.length === 0) throw new ForecastError('INVALID_ARGUMENT', 'actual', 'is empty');
  assertSameLength(actual, 'actual', predicted, predictedName);
  assertFiniteValues(actual, 'actual');
  assertFiniteValues(predicted, predictedName);
}

/** Mean absolute error. */
export function mae(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  checkPair(actual, predicted);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(actual[i] - predicted[i]);
  return sum / actual.length;
}

/** Root mean squared error. */
export function rmse(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  checkPair(actual, predicted);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += (actual[i] - predicted[i]) ** 2;
  return Math.sqrt(sum / actual.length);
}

/**
 * Symmetric MAPE in percent, as in the M4 competition:
 * 100/n * sum 2|y - f| / (|y| + |f|), between 0 and 200. A step where both
 * the actual and the forecast are 0 is a perfect forecast and counts as 0.
 */
export function smape(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  checkPair(actual, predicted);
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const denominator = Math.abs(actual[i]) + Math.abs(predicted[i]);
    if (denominator > 0) sum += (2 * Math.abs(actual[i] - predicted[i])) / denominator;
  }
  return (100 * sum) / actual.length;
}

/**
 * Mean absolute scaled error: the MAE divided by the in-sample MAE of the
 * seasonal naive forecast with season `seasonPeriod` (1: the naive forecast),
 * mean |y[t] - y[t-m]| over the training series. Below 1 beats that
 * in-sample benchmark. A zero scale (a constant or exactly periodic
 * training series) is a ZERO_SCALE error rather than an infinite MASE.
 */
export function mase(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  insample: ArrayLike<number>,
  seasonPeriod = 1,
): number {
  checkPair(actual, predicted);
  assertPositiveInteger(seasonPeriod, 'seasonPeriod');
  assertFiniteValues(insample, 'insample');
  if (insample.length <= seasonPeriod) {
    throw new ForecastError(
      'INVALID_ARGUMENT',
      'insample',
      `has ${insample.length} values; season period ${seasonPeriod} needs more than ${seasonPeriod}`,
    );
  }
  let scale = 0;
  for (let t = seasonPeriod; t < insample.length; t++) scale += Math.abs(insample[t] - insample[t - seasonPeriod]);
  scale /= insample.length - seasonPeriod;
  if (scale === 0) {
    throw new ForecastError(
      'ZERO_SCALE',
      'insample',
      `the in-sample seasonal naive MAE (season ${seasonPeriod}) is 0, so MASE is undefined`,
    );
  }
  return mae(actual, predicted) / scale;
}

/**
 * Mean pinball (quantile) loss of the `tau`-quantile forecast `quantile`:
 * mean of max(tau (y - q), (tau - 1)(y - q)). Minimised in expectation by
 * the true tau-quantile; at tau = 0.5 it is half the MAE.
 */
export function pinballLoss(actual: ArrayLike<number>, quantile: ArrayLike<number>, tau: number): number {
  checkPair(actual, quantile, 'quantile');
  if (!(tau > 0 && tau < 1)) {
    throw new ForecastError('INVALID_ARGUMENT', 'tau', `must lie strictly between 0 and 1, got ${tau}`);
  }
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const difference = actual[i] - quantile[i];
    sum += Math.max(tau * difference, (tau - 1) * difference);
  }
  return sum / actual.length;
}

function checkInterval(lower: ArrayLike<number>, upper: ArrayLike<number>): void {
  if (lower.length === 0) throw new ForecastError('INVALID_ARGUMENT', 'lower', 'is empty');
  assertSameLength(lower, 'lower', upper, 'upper');
  assertFiniteValues(lower, 'lower');
  assertFiniteValues(upper, 'upper');
  for (let i = 0; i < lower.length; i++) {
    if (lower[i] > upper[i]) {
      throw new ForecastError('INVALID_ARGUMENT', 'upper', `element ${i} (${upper[i]}) is below lower (${lower[i]})`);
    }
  }
}

/** The fraction of actual values inside [lower, upper] (bounds included). */
export function intervalCoverage(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): number {
  checkInterval(lower, upper);
  checkPair(lower, actual, 'actual');
  let inside = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i] >= lower[i] && actual[i] <= upper[i]) inside++;
  return inside / actual.length;
}

/** The mean width upper - lower of the intervals. */
export function intervalWidth(lower: ArrayLike<number>, upper: ArrayLike<number>): number {
  checkInterval(lower, upper);
  let sum = 0;
  for (let i = 0; i < lower.length; i++) sum += upper[i] - lower[i];
  return sum / lower.length;
}
