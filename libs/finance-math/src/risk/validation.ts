import { RiskMetricError } from './risk-error';

/** Throws INVALID_LEVEL unless 0 < level < 1. */
export function checkLevel(level: number, parameter = 'options.level'): void {
  if (!(typeof level === 'number' && level > 0 && level < 1)) {
    throw new RiskMetricError('INVALID_LEVEL', parameter, `confidence level must be in the open interval (0, 1), got ${String(level)}`);
  }
}

/** Horizons are whole numbers of periods (overlapping windows and simulated paths need integers). */
export function checkHorizon(horizon: number, parameter = 'options.horizon'): void {
  if (!(Number.isSafeInteger(horizon) && horizon >= 1)) {
    throw new RiskMetricError('INVALID_PARAMETER', parameter, `horizon must be a positive integer number of periods, got ${String(horizon)}`);
  }
}

/** Throws NON_FINITE_DATA naming the first NaN/Infinity, TOO_FEW_OBSERVATIONS below `minimum`. */
export function checkSeries(values: ArrayLike<number>, parameter: string, minimum: number): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new RiskMetricError('NON_FINITE_DATA', parameter, `value must be finite, got ${String(values[i])}`, i);
    }
  }
  if (values.length < minimum) {
    throw new RiskMetricError('TOO_FEW_OBSERVATIONS', parameter, `needs at least ${minimum} observations, got ${values.length}`);
  }
}

/**
 * Fewest observations for an empirical tail at `level`: the tail must hold at least one
 * observation in expectation, n * (1 - level) >= 1, and never fewer than 2
 * (e.g. 20 at 95%, 100 at 99%, 1000 at 99.9%).
 */
export function minimumTailObservations(level: number): number {
  // The small slack absorbs rounding in 1 - level (10 * (1 - 0.9) = 0.9999999999999998).
  return Math.max(2, Math.ceil(1 / (1 - level) - 1e-9));
}

/** Throws TOO_FEW_OBSERVATIONS when an empirical tail at `level` would be (expected) empty. */
export function checkTailObservations(count: number, level: number, parameter: string): void {
  const minimum = minimumTailObservations(level);
  if (count < minimum) {
    throw new RiskMetricError(
      'TOO_FEW_OBSERVATIONS',
      parameter,
      `an empirical tail at level ${level} needs at least ${minimum} observations (n * (1 - level) >= 1), got ${count}`,
    );
  }
}

/** Throws INVALID_PARAMETER unless `value` is one of `allowed`. */
export function checkChoice<T extends string>(value: T, allowed: readonly T[], parameter: string): void {
  if (!allowed.includes(value)) {
    throw new RiskMetricError(
      'INVALID_PARAMETER',
      parameter,
      `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(value)}`,
    );
  }
}
