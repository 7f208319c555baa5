import { z } from 'zod';
import type { DeepReadonly } from './deep-freeze';
import { loadLayeredSettings, type LoadSettingsOptions } from './layered-settings';

const probability = z.number().gt(0).lt(1);

/**
 * Machine-learning defaults shared by the trainers (the Python seed's
 * config/ml_config.py). Stage-specific knobs live in each stage's params.json.
 */
export const mlConfigSchema = z.strictObject({
  /** Root seed of every Rng; a safe integer so JSON round-trips it exactly. */
  seed: z.int().default(42),
  /** Trading periods per year, for annualising returns and volatility. */
  periodsPerYear: z.int().positive().default(252),
  /** Annual risk-free rate as a fraction (0.02 = 2 %), not a percentage. */
  riskFreeRate: z.number().gt(-1).lt(1).default(0.02),
  anomaly: z
    .strictObject({
      /** Expected share of anomalies, or 'auto' (scikit-learn's offset of -0.5). */
      contamination: z.union([z.literal('auto'), z.number().gt(0).lte(0.5)]).default('auto'),
    })
    .prefault({}),
  forecasting: z
    .strictObject({
      defaultHorizon: z.int().positive().default(5),
      quantiles: z
        .array(probability)
        .min(1)
        .refine((levels) => levels.every((level, i) => i === 0 || levels[i - 1] < level), {
          message: 'expected quantile levels in strictly increasing order',
        })
        .default([0.1, 0.5, 0.9]),
    })
    .prefault({}),
  memory: z
    .strictObject({
      /** 'student': the distilled static embedder; 'teacher': Universal Sentence Encoder lite. */
      embedder: z.enum(['student', 'teacher']).default('student'),
      /** 'hnsw': approximate (hnswlib-node); 'flat': exact search. */
      index: z.enum(['flat', 'hnsw']).default('hnsw'),
      /** Minimum recall@k of the approximate index against exact search. */
      recallTarget: z.number().gt(0).lte(1).default(0.95),
    })
    .prefault({}),
});

/** Validated, deeply frozen ML configuration. */
export type MlConfig = DeepReadonly<z.infer<typeof mlConfigSchema>>;

/** Prefix of the variables that override ML config: TETHYS_ML__FORECASTING__DEFAULT_HORIZON -> forecasting.defaultHorizon. */
export const ML_ENV_PREFIX = 'TETHYS_ML__';
/** Variable naming the ML config JSON file (when `options.file` is not given). */
export const ML_CONFIG_FILE_VARIABLE = 'TETHYS_ML_CONFIG_FILE';

/**
 * Loads ML config: defaults < JSON file (`options.file`, else
 * $TETHYS_ML_CONFIG_FILE) < TETHYS_ML__* variables. Throws ConfigError naming
 * the file or variable and the key.
 */
export function loadMlConfig(options: LoadSettingsOptions = {}): MlConfig {
  return loadLayeredSettings(
    { schema: mlConfigSchema, envPrefix: ML_ENV_PREFIX, fileVariable: ML_CONFIG_FILE_VARIABLE },
    options,
  );
}
