import type { VectorIndexIdentity, VectorMetric } from '../vector-index';
import { VectorIndexError } from './vector-index-error';

const METRICS: readonly VectorMetric[] = ['cosine', 'ip', 'l2'];

/** Validates an identity once at construction so every later check can trust it. */
export function checkIdentity(identity: VectorIndexIdentity, parameter = 'identity'): VectorIndexIdentity {
  if (typeof identity !== 'object' || identity === null) {
    throw new VectorIndexError('INVALID_ARGUMENT', parameter, 'must be an object { embedderHash, dim, metric }');
  }
  if (typeof identity.embedderHash !== 'string' || identity.embedderHash.length === 0) {
    throw new VectorIndexError('INVALID_ARGUMENT', `${parameter}.embedderHash`, `must be a non-empty string, got ${JSON.stringify(identity.embedderHash)}`);
  }
  checkPositiveInteger(identity.dim, `${parameter}.dim`);
  if (!METRICS.includes(identity.metric)) {
    throw new VectorIndexError('INVALID_ARGUMENT', `${parameter}.metric`, `must be one of ${METRICS.join(', ')}, got ${JSON.stringify(identity.metric)}`);
  }
  return { embedderHash: identity.embedderHash, dim: identity.dim, metric: identity.metric };
}

export function checkPositiveInteger(value: number, parameter: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new VectorIndexError('INVALID_ARGUMENT', parameter, `must be a positive integer, got ${value}`);
  }
  return value;
}

/** Ids are caller-chosen, non-negative safe integers (they survive JSON and hnswlib labels). */
export function checkId(id: number, parameter = 'id'): number {
  if (!Number.isSafeInteger(id) || id < 0) {
    throw new VectorIndexError('INVALID_ARGUMENT', parameter, `must be a non-negative safe integer, got ${id}`);
  }
  return id;
}

/**
 * Checks length and finiteness. NaN and ±Infinity would silently poison every
 * score they touch, so they are rejected up front.
 */
export function checkVector(vector: ArrayLike<number>, dim: number, parameter: string): void {
  if (vector === null || typeof vector !== 'object' || typeof vector.length !== 'number') {
    throw new VectorIndexError('INVALID_ARGUMENT', parameter, 'must be an array or typed array of numbers');
  }
  if (vector.length !== dim) {
    throw new VectorIndexError('DIMENSION_MISMATCH', parameter, `has dimension ${vector.length}, the index expects ${dim}`);
  }
  for (let i = 0; i < dim; i++) {
    const value = vector[i];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new VectorIndexError('NON_FINITE', parameter, `component ${i} is ${String(value)}; vectors must be finite numbers`);
    }
  }
}

/** Checks a batch's shape: as many vectors as ids, no id twice. */
export function checkBatch(ids: readonly number[], vectors: readonly ArrayLike<number>[], dim: number): void {
  if (!Array.isArray(ids)) throw new VectorIndexError('INVALID_ARGUMENT', 'ids', 'must be an array of ids');
  if (!Array.isArray(vectors)) throw new VectorIndexError('INVALID_ARGUMENT', 'vectors', 'must be an array of vectors');
  if (ids.length !== vectors.length) {
    throw new VectorIndexError('INVALID_ARGUMENT', 'vectors', `has ${vectors.length} vectors for ${ids.length} ids`);
  }
  const seen = new Set<number>();
  for (let i = 0; i < ids.length; i++) {
    checkId(ids[i], `ids[${i}]`);
    if (seen.has(ids[i])) throw new VectorIndexError('DUPLICATE_ID', `ids[${i}]`, `id ${ids[i]} appears twice in the batch`);
    seen.add(ids[i]);
    checkVector(vectors[i], dim, `vectors[${i}]`);
  }
}

export function checkK(k: number): number {
  return checkPositiveInteger(k, 'k');
}

/** Euclidean norm, for cosine normalisation; zero vectors have no direction and are refused. */
export function unitScale(vector: ArrayLike<number>, parameter: string): number {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i] * vector[i];
  if (sum === 0) {
    throw new VectorIndexError('ZERO_VECTOR', parameter, 'is all zeros; cosine similarity is undefined for it');
  }
  return 1 / Math.sqrt(sum);
}
