/** What went wrong, so callers (the CLI, an HTTP layer) can map errors without parsing messages. */
export type MemoryStoreErrorCode =
  | 'INVALID_USER_ID'
  | 'INVALID_MEMORY_ID'
  | 'INVALID_TEXT'
  | 'INVALID_METADATA'
  | 'INVALID_ARGUMENT'
  | 'UNKNOWN_MEMORY'
  | 'DUPLICATE_MEMORY'
  | 'EMBEDDER_MISMATCH'
  | 'UNSUPPORTED'
  | 'SCHEMA_MISMATCH'
  | 'CLOSED'
  | 'PERSISTENCE_FAILED';

export class MemoryStoreError extends Error {
  override readonly name = 'MemoryStoreError';

  constructor(
    readonly code: MemoryStoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
