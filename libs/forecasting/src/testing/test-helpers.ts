// Test-only helpers (not exported from the barrel).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError, type DataErrorCode } from '@tethys/data';
import { ForecastError, type ForecastErrorCode } from '../errors/forecast-error';

export const FIXTURES = join(__dirname, '..', '__fixtures__');

export interface TempDir {
  write(name: string, content: string): string;
  remove(): void;
}

export function makeTempDir(prefix: string): TempDir {
  const root = mkdtempSync(join(tmpdir(), `tethys-forecasting-${prefix}-`));
  return {
    write(name, content) {
      const file = join(root, name);
      writeFileSync(file, content, 'utf8');
      return file;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}

/** The action throws a ForecastError with this code and parameter (and message pattern, if given). */
export function expectForecastError(
  action: () => unknown,
  code: ForecastErrorCode,
  parameter: string,
  message?: RegExp,
): ForecastError {
  const error = thrownBy(action);
  expect(error).toBeInstanceOf(ForecastError);
  const forecastError = error as ForecastError;
  expect({ code: forecastError.code, parameter: forecastError.parameter }).toEqual({ code, parameter });
  if (message !== undefined) expect(forecastError.message).toMatch(message);
  return forecastError;
}

/** The action throws a DataError with exactly this code and location. */
export function expectDataError(
  action: () => unknown,
  expected: { code: DataErrorCode; file?: string; row?: number; column?: string; parameter?: string },
  message?: RegExp,
): DataError {
  const error = thrownBy(action);
  expect(error).toBeInstanceOf(DataError);
  const dataError = error as DataError;
  expect({
    code: dataError.code,
    file: dataError.file,
    row: dataError.row,
    column: dataError.column,
    parameter: dataError.parameter,
  }).toEqual({
    code: expected.code,
    file: expected.file,
    row: expected.row,
    column: expected.column,
    parameter: expected.parameter,
  });
  if (message !== undefined) expect(dataError.message).toMatch(message);
  return dataError;
}

/** Element-wise closeness with a readable failure (the first differing index). */
export function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  for (let index = 0; index < expected.length; index++) {
    const difference = Math.abs(actual[index] - expected[index]);
    if (!(difference <= tolerance)) {
      throw new Error(`element ${index}: ${actual[index]} differs from ${expected[index]} by ${difference} > ${tolerance}`);
    }
  }
}

/** A JSON round trip through text, as a saved artifact would make. */
export function throughJsonText<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value));
}
