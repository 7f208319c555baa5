import { sha256 } from '@tethys/artifacts';
import { createHash } from 'node:crypto';
import { EmbeddingError } from '../embedding-error';
import { FIRST_WORD_ID, WordPieceTokenizer } from './wordpiece-tokenizer';

/**
 * Static token embeddings (Model2Vec style): a WordPiece vocabulary and one
 * `dim`-vector per token, row-major in `table` ([vocab.length, dim]). A sentence
 * vector is the mean of its word-token rows (special tokens excluded), L2-normalised.
 */
export class StaticEmbeddingModel {
  readonly vocab: readonly string[];
  readonly dim: number;
  readonly table: Float32Array;
  readonly tokenizer: WordPieceTokenizer;
  private cachedHash: string | null = null;

  constructor(vocab: readonly string[], dim: number, table: Float32Array) {
    this.tokenizer = new WordPieceTokenizer(vocab);
    if (!Number.isInteger(dim) || dim < 1) throw new EmbeddingError('BAD_PARAMETER', `dim must be a positive integer, got ${dim}`);
    if (table.length !== vocab.length * dim) {
      throw new EmbeddingError('DIMENSION_MISMATCH', `table has ${table.length} values, expected vocab ${vocab.length} x dim ${dim} = ${vocab.length * dim}`);
    }
    const bad = table.findIndex((value) => !Number.isFinite(value));
    if (bad >= 0) throw new EmbeddingError('BAD_PARAMETER', `table value ${bad} (token ${Math.floor(bad / dim)}) is not finite`);
    this.vocab = vocab;
    this.dim = dim;
    this.table = table;
  }

  get vocabSize(): number {
    return this.vocab.length;
  }

  /** sha256 over the vocabulary (one token per line) and the table's little-endian float32 bytes. */
  get identityHash(): string {
    if (this.cachedHash === null) {
      const hash = createHash('sha256');
      hash.update(`static-embedding-model v1 dim=${this.dim}\n`);
      hash.update(sha256(this.vocab.join('\n')));
      hash.update(float32LittleEndian(this.table));
      this.cachedHash = hash.digest('hex');
    }
    return this.cachedHash;
  }

  /** The same vocabulary with another table (training results). */
  withTable(table: Float32Array): StaticEmbeddingModel {
    return new StaticEmbeddingModel(this.vocab, this.dim, table);
  }

  /**
   * The unnormalised mean of the word-token rows of `ids` into `out`; returns
   * how many word tokens there were (0 leaves `out` all zero).
   */
  meanInto(ids: Int32Array, out: Float32Array): number {
    out.fill(0);
    const { dim, table } = this;
    let count = 0;
    for (let t = 0; t < ids.length; t += 1) {
      const id = ids[t];
      if (id < FIRST_WORD_ID) continue;
      const row = id * dim;
      for (let d = 0; d < dim; d += 1) out[d] += table[row + d];
      count += 1;
    }
    if (count > 0) {
      const scale = 1 / count;
      for (let d = 0; d < dim; d += 1) out[d] *= scale;
    }
    return count;
  }
}

/** Float32 values as little-endian bytes whatever the host's byte order (the saved table, ONNX raw_data). */
export function float32LittleEndian(table: Float32Array): Uint8Array {
  const bytes = new Uint8Array(table.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < table.length; i += 1) view.setFloat32(i * 4, table[i], true);
  return bytes;
}
