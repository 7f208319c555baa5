import { ForecastError } from './forecast-error';

/** Shared argument guards: each names the parameter it rejects. */

export function assertPositiveInteger(value: number, parameter: string): void {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new ForecastError('INVALID_ARGUMENT', parameter, `must be a positive integer, got ${value}`);
  }
}

export function assertNonNegativeInteger(value: number, parameter: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new ForecastError('INVALID_ARGUMENT', parameter, `must be a non-negative integer, got ${value}`);
  }
}

/** Every element finite; the error names the first bad index. */
export function assertFiniteValues(values: ArrayLike<number>, parameter: string): void {
  for (let index = 0; index < values.length; index++) {
    if (!Number.isFinite(values[index])) {
      throw new ForecastError('NON_FINITE', parameter, `element ${index} is ${values[index]}, expected a finite number`);
    }
  }
}

export function assertSameLength(
  first: ArrayLike<number>,
  firstName: string,
  second: ArrayLike<number>,
  secondName: string,
): void {
  if (first.length !== second.length) {
    throw new ForecastError(
      'LENGTH_MISMATCH',
      secondName,
      `has ${second.length} elements but ${firstName} has ${first.length}`,
    );
  }
}
