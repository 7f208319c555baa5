import { AutoModel, AutoTokenizer, env, type PreTrainedModel, type PreTrainedTokenizer, type Tensor } from '@huggingface/transformers';
import { basename, dirname, resolve } from 'node:path';
import type { Embedder } from '../embedder';
import { assertNonEmptyTexts, EmbeddingError } from '../embedding-error';
import { folderIdentityHash, inspectModelFolder, REQUIRED_MODEL_FILES } from './model-folder';

export interface TransformersEmbedderOptions {
  /** Name recorded in index manifests; default the folder's base name. */
  readonly name?: string;
  /** Texts per model call. Default 64. */
  readonly batchSize?: number;
}

// transformers.js resolves local models through the global `env`; loads run one at a time so two folders never race on it.
let loadQueue: Promise<unknown> = Promise.resolve();

/**
 * Any local sentence-embedding folder (config.json, tokenizer.json,
 * onnx/model.onnx) served by @huggingface/transformers 4 on onnxruntime-node,
 * strictly offline. Uses the model's `sentence_embedding` output when it has
 * one, else the attention-masked mean of `last_hidden_state`; then L2-normalises.
 */
export class TransformersEmbedder implements Embedder {
  private constructor(
    readonly name: string,
    readonly dim: number,
    readonly identityHash: string,
    readonly folder: string,
    private readonly tokenizer: PreTrainedTokenizer,
    private readonly model: PreTrainedModel,
    private readonly batchSize: number,
  ) {}

  static async load(folder: string, options: TransformersEmbedderOptions = {}): Promise<TransformersEmbedder> {
    const batchSize = options.batchSize ?? 64;
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new EmbeddingError('BAD_PARAMETER', `batchSize must be a positive integer, got ${batchSize}`);
    }
    const absolute = resolve(folder);
    const info = inspectModelFolder(absolute);
    const identityHash = folderIdentityHash(absolute);
    const loaded = loadQueue.then(() => loadOffline(absolute));
    loadQueue = loaded.catch(() => undefined);
    const { tokenizer, model } = await loaded;
    const embedder = new TransformersEmbedder(options.name ?? basename(absolute), info.hiddenSize ?? 0, identityHash, absolute, tokenizer, model, batchSize);
    return info.hiddenSize === null ? embedder.withProbedDim() : embedder;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    assertNonEmptyTexts(texts);
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts.slice(start, start + this.batchSize);
      const rows = await this.embedBatch(batch);
      rows.forEach((row, offset) => {
        if (this.dim !== 0 && row.length !== this.dim) {
          throw new EmbeddingError('DIMENSION_MISMATCH', `${this.folder} returned a ${row.length}-vector, config.json says hidden_size ${this.dim}`);
        }
        vectors.push(normalizeOrThrow(row, start + offset, batch[offset]));
      });
    }
    return vectors;
  }

  /** Releases the onnxruntime session. */
  async dispose(): Promise<void> {
    await this.model.dispose();
  }

  private async embedBatch(texts: string[]): Promise<Float32Array[]> {
    const inputs = this.tokenizer(texts, { padding: true, truncation: true }) as Record<string, Tensor>;
    const outputs = (await this.model(inputs)) as Record<string, Tensor | undefined>;
    try {
      const pooled = outputs.sentence_embedding;
      if (pooled !== undefined) return rowsOf(pooled);
      const hidden = outputs.last_hidden_state;
      if (hidden === undefined) {
        throw new EmbeddingError('MODEL_FILES', `${this.folder}/${REQUIRED_MODEL_FILES.onnx} has neither a sentence_embedding nor a last_hidden_state output`);
      }
      return maskedMean(hidden, inputs.attention_mask);
    } finally {
      for (const tensor of [...Object.values(outputs), ...Object.values(inputs)]) tensor?.dispose();
    }
  }

  /** A folder whose config has no hidden_size: learn the dimension from one text. */
  private async withProbedDim(): Promise<TransformersEmbedder> {
    const [row] = await this.embedBatch(['dimension probe']);
    return new TransformersEmbedder(this.name, row.length, this.identityHash, this.folder, this.tokenizer, this.model, this.batchSize);
  }
}

async function loadOffline(folder: string): Promise<{ tokenizer: PreTrainedTokenizer; model: PreTrainedModel }> {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${dirname(folder)}/`;
  const id = basename(folder);
  try {
    const tokenizer = await AutoTokenizer.from_pretrained(id, { local_files_only: true });
    const model = await AutoModel.from_pretrained(id, { local_files_only: true, dtype: 'fp32', device: 'cpu' });
    return { tokenizer, model };
  } catch (error) {
    throw new EmbeddingError('MODEL_FILES', `transformers.js could not load ${folder}: ${(error as Error).message}`);
  }
}

function rowsOf(tensor: Tensor): Float32Array[] {
  const [rows, width] = tensor.dims;
  const data = tensor.data as Float32Array;
  return Array.from({ length: rows }, (_, row) => Float32Array.from(data.subarray(row * width, (row + 1) * width)));
}

/** Mean of the token vectors whose attention mask is 1 ([batch, seq, dim] -> [batch][dim]). */
function maskedMean(hidden: Tensor, mask: Tensor): Float32Array[] {
  const [rows, length, width] = hidden.dims;
  const data = hidden.data as Float32Array;
  const maskData = mask.data as ArrayLike<bigint | number>;
  return Array.from({ length: rows }, (_, row) => {
    const sum = new Float32Array(width);
    let count = 0;
    for (let t = 0; t < length; t += 1) {
      if (Number(maskData[row * length + t]) === 0) continue;
      const base = (row * length + t) * width;
      for (let d = 0; d < width; d += 1) sum[d] += data[base + d];
      count += 1;
    }
    if (count > 0) for (let d = 0; d < width; d += 1) sum[d] /= count;
    return sum;
  });
}

function normalizeOrThrow(row: Float32Array, position: number, text: string): Float32Array {
  let norm = 0;
  for (let d = 0; d < row.length; d += 1) norm += row[d] * row[d];
  if (!(norm > 0) || !Number.isFinite(norm)) {
    throw new EmbeddingError('EMPTY_TEXT', `text at position ${position} embeds to a zero vector (no known token?): ${JSON.stringify(text.slice(0, 40))}`);
  }
  const scale = 1 / Math.sqrt(norm);
  return Float32Array.from(row, (value) => value * scale);
}
