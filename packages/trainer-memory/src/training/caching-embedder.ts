import type { Embedder } from '@tethys/embeddings';

/**
 * Remembers the vectors an embedder already produced, by text. The teacher is
 * slow (tens of sentences/s on one wasm thread) and distillation asks it for
 * the same corpus sentences more than once; the vectors are identical either way.
 * Never used where latency is measured.
 */
export class CachingEmbedder implements Embedder {
  readonly name: string;
  readonly dim: number;
  readonly identityHash: string;
  private readonly cache = new Map<string, Float32Array>();

  constructor(private readonly inner: Embedder) {
    this.name = inner.name;
    this.dim = inner.dim;
    this.identityHash = inner.identityHash;
  }

  get cachedTexts(): number {
    return this.cache.size;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const missing = [...new Set(texts.filter((text) => !this.cache.has(text)))];
    if (missing.length > 0) {
      const vectors = await this.inner.embed(missing);
      missing.forEach((text, i) => this.cache.set(text, vectors[i]));
    }
    return texts.map((text) => this.cache.get(text) as Float32Array);
  }
}
