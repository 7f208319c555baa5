export type { SearchHit, VectorIndex, VectorIndexIdentity, VectorMetric } from './vector-index';
