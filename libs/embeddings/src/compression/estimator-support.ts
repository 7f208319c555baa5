import { z } from 'zod';
import { EmbeddingError } from '../embedding-error';
import { checkVectors } from '../stats/vector-checks';

/** The error every estimator throws when used before `fit` (or `fromJSON`). */
export function notFitted(estimator: string, method: string): EmbeddingError {
  return new EmbeddingError('NOT_FITTED', `${estimator}.${method}: call fit(vectors) (or ${estimator}.fromJSON) first`);
}

/** Checks the vectors handed to a fitted estimator: finite and of the fitted length. */
export function checkInputVectors(vectors: readonly Float32Array[], estimator: string, method: string, dim: number): void {
  checkVectors(vectors, `${estimator}.${method}`, { minCount: 0, dim });
}

/** A finite JSON number list; the serialised form of every learned vector. */
export const numberList = z.array(z.number().refine(Number.isFinite, 'must be finite'));

/**
 * Parses an estimator's JSON (what its toJSON wrote) with `schema`, turning
 * any mismatch into an EmbeddingError naming the field.
 */
export function parseEstimatorJson<T>(schema: z.ZodType<T>, json: unknown, estimator: string): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    throw new EmbeddingError('BAD_PARAMETER', `${estimator}.fromJSON: ${field}: ${issue.message}`);
  }
  return parsed.data;
}

/** Throws unless `actual` equals `expected`; for consistency checks between learned arrays. */
export function expectLength(actual: number, expected: number, field: string, estimator: string): void {
  if (actual !== expected) {
    throw new EmbeddingError('DIMENSION_MISMATCH', `${estimator}.fromJSON: ${field} has length ${actual}, expected ${expected}`);
  }
}

/** Centres `vector` on `mean` and projects it on each axis (Float64 accumulation). */
export function projectOnAxes(vector: Float32Array, mean: Float64Array, axes: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(axes.length);
  axes.forEach((axis, k) => {
    let sum = 0;
    for (let j = 0; j < axis.length; j += 1) sum += (vector[j] - mean[j]) * axis[j];
    out[k] = sum;
  });
  return out;
}

/**
 * Refuses a projection too small to have a direction: below 1e-6 of the
 * input's length it is float32 rounding noise (the input equals the fitted
 * mean within the kept axes), and normalising it would give a random vector.
 */
export function assertHasDirection(projected: Float64Array, input: Float32Array, row: number, estimator: string): void {
  let projectedSquares = 0;
  for (const value of projected) projectedSquares += value * value;
  let inputSquares = 0;
  for (const value of input) inputSquares += value * value;
  if (Math.sqrt(projectedSquares) <= 1e-6 * Math.sqrt(inputSquares)) {
    throw new EmbeddingError(
      'BAD_PARAMETER',
      `${estimator}.transform: vector ${row} projects to zero (it equals the fitted mean within the kept axes), so it has no direction`,
    );
  }
}

/** The vector scaled to unit length (callers check assertHasDirection first). */
export function toUnitLength(values: Float64Array): Float32Array {
  let norm = 0;
  for (const value of values) norm += value * value;
  norm = Math.sqrt(norm);
  return Float32Array.from(values, (value) => value / norm);
}
