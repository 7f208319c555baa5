export { UseLiteEmbedder, USE_LITE_DIM, USE_LITE_MAX_TOKENS, type UseLiteLoadOptions } from './use-lite-embedder';
export { readUseLiteFiles, useLiteModelDir, type UseLiteFiles } from './use-lite-files';
export { UNKNOWN_ID, UseTokenizer, WORD_BOUNDARY, type UseVocabularyEntry } from './use-tokenizer';
