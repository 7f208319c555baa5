import { loadParams } from '@tethys/config';
import { z } from 'zod';

const positiveInt = z.number().int().positive();
const fraction = z.number().min(0).lt(1);
/** Per-window shift of the target (see WindowNormalization in @tethys/neural-forecasting); each model's default when absent. */
const windowNormalization = z.enum(['none', 'last-value', 'window-mean']).optional();
/** Standardisation of multi-series fits: each series' own scaler, or one pooled over all ('global'). */
const scaling = z.enum(['per-series', 'global']).optional();

/** LSTM encoder -> dense head settings for one series. */
export const lstmSettingsSchema = z.strictObject({
  lookback: positiveInt,
  hiddenSize: positiveInt,
  layers: z.union([z.literal(1), z.literal(2)]).optional(),
  dropout: fraction.optional(),
  epochs: positiveInt,
  patience: z.number().int().nonnegative(),
  batchSize: positiveInt,
  learningRate: z.number().positive().optional(),
  validationFraction: fraction,
  windowNormalization,
  scaling,
});

/** N-BEATS settings for one series. */
export const nbeatsSettingsSchema = z.strictObject({
  lookback: positiveInt,
  stacks: z.enum(['generic', 'interpretable']),
  blocksPerStack: positiveInt,
  layerWidth: positiveInt,
  hiddenLayers: positiveInt.optional(),
  epochs: positiveInt,
  patience: z.number().int().nonnegative(),
  batchSize: positiveInt,
  learningRate: z.number().positive().optional(),
  validationFraction: fraction,
  windowNormalization,
  scaling,
});

/** Temporal Fusion Transformer settings for one series. */
export const tftSettingsSchema = z.strictObject({
  lookback: positiveInt,
  hiddenSize: positiveInt,
  heads: positiveInt,
  dropout: fraction.optional(),
  epochs: positiveInt,
  patience: positiveInt,
  batchSize: positiveInt,
  learningRate: z.number().positive().optional(),
  validationFraction: fraction,
  windowNormalization,
  scaling,
});

/** A column of a series CSV (wide or long, read with readSeriesCsv). */
const csvSourceSchema = z.strictObject({
  kind: z.literal('csv'),
  file: z.string().min(1),
  /** Which series of the file; default the first. */
  series: z.string().min(1).optional(),
});

/**
 * The annualised realised volatility of the equal-weight (daily rebalanced)
 * portfolio of every asset in a wide price file, over a rolling window,
 * sampled every `sampleEvery` trading days.
 */
const realisedVolatilitySourceSchema = z.strictObject({
  kind: z.literal('realised_volatility'),
  prices: z.string().min(1),
  window: z.number().int().min(2),
  sampleEvery: positiveInt,
  periodsPerYear: z.number().positive(),
  /**
   * Also derive each asset's own realised volatility (same window, dates and
   * sampling): the neural models train on those beside the portfolio's (one
   * model, several series); every model is still scored on the portfolio's
   * held-out test, and no series is seen past the test start.
   */
  trainOnAssets: z.boolean().optional(),
});

export const forecastSeriesSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and _ only'),
    source: z.discriminatedUnion('kind', [csvSourceSchema, realisedVolatilitySourceSchema]),
    /** Season length m: seasonal naive, Holt-Winters and the MASE scale use it (1 = no season). */
    season: positiveInt,
    horizon: positiveInt,
    /** Held-out test: `testWindows` forecasts of `horizon` steps, origins `stride` apart, ending at the series' end. */
    testWindows: positiveInt,
    stride: positiveInt,
    /** Holt-Winters seasonality when season > 1. */
    etsSeasonal: z.enum(['additive', 'multiplicative']),
    /** Neural models fit on only the last this-many points before the test (cheaper training on long series); default all. */
    neuralTrainPoints: positiveInt.optional(),
    lstm: lstmSettingsSchema,
    nbeats: nbeatsSettingsSchema,
    tft: tftSettingsSchema,
  })
  .refine((s) => s.tft.hiddenSize % s.tft.heads === 0, { message: 'tft.heads must divide tft.hiddenSize', path: ['tft', 'heads'] });

/** forecast.params.json: validated at start-up, unknown keys refused. */
export const forecastParamsSchema = z.strictObject({
  seed: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  /** Quantile levels every model reports; must hold 0.1, 0.5 and 0.9 (the 80% interval and the median). */
  quantiles: z
    .array(z.number().gt(0).lt(1))
    .min(1)
    .refine((levels) => [0.1, 0.5, 0.9].every((level) => levels.includes(level)), { message: 'must include 0.1, 0.5 and 0.9' }),
  series: z.array(forecastSeriesSchema).min(1),
});

export type ForecastParams = z.infer<typeof forecastParamsSchema>;
export type ForecastSeriesParams = z.infer<typeof forecastSeriesSchema>;
export type LstmSettings = z.infer<typeof lstmSettingsSchema>;
export type NBeatsSettings = z.infer<typeof nbeatsSettingsSchema>;
export type TftSettings = z.infer<typeof tftSettingsSchema>;

export function loadForecastParams(file: string): ForecastParams {
  return loadParams(file, forecastParamsSchema);
}
