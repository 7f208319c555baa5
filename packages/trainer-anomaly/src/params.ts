import { loadParams } from '@tethys/config';
import { z } from 'zod';

const fraction = z.number().min(0).max(1);

/** The anomaly stage's params.json: validated at start-up, unknown keys refused. */
export const anomalyTrainerParamsSchema = z.strictObject({
  seed: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  data: z.strictObject({
    /** Labelled transactions (the generator's output). */
    transactions: z.string().min(1),
    /** A real labelled data set the same forest settings are checked on (shuttle). */
    benchmark: z.string().min(1).nullable(),
    benchmarkLabelColumn: z.string().min(1),
  }),
  /** Artifact directory, relative to the workspace root. */
  output: z.string().min(1),
  /** Time-ordered split: the forest and feature profiles see only `train`. */
  split: z
    .strictObject({ train: fraction, validation: fraction, test: fraction })
    .refine((s) => Math.abs(s.train + s.validation + s.test - 1) < 1e-9, { message: 'split fractions must sum to 1' }),
  features: z.strictObject({
    velocityWindowMinutes: z.number().positive(),
    minUserHistory: z.number().int().positive(),
  }),
  forest: z.strictObject({
    nEstimators: z.number().int().positive(),
    maxSamples: z.union([z.literal('auto'), z.number().positive()]),
    maxFeatures: z.number().positive(),
    contamination: z.union([z.literal('auto'), z.number().gt(0).max(0.5)]),
  }),
  evaluation: z.strictObject({
    /** How many of the highest-scoring normal transactions to list with their features. */
    topFalsePositives: z.number().int().nonnegative(),
    /** Flag rates (fractions of test transactions flagged) at which the threshold sweep reports. */
    sweepFlagRates: z.array(z.number().gt(0).lt(1)).min(1),
  }),
});

export type AnomalyTrainerParams = z.infer<typeof anomalyTrainerParamsSchema>;

export function loadAnomalyTrainerParams(file: string): AnomalyTrainerParams {
  return loadParams(file, anomalyTrainerParamsSchema);
}
