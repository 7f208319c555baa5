import { ForecastError, type StandardScalerJson } from '@tethys/forecasting';
import { z } from 'zod';
import type { ResolvedTftOptions } from './tft-options';
import type { TrainingHistory } from './train-tft';

/** The file beside model.json / weights.bin that `toFiles` writes. */
export const TFT_STATE_FILE = 'tft-forecaster.json';

/** What a fitted TftForecaster keeps besides its weights: the fitted data (for predict and default covariates) and history. */
export interface TftState {
  series: { name: string; times: string[]; values: number[] };
  covariates: { past: Record<string, number[]>; future: Record<string, number[]>; static: Record<string, number> };
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
  scalers: { target: StandardScalerJson; past: StandardScalerJson[]; future: StandardScalerJson[] };
  weights?: SavedWeight[];
}

const finite = z.number().refine(Number.isFinite, 'must be finite');
const scaler = z.object({ kind: z.literal('standard'), mean: finite, scale: finite });
const schema = z.object({
  kind: z.literal('tft'),
  version: z.literal(1),
  options: z.object({
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
  }),
  state: z.object({
    series: z.object({ name: z.string(), times: z.array(z.string()), values: z.array(finite) }),
    covariates: z.object({ past: z.record(z.string(), z.array(finite)), future: z.record(z.string(), z.array(finite)), static: z.record(z.string(), finite) }),
    history: z.object({ epochsRun: z.number().int(), bestEpoch: z.number().int(), trainLoss: z.array(z.number()), validationLoss: z.array(z.number()) }),
  }),
  scalers: z.object({ target: scaler, past: z.array(scaler), future: z.array(scaler) }),
  weights: z.array(z.object({ name: z.string(), shape: z.array(z.number().int()), data: z.string() })).optional(),
});

/** Validates saved TFT JSON; errors name the offending field. */
export function parseTftState(json: unknown, path: string): ParsedTftState {
  const result = schema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = [path, ...(issue?.path ?? []).map(String)].join('.');
    throw new ForecastError('INVALID_JSON', field, issue?.message ?? 'invalid');
  }
  return result.data;
}
