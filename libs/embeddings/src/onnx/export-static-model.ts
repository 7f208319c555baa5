import { canonicalJson, writeFileAtomic } from '@tethys/artifacts';
import { join } from 'node:path';
import type { StaticEmbeddingModel } from '../student/static-model';
import { staticModelToOnnx, type StaticOnnxGraphOptions } from './static-onnx-graph';
import { wordPieceTokenizerConfig, wordPieceTokenizerJson } from './tokenizer-files';

/** The files of a transformers.js model folder, relative to it. */
export const TRANSFORMERS_MODEL_FILES = {
  config: 'config.json',
  tokenizer: 'tokenizer.json',
  tokenizerConfig: 'tokenizer_config.json',
  onnx: 'onnx/model.onnx',
} as const;

export type ExportStaticModelOptions = StaticOnnxGraphOptions;

export interface ExportedOnnxModel {
  readonly dir: string;
  /** Paths written, relative to `dir`. */
  readonly files: string[];
  /** Bytes of onnx/model.onnx. */
  readonly onnxBytes: number;
}

/**
 * Writes `dir` as a model folder that @huggingface/transformers loads offline:
 * config.json (model_type bert), tokenizer.json + tokenizer_config.json
 * (the student's WordPiece), onnx/model.onnx (lookup, masked mean, L2 norm).
 * Each file is written atomically; config.json goes last, so a folder with a
 * config has its other files.
 */
export function exportStaticModelToOnnx(model: StaticEmbeddingModel, dir: string, options: ExportStaticModelOptions = {}): ExportedOnnxModel {
  const onnx = staticModelToOnnx(model, options);
  const config = {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: model.dim,
    vocab_size: model.vocabSize,
    pad_token_id: 0,
    tethys_static_embedding: {
      identity_hash: model.identityHash,
      pooling: 'masked-mean-l2-in-graph',
      storage: options.fp16 ? 'float16' : 'float32',
    },
  };
  writeFileAtomic(join(dir, TRANSFORMERS_MODEL_FILES.onnx), onnx);
  writeFileAtomic(join(dir, TRANSFORMERS_MODEL_FILES.tokenizer), `${JSON.stringify(wordPieceTokenizerJson(model.vocab))}\n`);
  writeFileAtomic(join(dir, TRANSFORMERS_MODEL_FILES.tokenizerConfig), `${canonicalJson(wordPieceTokenizerConfig())}\n`);
  writeFileAtomic(join(dir, TRANSFORMERS_MODEL_FILES.config), `${canonicalJson(config)}\n`);
  return { dir, files: Object.values(TRANSFORMERS_MODEL_FILES), onnxBytes: onnx.byteLength };
}
