import { loadParams } from '@tethys/config';
import { z } from 'zod';

const positiveInt = z.number().int().positive();
const positive = z.number().positive();

/** The memory trainer's params (packages/trainer-memory/params.json), validated strictly. */
export const memoryTrainerParamsSchema = z.strictObject({
  /** Seed of every training draw (vocab ties, shuffles, initialisation, HNSW levels). */
  seed: z.number().int().min(0).max(2 ** 32 - 1),
  /** Seed of the dataset splits; the evaluation and training sides of every data set depend on it. */
  datasetSeed: z.number().int().min(0),
  teacher: z.strictObject({ batchSize: positiveInt }),
  corpus: z.strictObject({ transactionCount: z.number().int().min(0), nasdaqEvalCompanies: positiveInt }),
  student: z.strictObject({
    vocabSize: positiveInt,
    minFrequency: positiveInt,
    dim: positiveInt,
    distill: z.strictObject({
      epochs: positiveInt,
      batchSize: positiveInt,
      learningRate: positive,
      weighting: z.enum(['sif', 'none']),
    }),
    contrastive: z.strictObject({
      epochs: z.number().int().min(0),
      batchSize: positiveInt,
      temperature: positive,
      learningRate: positive,
    }),
    onnxFp16: z.boolean(),
  }),
  evaluation: z.strictObject({ k: positiveInt, pcaDims: z.array(positiveInt) }),
  stats: z.strictObject({ maxPairs: positiveInt, components: positiveInt }),
  index: z.strictObject({
    targetRecallAt10: z.number().gt(0).max(1),
    grid: z.strictObject({ M: z.array(positiveInt).min(1), efConstruction: z.array(positiveInt).min(1), efSearch: z.array(positiveInt).min(1) }),
  }),
});

export type MemoryTrainerParams = z.infer<typeof memoryTrainerParamsSchema>;

export const DEFAULT_MEMORY_PARAMS_FILE = 'packages/trainer-memory/params.json';

/** Reads and validates params; a bad key is a ConfigError naming the file and the key. */
export function loadMemoryTrainerParams(file: string = DEFAULT_MEMORY_PARAMS_FILE): MemoryTrainerParams {
  return loadParams(file, memoryTrainerParamsSchema);
}
