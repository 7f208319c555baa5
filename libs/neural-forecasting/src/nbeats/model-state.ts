import { ForecastError, StandardScaler, type TimeAxis } from '@tethys/forecasting';
import type { TrainingHistory } from './train';

/** What a fitted N-BEATS forecaster knows besides its weights. */
export interface NBeatsFittedState {
  scaler: StandardScaler;
  /** How the fitted series' times step (null when irregular): names the forecast times. */
  axis: TimeAxis | null;
  /** The last `lookback` observations of the fitted series (original scale): predict's input. */
  lastWindow: Float64Array;
  history: TrainingHistory;
}

export interface NBeatsStateJson {
  scaler: unknown;
  axis: TimeAxis | null;
  lastWindow: number[];
  history: TrainingHistory;
}

export function stateToJSON(state: NBeatsFittedState): NBeatsStateJson {
  return {
    scaler: state.scaler.toJSON(),
    axis: state.axis,
    lastWindow: Array.from(state.lastWindow),
    history: state.history,
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

export function stateFromJSON(value: unknown, lookback: number, path: string): NBeatsFittedState {
  const state = record(value, path);
  const lastWindow = finiteList(state['lastWindow'], `${path}.lastWindow`);
  if (lastWindow.length !== lookback) {
    throw new ForecastError('INVALID_JSON', `${path}.lastWindow`, `has ${lastWindow.length} values, expected lookback ${lookback}`);
  }
  const history = record(state['history'], `${path}.history`);
  return {
    scaler: StandardScaler.fromJSON(state['scaler']),
    axis: axisFromJSON(state['axis'] ?? null, `${path}.axis`),
    lastWindow: Float64Array.from(lastWindow),
    history: {
      trainLoss: finiteList(history['trainLoss'], `${path}.history.trainLoss`),
      validationLoss: finiteList(history['validationLoss'], `${path}.history.validationLoss`),
      bestEpoch: Number(history['bestEpoch']),
      stoppedEarly: history['stoppedEarly'] === true,
    },
  };
}
