import { ForecastError, type ForecasterJson } from '@tethys/forecasting';
import { z } from 'zod';
import type { ScalerSetJson } from '../training/series-scalers';
import type { ResolvedTftOptions } from './tft-options';
import type { TrainingHistory } from './train-tft';

/** The file beside model.json / weights.bin that `toFiles` writes. */
export const TFT_STATE_FILE = 'tft-forecaster.json';

/** Covariates of one fitted series, as saved (aligned with its values; future ones may run longer). */
export interface TftCovariatesJson {
  past: Record<string, number[]>;
  future: Record<string, number[]>;
  static: Record<string, number>;
}

/** One fitted series: its data (for predict and default covariates) and its scalers. */
export interface TftSeriesState {
  name: string;
  times: string[];
  values: number[];
  covariates: TftCovariatesJson;
  scalers: ScalerSetJson;
}

/** What a fitted TftForecaster keeps besides its weights: every fitted series, and the training history. */
export interface TftState {
  series: TftSeriesState[];
  history: TrainingHistory;
}

export interface SavedWeight {
  name: string;
  shape: number[];
  /** Little-endian float32 values, base64. */
  data: string;
}

export interface ParsedTftState {
  options: ResolvedTftOptions;
  state: TftState;
  weights?: SavedWeight[];
}

/** Format 1 holds one series (`state.series` an object, `scalers` beside `state`), format 2 a list of series. */
export const TFT_FORMAT_ONE_SERIES = 1;
export const TFT_FORMAT_SERIES_LIST = 2;

const finite = z.number().refine(Number.isFinite, 'must be finite');
const scaler = z.object({ kind: z.literal('standard'), mean: finite, scale: finite });
const scalerSet = z.object({ target: scaler, past: z.array(scaler), future: z.array(scaler) });
const seriesData = z.object({ name: z.string(), times: z.array(z.string()), values: z.array(finite) });
const covariates = z.object({ past: z.record(z.string(), z.array(finite)), future: z.record(z.string(), z.array(finite)), static: z.record(z.string(), finite) });
const history = z.object({ epochsRun: z.number().int(), bestEpoch: z.number().int(), trainLoss: z.array(z.number()), validationLoss: z.array(z.number()) });
const weights = z.array(z.object({ name: z.string(), shape: z.array(z.number().int()), data: z.string() })).optional();
const options = z.object({
  lookback: z.number().int(),
  horizon: z.number().int(),
  hiddenSize: z.number().int(),
  heads: z.number().int(),
  dropout: finite,
  epochs: z.number().int(),
  batchSize: z.number().int(),
  learningRate: finite,
  patience: z.number().int(),
  validationFraction: finite,
  quantiles: z.array(finite),
  seed: z.number().int(),
  scaling: z.enum(['per-series', 'global']).default('per-series'),
  // Absent in models saved before the option: they trained without it.
  windowNormalization: z.enum(['none', 'last-value', 'window-mean']).default('none'),
});
const oneSeries = z.object({
  kind: z.literal('tft'),
  version: z.literal(TFT_FORMAT_ONE_SERIES),
  options,
  state: z.object({ series: seriesData, covariates, history }),
  scalers: scalerSet,
  weights,
});
const seriesList = z.object({
  kind: z.literal('tft'),
  version: z.literal(TFT_FORMAT_SERIES_LIST),
  options,
  state: z.object({ series: z.array(seriesData.extend({ covariates, scalers: scalerSet })).min(1), history }),
  weights,
});

/** Validates saved TFT JSON (format 1 or 2); errors name the offending field. */
export function parseTftState(json: unknown, path: string): ParsedTftState {
  const version = (json as { version?: unknown } | null)?.version;
  const result = (version === TFT_FORMAT_SERIES_LIST ? seriesList : oneSeries).safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = [path, ...(issue?.path ?? []).map(String)].join('.');
    throw new ForecastError('INVALID_JSON', field, issue?.message ?? 'invalid');
  }
  const parsed = result.data;
  if (parsed.version === TFT_FORMAT_SERIES_LIST) return { options: parsed.options, state: parsed.state, weights: parsed.weights };
  const { series, covariates: saved, history: trained } = parsed.state;
  return { options: parsed.options, state: { series: [{ ...series, covariates: saved, scalers: parsed.scalers }], history: trained }, weights: parsed.weights };
}

/** The saved form: format 1 for a single series (as before multi-series fits), format 2 otherwise. */
export function tftStateToJSON(options: ResolvedTftOptions, state: TftState): ForecasterJson {
  if (state.series.length === 1) {
    const [{ covariates: saved, scalers, ...series }] = state.series;
    return { kind: 'tft', version: TFT_FORMAT_ONE_SERIES, options, state: { series, covariates: saved, history: state.history }, scalers };
  }
  return { kind: 'tft', version: TFT_FORMAT_SERIES_LIST, options, state };
}
