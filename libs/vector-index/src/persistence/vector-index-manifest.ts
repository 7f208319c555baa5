import { z } from 'zod';
import type { HnswTuningRecord } from '../tuning/tuning-record';

/** The artifact kind every saved index carries; the concrete index is params.indexKind. */
export const VECTOR_INDEX_ARTIFACT_KIND = 'vector-index';
/** Bump when the file layout below changes; loaders refuse other versions. */
export const VECTOR_INDEX_FORMAT_VERSION = 1 as const;

export const FLAT_FILES = { ids: 'ids.f64', vectors: 'vectors.f32' } as const;
export const HNSW_FILES = { graph: 'graph.hnsw', labels: 'labels.f64' } as const;

const identitySchema = z.strictObject({
  embedderHash: z.string().min(1),
  dim: z.number().int().positive(),
  metric: z.enum(['cosine', 'ip', 'l2']),
});

const hnswParamsSchema = z.strictObject({
  M: z.number().int().min(2),
  efConstruction: z.number().int().positive(),
  efSearch: z.number().int().positive(),
  randomSeed: z.number().int().nonnegative(),
  capacity: z.number().int().positive(),
});

/** What save records under manifest.params (the artifact library records it verbatim). */
export const vectorIndexParamsSchema = z.object({
  formatVersion: z.literal(VECTOR_INDEX_FORMAT_VERSION),
  indexKind: z.enum(['flat', 'hnsw']),
  identity: identitySchema,
  size: z.number().int().nonnegative(),
  byteOrder: z.literal('LE'),
  hnsw: hnswParamsSchema.nullable(),
  // The tuning record is written by this library and only read back for reporting.
  tuning: z.unknown().nullable(),
});

export type VectorIndexParams = Omit<z.infer<typeof vectorIndexParamsSchema>, 'tuning'> & { tuning: HnswTuningRecord | null };
