import { ForecastError } from '../errors/forecast-error';
import { parseTimeKey, type TimeKind } from './time-key';

/**
 * One univariate series: `values[i]` was observed at `times[i]`. Times are
 * kept as written in the source (numbers such as decimal years, or ISO dates)
 * and are strictly increasing; values are finite with no gaps.
 */
export interface TimeSeries {
  name: string;
  times: string[];
  values: Float64Array;
}

/**
 * A validated series. Without `times` the times are the step indices
 * "0", "1", ... (handy for synthetic data).
 */
export function createTimeSeries(name: string, values: ArrayLike<number>, times?: readonly string[]): TimeSeries {
  const series: TimeSeries = {
    name,
    times: times === undefined ? Array.from({ length: values.length }, (_, index) => String(index)) : [...times],
    values: Float64Array.from(values),
  };
  assertValidSeries(series, 'series');
  return series;
}

/**
 * Checks the series invariants; every forecaster calls this on its input so
 * a bad series fails at the boundary with the parameter named.
 */
export function assertValidSeries(series: TimeSeries, parameter: string): void {
  const { times, values } = series;
  if (!(values instanceof Float64Array)) {
    throw new ForecastError('INVALID_SERIES', `${parameter}.values`, 'must be a Float64Array');
  }
  if (values.length === 0) {
    throw new ForecastError('INVALID_SERIES', `${parameter}.values`, 'series is empty');
  }
  if (times.length !== values.length) {
    throw new ForecastError(
      'LENGTH_MISMATCH',
      `${parameter}.times`,
      `has ${times.length} entries but values has ${values.length}`,
    );
  }
  for (let index = 0; index < values.length; index++) {
    if (!Number.isFinite(values[index])) {
      throw new ForecastError(
        'NON_FINITE',
        `${parameter}.values`,
        `element ${index} (time ${times[index]}) is ${values[index]}; series may not have missing values`,
      );
    }
  }
  let kind: TimeKind | undefined;
  let previous = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < times.length; index++) {
    const parsed = parseTimeKey(times[index]);
    if (parsed === null) {
      throw new ForecastError(
        'INVALID_SERIES',
        `${parameter}.times`,
        `element ${index} ${JSON.stringify(times[index])} is neither a number nor an ISO-8601 date`,
      );
    }
    if (kind !== undefined && parsed.kind !== kind) {
      throw new ForecastError('INVALID_SERIES', `${parameter}.times`, `element ${index} mixes numeric and date times`);
    }
    kind = parsed.kind;
    if (parsed.key <= previous) {
      throw new ForecastError(
        'INVALID_SERIES',
        `${parameter}.times`,
        `element ${index} ${JSON.stringify(times[index])} does not come after the one before; times must strictly increase`,
      );
    }
    previous = parsed.key;
  }
}

/** The observations with index in [start, end): a copy, so later edits never leak between the two. */
export function sliceSeries(series: TimeSeries, start: number, end = series.values.length): TimeSeries {
  return { name: series.name, times: series.times.slice(start, end), values: series.values.slice(start, end) };
}
