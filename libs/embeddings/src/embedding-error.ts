export type EmbeddingErrorCode = 'EMPTY_TEXT' | 'BAD_PARAMETER' | 'MODEL_FILES' | 'NOT_FITTED' | 'DIMENSION_MISMATCH';

/** Typed error for every embedder and embedding transform in this lib; the message names the text position, file or parameter. */
export class EmbeddingError extends Error {
  constructor(
    readonly code: EmbeddingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EmbeddingError';
  }
}

/** Refuses empty or whitespace-only texts: they would embed to a zero (or NaN) vector and poison an index. */
export function assertNonEmptyTexts(texts: readonly string[]): void {
  texts.forEach((text, position) => {
    if (typeof text !== 'string' || text.trim() === '') {
      throw new EmbeddingError('EMPTY_TEXT', `text at position ${position} is empty; every text to embed needs at least one non-space character`);
    }
  });
}
