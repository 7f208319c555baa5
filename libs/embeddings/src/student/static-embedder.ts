import type { Embedder } from '../embedder';
import { assertNonEmptyTexts, EmbeddingError } from '../embedding-error';
import type { StaticEmbeddingModel } from './static-model';

export interface StaticEmbedderOptions {
  /** Name recorded in index manifests; default `student-static`. */
  readonly name?: string;
}

/**
 * Serves a StaticEmbeddingModel: WordPiece ids, mean of the word-token rows
 * ([PAD]/[UNK] excluded), L2-normalised. Pure typed-array arithmetic, no tfjs.
 */
export class StaticEmbedder implements Embedder {
  readonly name: string;
  readonly dim: number;
  readonly identityHash: string;

  constructor(
    readonly model: StaticEmbeddingModel,
    options: StaticEmbedderOptions = {},
  ) {
    this.name = options.name ?? 'student-static';
    this.dim = model.dim;
    this.identityHash = model.identityHash;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return this.embedSync(texts);
  }

  /** The same as `embed`, synchronously. */
  embedSync(texts: readonly string[]): Float32Array[] {
    assertNonEmptyTexts(texts);
    return texts.map((text, position) => {
      const vector = new Float32Array(this.dim);
      const count = this.model.meanInto(this.model.tokenizer.encode(text), vector);
      let norm = 0;
      for (let d = 0; d < vector.length; d += 1) norm += vector[d] * vector[d];
      // No known word token (only unknown characters) or an all-zero mean: there is no direction to return.
      if (count === 0 || norm === 0) {
        throw new EmbeddingError('EMPTY_TEXT', `text at position ${position} has no token in the student vocabulary: ${JSON.stringify(text.slice(0, 40))}`);
      }
      const scale = 1 / Math.sqrt(norm);
      for (let d = 0; d < vector.length; d += 1) vector[d] *= scale;
      return vector;
    });
  }
}
