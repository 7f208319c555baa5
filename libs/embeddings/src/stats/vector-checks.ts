import { EmbeddingError } from '../embedding-error';

/**
 * Checks a set of vectors before any statistic or transform: at least
 * `minCount` of them, all of one length (`dim` when given), every value finite.
 * Returns the common length. `what` names the argument in errors.
 */
export function checkVectors(vectors: readonly Float32Array[], what: string, options: { minCount?: number; dim?: number } = {}): number {
  const minCount = options.minCount ?? 1;
  if (vectors.length < minCount) {
    throw new EmbeddingError('BAD_PARAMETER', `${what}: needs at least ${minCount} vector${minCount === 1 ? '' : 's'}, got ${vectors.length}`);
  }
  const dim = options.dim ?? vectors[0]?.length ?? 0;
  vectors.forEach((vector, row) => {
    if (vector.length !== dim) {
      throw new EmbeddingError('DIMENSION_MISMATCH', `${what}: vector ${row} has length ${vector.length}, expected ${dim}`);
    }
    for (let column = 0; column < dim; column += 1) {
      if (!Number.isFinite(vector[column])) {
        throw new EmbeddingError('BAD_PARAMETER', `${what}: vector ${row}, component ${column} is ${vector[column]} (must be finite)`);
      }
    }
  });
  if (dim === 0) throw new EmbeddingError('DIMENSION_MISMATCH', `${what}: vectors have length 0`);
  return dim;
}

/** Checks that an option is an integer in [min, max]; `name` is the parameter's name in the error. */
export function checkInteger(value: number, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new EmbeddingError('BAD_PARAMETER', `${name} must be an integer ${range}, got ${value}`);
  }
  return value;
}
