export type { Embedder } from './embedder';
export { assertNonEmptyTexts, EmbeddingError, type EmbeddingErrorCode } from './embedding-error';
export * from './hashing';
export * from './teacher';
export * from './student';
export * from './onnx';
export * from './transformers';
export * from './stats';
export * from './compression';
