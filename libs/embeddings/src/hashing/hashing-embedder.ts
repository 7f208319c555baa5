import { canonicalJson, sha256 } from '@tethys/artifacts';
import type { Embedder } from '../embedder';
import { assertNonEmptyTexts, EmbeddingError } from '../embedding-error';

export interface HashingEmbedderOptions {
  /** Number of hash buckets = vector length. */
  readonly dim?: number;
  /** Word n-gram orders to hash (1 = words, 2 = adjacent word pairs). */
  readonly ngramOrders?: readonly number[];
}

const WORD = /[\p{L}\p{N}]+/gu;

/** FNV-1a, 32-bit: a fixed, documented hash so vectors never depend on the JS engine. */
function fnv1a(text: string, basis: number): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * A lexical baseline embedder (scikit-learn's HashingVectorizer, signed): word
 * n-grams hashed into `dim` buckets with a second hash choosing the sign, sublinear
 * term frequency, L2-normalised. No training and no model files, so it is the
 * reference point every learned embedder must beat, and a fast, real embedder for
 * store tests.
 */
export class HashingEmbedder implements Embedder {
  readonly name = 'hashing';
  readonly dim: number;
  readonly identityHash: string;
  private readonly ngramOrders: readonly number[];

  constructor(options: HashingEmbedderOptions = {}) {
    this.dim = options.dim ?? 1024;
    this.ngramOrders = options.ngramOrders ?? [1, 2];
    if (!Number.isInteger(this.dim) || this.dim < 2) {
      throw new EmbeddingError('BAD_PARAMETER', `dim must be an integer >= 2, got ${this.dim}`);
    }
    if (this.ngramOrders.length === 0 || this.ngramOrders.some((order) => !Number.isInteger(order) || order < 1)) {
      throw new EmbeddingError('BAD_PARAMETER', `ngramOrders must be positive integers, got [${this.ngramOrders.join(', ')}]`);
    }
    this.identityHash = sha256(canonicalJson({ kind: 'hashing-embedder', version: 1, dim: this.dim, ngramOrders: this.ngramOrders }));
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    assertNonEmptyTexts(texts);
    return texts.map((text) => this.embedOne(text));
  }

  private embedOne(text: string): Float32Array {
    const words = text.toLowerCase().match(WORD) ?? [];
    const counts = new Map<string, number>();
    for (const order of this.ngramOrders) {
      for (let start = 0; start + order <= words.length; start += 1) {
        const gram = words.slice(start, start + order).join(' ');
        counts.set(gram, (counts.get(gram) ?? 0) + 1);
      }
    }
    const vector = new Float32Array(this.dim);
    for (const [gram, count] of counts) {
      const bucket = fnv1a(gram, 0x811c9dc5) % this.dim;
      const sign = fnv1a(gram, 0x9e3779b9) & 1 ? 1 : -1;
      vector[bucket] += sign * (1 + Math.log(count));
    }
    let norm = 0;
    for (let i = 0; i < vector.length; i += 1) norm += vector[i] * vector[i];
    // A text of punctuation only has no words: an all-zero vector would make cosine undefined.
    if (norm === 0) {
      throw new EmbeddingError('EMPTY_TEXT', `text "${text.slice(0, 40)}" has no letters or digits to embed`);
    }
    const scale = 1 / Math.sqrt(norm);
    for (let i = 0; i < vector.length; i += 1) vector[i] *= scale;
    return vector;
  }
}
