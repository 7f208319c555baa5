/**
 * One interface for every sentence embedder in the workspace (teacher, student,
 * transformers.js models). Indexes record `identityHash` in their manifests so a
 * vector index is never searched with vectors from a different model.
 */
export interface Embedder {
  /** Short stable name, e.g. `use-lite`, `student-static`; used in artifact names. */
  readonly name: string;
  /** Length of every vector `embed` returns. */
  readonly dim: number;
  /** sha256 (hex) over everything that determines the vectors: weights, vocabulary/tokenizer, config. */
  readonly identityHash: string;
  /**
   * One unit-length (L2-normalised) vector per text, in input order. An empty or
   * whitespace-only text is a typed error naming its position, never a NaN row.
   */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}
