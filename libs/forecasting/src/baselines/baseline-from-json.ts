import { ExponentialSmoothing } from '../ets/exponential-smoothing';
import { asRecord, literalField } from '../json/json-fields';
import { DriftForecaster } from './drift';
import { NaiveForecaster } from './naive';
import { SeasonalNaiveForecaster } from './seasonal-naive';

export type BaselineKind = 'naive' | 'seasonal_naive' | 'drift' | 'ets';
export type BaselineForecaster = NaiveForecaster | SeasonalNaiveForecaster | DriftForecaster | ExponentialSmoothing;

const BASELINE_KINDS: readonly BaselineKind[] = ['naive', 'seasonal_naive', 'drift', 'ets'];

/** Rebuilds any baseline from its `toJSON()` output, dispatching on `kind`. */
export function baselineFromJSON(json: unknown): BaselineForecaster {
  switch (literalField(asRecord(json, 'model'), 'kind', 'model', BASELINE_KINDS)) {
    case 'naive':
      return NaiveForecaster.fromJSON(json);
    case 'seasonal_naive':
      return SeasonalNaiveForecaster.fromJSON(json);
    case 'drift':
      return DriftForecaster.fromJSON(json);
    case 'ets':
      return ExponentialSmoothing.fromJSON(json);
  }
}
