import {
  DriftForecaster,
  ExponentialSmoothing,
  NaiveForecaster,
  SeasonalNaiveForecaster,
  type BaselineForecaster,
  type BaselineKind,
  type TimeSeries,
} from '@tethys/forecasting';
import { LstmForecaster, NBeatsForecaster, TftForecaster } from '@tethys/neural-forecasting';
import type { LstmSettings, NBeatsSettings, TftSettings } from './forecast-params';

export const NEURAL_KINDS = ['lstm', 'nbeats', 'tft'] as const;
export const BASELINE_KINDS = ['naive', 'seasonal_naive', 'drift', 'ets'] as const satisfies readonly BaselineKind[];
export const MODEL_KINDS = [...NEURAL_KINDS, ...BASELINE_KINDS] as const;

export type NeuralKind = (typeof NEURAL_KINDS)[number];
export type ModelKind = NeuralKind | BaselineKind;
export type NeuralForecaster = LstmForecaster | NBeatsForecaster | TftForecaster;
export type AnyForecaster = NeuralForecaster | BaselineForecaster;

export function isNeuralKind(kind: string): kind is NeuralKind {
  return (NEURAL_KINDS as readonly string[]).includes(kind);
}

export function isNeuralForecaster(model: AnyForecaster): model is NeuralForecaster {
  return model instanceof LstmForecaster || model instanceof NBeatsForecaster || model instanceof TftForecaster;
}

export interface BaselineSettings {
  season: number;
  quantiles: readonly number[];
  seed: number;
  /** Observations the model will be fitted on: Holt-Winters needs two full seasons. */
  trainLength: number;
  etsSeasonal: 'additive' | 'multiplicative';
}

/**
 * One baseline. ETS is Holt-Winters (additive trend + the given seasonality)
 * when the series has a season and at least two seasons of training data,
 * else Holt's damped trend.
 */
export function buildBaseline(kind: BaselineKind, settings: BaselineSettings): BaselineForecaster {
  const { season, quantiles, seed, trainLength } = settings;
  switch (kind) {
    case 'naive':
      return new NaiveForecaster({ quantiles });
    case 'seasonal_naive':
      return new SeasonalNaiveForecaster({ seasonPeriod: season, quantiles });
    case 'drift':
      return new DriftForecaster({ quantiles });
    case 'ets':
      return season > 1 && trainLength >= 2 * season
        ? new ExponentialSmoothing({ trend: 'additive', seasonal: settings.etsSeasonal, seasonPeriod: season, quantiles, seed })
        : new ExponentialSmoothing({ trend: 'additive', damped: true, quantiles, seed });
  }
}

export type NeuralSettings =
  | { kind: 'lstm'; settings: LstmSettings }
  | { kind: 'nbeats'; settings: NBeatsSettings }
  | { kind: 'tft'; settings: TftSettings };

/** One neural forecaster with the series' horizon and the run's quantiles and seed. */
export function buildNeural(spec: NeuralSettings, common: { horizon: number; quantiles: readonly number[]; seed: number }): NeuralForecaster {
  const { horizon, seed } = common;
  const quantiles = [...common.quantiles];
  switch (spec.kind) {
    case 'lstm':
      return new LstmForecaster({ ...spec.settings, horizon, quantiles, seed });
    case 'nbeats':
      return new NBeatsForecaster({ ...spec.settings, horizon, quantiles, seed });
    case 'tft':
      return new TftForecaster({ ...spec.settings, horizon, quantiles, seed });
  }
}

/** Fits any forecaster: neural models train asynchronously (on one series or several), baselines synchronously on one. */
export async function fitForecaster(model: AnyForecaster, series: TimeSeries | readonly TimeSeries[]): Promise<void> {
  if (isNeuralForecaster(model)) await model.fitAsync(series);
  else if (Array.isArray(series)) throw new Error('the baselines fit one series at a time');
  else model.fit(series as TimeSeries);
}

/** Epochs the last fit ran (null for baselines). */
export function epochsRun(model: AnyForecaster): number | null {
  if (model instanceof LstmForecaster) return model.trainingSummary.epochsRun;
  if (model instanceof NBeatsForecaster) return model.history.trainLoss.length;
  if (model instanceof TftForecaster) return model.history.epochsRun;
  return null;
}

/** The input window length of a neural model (null for baselines, which read the whole history). */
export function lookbackOf(model: AnyForecaster): number | null {
  return isNeuralForecaster(model) ? model.options.lookback : null;
}
