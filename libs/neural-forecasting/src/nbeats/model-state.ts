import { ForecastError, StandardScaler, type TimeAxis } from '@tethys/forecasting';
import type { TrainingHistory } from './train';

/** What a fitted N-BEATS forecaster knows about one fitted series. */
export interface NBeatsSeriesState {
  /** The series' name ('' in models saved before multi-series fits). */
  name: string;
  scaler: StandardScaler;
  /** How the series' times step (null when irregular): names the forecast times. */
  axis: TimeAxis | null;
  /** The last `lookback` observations of the series (original scale): predict's input. */
  lastWindow: Float64Array;
}

/** What a fitted N-BEATS forecaster knows besides its weights. */
export interface NBeatsFittedState {
  /** One entry per fitted series, in the order given to fit. */
  series: NBeatsSeriesState[];
  history: TrainingHistory;
}

interface SeriesStateJson {
  scaler: unknown;
  axis: TimeAxis | null;
  lastWindow: number[];
}

/** Format 1 holds one series (its fields beside `history`, as before multi-series fits); format 2 a `series` list. */
export const NBEATS_FORMAT_ONE_SERIES = 1;
export const NBEATS_FORMAT_SERIES_LIST = 2;

function seriesToJSON(series: NBeatsSeriesState): SeriesStateJson {
  return { scaler: series.scaler.toJSON(), axis: series.axis, lastWindow: Array.from(series.lastWindow) };
}

export function stateToJSON(state: NBeatsFittedState): { version: number; state: Record<string, unknown> } {
  if (state.series.length === 1) return { version: NBEATS_FORMAT_ONE_SERIES, state: { ...seriesToJSON(state.series[0]), history: state.history } };
  return {
    version: NBEATS_FORMAT_SERIES_LIST,
    state: { series: state.series.map((series) => ({ name: series.name, ...seriesToJSON(series) })), history: state.history },
  };
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ForecastError('INVALID_JSON', path, 'must be a JSON object');
  }
  return value as Record<string, unknown>;
}

function finiteList(value: unknown, path: string): number[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'number' && Number.isFinite(item))) {
    throw new ForecastError('INVALID_JSON', path, 'must be a list of finite numbers');
  }
  return value as number[];
}

const AXIS_FIELDS: Record<string, string[]> = {
  number: ['last', 'step', 'decimals'],
  'iso-fixed': ['last', 'stepMs'],
  'iso-month': ['lastYear', 'lastMonth', 'day', 'stepMonths'],
};

function axisFromJSON(value: unknown, path: string): TimeAxis | null {
  if (value === null) return null;
  const axis = record(value, path);
  const fields = AXIS_FIELDS[String(axis['kind'])];
  if (fields === undefined) throw new ForecastError('INVALID_JSON', `${path}.kind`, `unknown time axis kind ${JSON.stringify(axis['kind'])}`);
  for (const field of fields) {
    if (typeof axis[field] !== 'number' || !Number.isFinite(axis[field])) {
      throw new ForecastError('INVALID_JSON', `${path}.${field}`, 'must be a finite number');
    }
  }
  return axis as unknown as TimeAxis;
}

function seriesFromJSON(state: Record<string, unknown>, lookback: number, path: string, name: string): NBeatsSeriesState {
  const lastWindow = finiteList(state['lastWindow'], `${path}.lastWindow`);
  if (lastWindow.length !== lookback) {
    throw new ForecastError('INVALID_JSON', `${path}.lastWindow`, `has ${lastWindow.length} values, expected lookback ${lookback}`);
  }
  return {
    name,
    scaler: StandardScaler.fromJSON(state['scaler']),
    axis: axisFromJSON(state['axis'] ?? null, `${path}.axis`),
    lastWindow: Float64Array.from(lastWindow),
  };
}

export function stateFromJSON(value: unknown, version: number, lookback: number, path: string): NBeatsFittedState {
  const state = record(value, path);
  let series: NBeatsSeriesState[];
  if (version === NBEATS_FORMAT_ONE_SERIES) {
    series = [seriesFromJSON(state, lookback, path, '')];
  } else {
    const list = state['series'];
    if (!Array.isArray(list) || list.length === 0) throw new ForecastError('INVALID_JSON', `${path}.series`, 'must be a non-empty list');
    series = list.map((item, index) => {
      const at = `${path}.series[${index}]`;
      const entry = record(item, at);
      if (typeof entry['name'] !== 'string') throw new ForecastError('INVALID_JSON', `${at}.name`, 'must be a string');
      return seriesFromJSON(entry, lookback, at, entry['name']);
    });
  }
  const history = record(state['history'], `${path}.history`);
  return {
    series,
    history: {
      trainLoss: finiteList(history['trainLoss'], `${path}.history.trainLoss`),
      validationLoss: finiteList(history['validationLoss'], `${path}.history.validationLoss`),
      bestEpoch: Number(history['bestEpoch']),
      stoppedEarly: history['stoppedEarly'] === true,
    },
  };
}
