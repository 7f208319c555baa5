import { checkPositiveInteger } from '../shared/validation';
import { VectorIndexError } from '../shared/vector-index-error';

/** HNSW graph parameters (hnswlib names in brackets). */
export interface HnswParams {
  /** Links per node per layer (M); more links, better recall, more memory and build time. */
  M: number;
  /** Candidate list size while building (ef_construction). */
  efConstruction: number;
  /** Candidate list size while searching (ef); the recall/speed dial that can change after build. */
  efSearch: number;
  /** Seeds the level generator: the same seed and insertion order build the same graph. */
  randomSeed: number;
  /** Initial slot count; the index doubles it when full. */
  capacity: number;
}

export const DEFAULT_HNSW_PARAMS: Readonly<HnswParams> = {
  M: 16,
  efConstruction: 200,
  efSearch: 64,
  randomSeed: 100,
  capacity: 1024,
};

const UINT32_MAX = 0xffffffff;

/** Fills defaults and checks every field; hnswlib itself would silently truncate bad numbers. */
export function resolveHnswParams(params: Partial<HnswParams> = {}, parameter = 'params'): HnswParams {
  const merged = { ...DEFAULT_HNSW_PARAMS, ...params };
  checkPositiveInteger(merged.M, `${parameter}.M`);
  if (merged.M < 2) throw new VectorIndexError('INVALID_ARGUMENT', `${parameter}.M`, `must be at least 2, got ${merged.M}`);
  checkPositiveInteger(merged.efConstruction, `${parameter}.efConstruction`);
  checkPositiveInteger(merged.efSearch, `${parameter}.efSearch`);
  checkPositiveInteger(merged.capacity, `${parameter}.capacity`);
  if (!Number.isSafeInteger(merged.randomSeed) || merged.randomSeed < 0 || merged.randomSeed > UINT32_MAX) {
    throw new VectorIndexError('INVALID_ARGUMENT', `${parameter}.randomSeed`, `must be an integer in [0, 2^32), got ${merged.randomSeed}`);
  }
  for (const name of ['efSearch', 'efConstruction', 'capacity'] as const) {
    if (merged[name] > UINT32_MAX) {
      throw new VectorIndexError('INVALID_ARGUMENT', `${parameter}.${name}`, `must be below 2^32, got ${merged[name]}`);
    }
  }
  return { M: merged.M, efConstruction: merged.efConstruction, efSearch: merged.efSearch, randomSeed: merged.randomSeed, capacity: merged.capacity };
}
