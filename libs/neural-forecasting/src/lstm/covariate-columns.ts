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
): { names: string[]; columns: Float64Array[] } {
  if (group === undefined) return { names: [], columns: [] };
  const names = Object.keys(group).sort();
  const columns = names.map((name) => {
    const column = group[name];
    const parameter = `covariates.${kind}.${name}`;
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
 * covariates are refused: one series has one value each, which carries no
 * signal for a per-series model.
 */
export function readCovariates(covariates: Covariates | undefined, length: number, futureReach: number): CovariateColumns {
  if (covariates?.static !== undefined && Object.keys(covariates.static).length > 0) {
    throw new ForecastError(
      'UNSUPPORTED_COVARIATES',
      'covariates.static',
      'LstmForecaster models one series, so static covariates carry no signal; pass past or future covariates',
    );
  }
  const past = columnsOf(covariates?.past, 'past');
  const future = columnsOf(covariates?.future, 'future');
  past.columns.forEach((column, index) => {
    if (column.length !== length) {
      throw new ForecastError(
        'LENGTH_MISMATCH',
        `covariates.past.${past.names[index]}`,
        `has ${column.length} values but the series has ${length}`,
      );
    }
  });
  future.columns.forEach((column, index) => {
    if (column.length < length + futureReach) {
      throw new ForecastError(
        'LENGTH_MISMATCH',
        `covariates.future.${future.names[index]}`,
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
