import { asRecord, integerField, stringField } from '../json/json-fields';
import { futureTimes, inferTimeAxis, timeAxisFromJSON, type TimeAxis } from '../series/time-axis';
import type { TimeSeries } from '../series/time-series';

/** What a fitted model remembers about its training series besides its state. */
export interface FittedSeries {
  name: string;
  length: number;
  firstTime: string;
  lastTime: string;
  /** Null when the times are irregular: forecasts then carry no times. */
  axis: TimeAxis | null;
}

export function describeFittedSeries(series: TimeSeries): FittedSeries {
  return {
    name: series.name,
    length: series.values.length,
    firstTime: series.times[0],
    lastTime: series.times[series.times.length - 1],
    axis: inferTimeAxis(series.times),
  };
}

/** The times of `predict(horizon)`, when the fitted times had a regular step. */
export function timesAfterFit(fitted: FittedSeries, horizon: number): string[] | undefined {
  return fitted.axis === null ? undefined : futureTimes(fitted.axis, horizon);
}

export function fittedSeriesFromJSON(json: unknown, path: string): FittedSeries {
  const record = asRecord(json, path);
  return {
    name: stringField(record, 'name', path),
    length: integerField(record, 'length', path, 1),
    firstTime: stringField(record, 'firstTime', path),
    lastTime: stringField(record, 'lastTime', path),
    axis: timeAxisFromJSON(record.axis ?? null, `${path}.axis`),
  };
}
