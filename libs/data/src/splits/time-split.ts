import type { ColumnTable } from 'arquero';
import { DataError } from '../errors/data-error';

/** Half-open row index ranges [start, end), contiguous and in time order. */
export interface TimeSplit {
  train: [number, number];
  validation: [number, number];
  test: [number, number];
}

export interface SplitFractions {
  train: number;
  validation: number;
  test: number;
}

const FRACTION_SUM_TOLERANCE = 1e-9;
// n * fraction is computed in binary floating point: 100 * 0.29 is 28.999999999999996.
// Flooring with this slack keeps "29% of 100" at 29 rows.
const FLOOR_SLACK = 1e-9;

/**
 * Splits n time-ordered rows into train, then validation, then test, with no
 * shuffling so the model never sees the future. Rounding: train =
 * floor(n * train), validation = floor(n * validation), test = the rest (so
 * test absorbs the rounding remainder). Fractions must be >= 0 and sum to 1
 * within 1e-9. Train and test must be non-empty; validation may be empty only
 * when its fraction is 0. Violations throw DataError('INVALID_ARGUMENT') naming
 * the parameter.
 */
export function timeSplit(n: number, fractions: SplitFractions): TimeSplit {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new DataError('INVALID_ARGUMENT', `n must be a non-negative integer, got ${n}`, { parameter: 'n' });
  }
  const names = ['train', 'validation', 'test'] as const;
  for (const name of names) {
    const fraction = fractions?.[name];
    if (typeof fraction !== 'number' || !Number.isFinite(fraction) || fraction < 0 || fraction > 1) {
      throw new DataError('INVALID_ARGUMENT', `fractions.${name} must be a number in [0, 1], got ${fraction}`, {
        parameter: `fractions.${name}`,
      });
    }
  }
  const sum = fractions.train + fractions.validation + fractions.test;
  if (Math.abs(sum - 1) > FRACTION_SUM_TOLERANCE) {
    throw new DataError('INVALID_ARGUMENT', `fractions must sum to 1, got ${sum}`, { parameter: 'fractions' });
  }

  for (const name of ['train', 'test'] as const) {
    if (fractions[name] === 0) {
      throw new DataError('INVALID_ARGUMENT', `fractions.${name} must be > 0: the ${name} segment cannot be empty`, {
        parameter: `fractions.${name}`,
      });
    }
  }

  const trainRows = Math.floor(n * fractions.train + FLOOR_SLACK);
  const validationRows = Math.floor(n * fractions.validation + FLOOR_SLACK);
  const testRows = n - trainRows - validationRows;
  if (trainRows === 0) {
    throw new DataError('INVALID_ARGUMENT', `fractions.train = ${fractions.train} of n = ${n} rows leaves no training rows`, {
      parameter: 'fractions.train',
    });
  }
  if (validationRows === 0 && fractions.validation > 0) {
    throw new DataError(
      'INVALID_ARGUMENT',
      `fractions.validation = ${fractions.validation} of n = ${n} rows rounds down to no validation rows`,
      { parameter: 'fractions.validation' },
    );
  }
  if (testRows <= 0) {
    throw new DataError('INVALID_ARGUMENT', `fractions.test = ${fractions.test} of n = ${n} rows leaves no test rows`, {
      parameter: 'fractions.test',
    });
  }
  const validationEnd = trainRows + validationRows;
  return { train: [0, trainRows], validation: [trainRows, validationEnd], test: [validationEnd, n] };
}

/**
 * The rows [start, end) of a table as a new, materialised table (reified so
 * that `column()` and `array()` both see only the slice).
 */
export function sliceTable(table: ColumnTable, range: [number, number]): ColumnTable {
  const rows = table.numRows();
  const [start, end] = range ?? [];
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > rows) {
    throw new DataError(
      'INVALID_ARGUMENT',
      `range must be integers with 0 <= start <= end <= ${rows}, got [${start}, ${end}]`,
      { parameter: 'range' },
    );
  }
  return table.slice(start, end).reify();
}
