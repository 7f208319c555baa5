/**
 * What went wrong with a vector index call. Every code names a failure a
 * caller can act on; the message always names the parameter or value.
 */
export type VectorIndexErrorCode =
  | 'INVALID_ARGUMENT'
  | 'DIMENSION_MISMATCH'
  | 'NON_FINITE'
  | 'ZERO_VECTOR'
  | 'DUPLICATE_ID'
  | 'UNKNOWN_ID'
  | 'IDENTITY_MISMATCH'
  | 'BACKEND_UNAVAILABLE'
  | 'MALFORMED_INDEX';

/** A typed error from this library; `parameter` is the argument (or manifest field) at fault. */
export class VectorIndexError extends Error {
  override readonly name = 'VectorIndexError';
  readonly code: VectorIndexErrorCode;
  readonly parameter: string;

  constructor(code: VectorIndexErrorCode, parameter: string, detail: string, options: { cause?: unknown } = {}) {
    super(`${parameter}: ${detail}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.parameter = parameter;
  }
}
