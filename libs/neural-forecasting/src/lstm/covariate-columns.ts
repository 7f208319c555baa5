import { ForecastError, type Covariates } from '@tethys/forecasting';

/** Covariate columns in a fixed (sorted-name) order, so the network's feature order never depends on key order. */
export interface CovariateColumns {
  pastNames: string[];
  past: Float64Array[];
  futureNames: string[];
  future: Float64Array[];
}

function columnsOf(
  group: Record<string, Float64Array> | undefined,
  kind: 'past' | 'future',
  parameterPrefix: string,
): { names: string[]; columns: Float64Array[] } {
  if (group === undefined) return { names: [], columns: [] };
  const names = Object.keys(group).sort();
  const columns = names.map((name) => {
    const column = group[name];
    const parameter = `${parameterPrefix}.${kind}.${name}`;
    if (!(column instanceof Float64Array)) throw new ForecastError('INVALID_ARGUMENT', parameter, 'must be a Float64Array');
    column.forEach((value, index) => {
      if (!Number.isFinite(value)) {
        throw new ForecastError('NON_FINITE', parameter, `element ${index} is ${value}, expected a finite number`);
      }
    });
    return column;
  });
  return { names, columns };
}

/**
 * Checks covariates against a series of `length` steps: past columns have
 * exactly `length` values; future columns at least `length + futureReach`
 * (known-future values must reach past the last forecast step). Static
 * covariates are refused: the network has no static input (the TFT has).
 */
export function readCovariates(
  covariates: Covariates | undefined,
  length: number,
  futureReach: number,
  parameter = 'covariates',
): CovariateColumns {
  if (covariates?.static !== undefined && Object.keys(covariates.static).length > 0) {
    throw new ForecastError(
      'UNSUPPORTED_COVARIATES',
      `${parameter}.static`,
      'LstmForecaster has no static input; pass past or future covariates (TftForecaster takes static ones)',
    );
  }
  const past = columnsOf(covariates?.past, 'past', parameter);
  const future = columnsOf(covariates?.future, 'future', parameter);
  past.columns.forEach((column, index) => {
    if (column.length !== length) {
      throw new ForecastError(
        'LENGTH_MISMATCH',
        `${parameter}.past.${past.names[index]}`,
        `has ${column.length} values but the series has ${length}`,
      );
    }
  });
  future.columns.forEach((column, index) => {
    if (column.length < length + futureReach) {
      throw new ForecastError(
        'LENGTH_MISMATCH',
        `${parameter}.future.${future.names[index]}`,
        `has ${column.length} values but needs at least ${length + futureReach} (the series' ${length} plus ${futureReach} steps ahead)`,
      );
    }
  });
  return { pastNames: past.names, past: past.columns, futureNames: future.names, future: future.columns };
}

/** Refuses covariates whose names differ from those the model was fitted with. */
export function assertSameCovariateNames(kind: 'past' | 'future', expected: readonly string[], given: readonly string[]): void {
  if (expected.length !== given.length || expected.some((name, index) => name !== given[index])) {
    throw new ForecastError(
      'UNSUPPORTED_COVARIATES',
      `covariates.${kind}`,
      `the model was fitted with [${expected.join(', ')}] but got [${given.join(', ')}]`,
    );
  }
}
