import { ForecastError } from '../errors/forecast-error';

/**
 * Readers for fields of saved JSON (scalers, models): a wrong or missing field
 * is an INVALID_JSON error naming its path, never a NaN that surfaces later.
 */
export function asRecord(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ForecastError('INVALID_JSON', path, `expected an object, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

export function finiteField(record: Record<string, unknown>, key: string, path: string): number {
  const value = record[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ForecastError('INVALID_JSON', `${path}.${key}`, `expected a finite number, got ${describe(value)}`);
  }
  return value;
}

export function integerField(record: Record<string, unknown>, key: string, path: string, minimum: number): number {
  const value = finiteField(record, key, path);
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new ForecastError('INVALID_JSON', `${path}.${key}`, `expected an integer >= ${minimum}, got ${value}`);
  }
  return value;
}

export function finiteArrayField(record: Record<string, unknown>, key: string, path: string): number[] {
  const value = record[key];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'number' || !Number.isFinite(item))) {
    throw new ForecastError('INVALID_JSON', `${path}.${key}`, 'expected an array of finite numbers');
  }
  return value as number[];
}

export function stringField(record: Record<string, unknown>, key: string, path: string): string {
  const value = record[key];
  if (typeof value !== 'string') {
    throw new ForecastError('INVALID_JSON', `${path}.${key}`, `expected a string, got ${describe(value)}`);
  }
  return value;
}

export function literalField<const T extends string>(
  record: Record<string, unknown>,
  key: string,
  path: string,
  allowed: readonly T[],
): T {
  const value = record[key];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ForecastError(
      'INVALID_JSON',
      `${path}.${key}`,
      `expected one of ${allowed.map((item) => JSON.stringify(item)).join(', ')}, got ${describe(value)}`,
    );
  }
  return value as T;
}

export function booleanField(record: Record<string, unknown>, key: string, path: string): boolean {
  const value = record[key];
  if (typeof value !== 'boolean') {
    throw new ForecastError('INVALID_JSON', `${path}.${key}`, `expected true or false, got ${describe(value)}`);
  }
  return value;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return value === null || typeof value !== 'object' ? JSON.stringify(value) : 'an object';
}
