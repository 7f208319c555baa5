import { FactorModelError } from './factor-error';

/** Throws NON_FINITE_VALUE naming the parameter and the first NaN/Inf position (and its label, when given). */
export function assertFiniteSeries(series: ArrayLike<number>, parameter: string, labels?: readonly string[]): void {
  for (let t = 0; t < series.length; t++) {
    if (!Number.isFinite(series[t])) {
      const where = labels?.[t] === undefined ? `index ${t}` : `index ${t} (${labels[t]})`;
      throw new FactorModelError('NON_FINITE_VALUE', parameter, `value ${series[t]} at ${where} is not finite`, t);
    }
  }
}

/** Throws LENGTH_MISMATCH unless `series` has `expected` observations. */
export function assertLength(series: ArrayLike<number>, expected: number, parameter: string, against: string): void {
  if (series.length !== expected) {
    throw new FactorModelError(
      'LENGTH_MISMATCH',
      parameter,
      `has ${series.length} observations but ${against} has ${expected}`,
    );
  }
}

/** Throws INVALID_PARAMETER unless `value` is an integer in [min, max]. */
export function assertIntegerInRange(value: number, parameter: string, min: number, max = Infinity): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `an integer >= ${min}` : `an integer in [${min}, ${max}]`;
    throw new FactorModelError('INVALID_PARAMETER', parameter, `must be ${range}, got ${value}`);
  }
}

/** Arithmetic mean of a non-empty series. */
export function mean(series: ArrayLike<number>): number {
  let sum = 0;
  for (let t = 0; t < series.length; t++) sum += series[t];
  return sum / series.length;
}
