export { bertWords, normalizeBertText, preTokenizeBert } from './bert-text';
export { buildWordPieceVocab, type BuildWordPieceVocabOptions } from './build-vocab';
export {
  CONTINUATION_PREFIX,
  FIRST_WORD_ID,
  MAX_CHARS_PER_WORD,
  PAD_ID,
  PAD_TOKEN,
  SPECIAL_TOKENS,
  UNK_ID,
  UNK_TOKEN,
  WordPieceTokenizer,
  assertStudentVocab,
} from './wordpiece-tokenizer';
export { StaticEmbeddingModel } from './static-model';
export { StaticEmbedder, type StaticEmbedderOptions } from './static-embedder';
export { STATIC_MODEL_FILES, loadStaticModel, saveStaticModel } from './static-model-files';
export { distillStaticEmbedder, type DistillOptions, type DistillResult, type TokenWeighting } from './distill';
export { fineTuneContrastive, type ContrastiveOptions, type ContrastiveResult, type PositivePair } from './contrastive';
