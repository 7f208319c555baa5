import {
  CONTINUATION_PREFIX,
  MAX_CHARS_PER_WORD,
  PAD_TOKEN,
  SPECIAL_TOKENS,
  UNK_TOKEN,
} from '../student/wordpiece-tokenizer';

/** The student has no position limit; this only keeps transformers.js from truncating or warning. */
const MODEL_MAX_LENGTH = 1_000_000;

/**
 * A Hugging Face tokenizer.json equal to `WordPieceTokenizer` for this
 * vocabulary: BertNormalizer (lowercase, strip accents), BertPreTokenizer,
 * WordPiece with `##` continuations and [UNK], the special tokens as added
 * tokens, and no post-processor (no [CLS]/[SEP]: the student never adds them).
 */
export function wordPieceTokenizerJson(vocab: readonly string[]): Record<string, unknown> {
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: true, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: null,
    decoder: { type: 'WordPiece', prefix: CONTINUATION_PREFIX, cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: UNK_TOKEN,
      continuing_subword_prefix: CONTINUATION_PREFIX,
      max_input_chars_per_word: MAX_CHARS_PER_WORD,
      vocab: Object.fromEntries(vocab.map((token, id) => [token, id])),
    },
  };
}

/** tokenizer_config.json: which tokens pad and stand for unknowns, and no length limit. */
export function wordPieceTokenizerConfig(): Record<string, unknown> {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    strip_accents: true,
    pad_token: PAD_TOKEN,
    unk_token: UNK_TOKEN,
    model_max_length: MODEL_MAX_LENGTH,
    clean_up_tokenization_spaces: true,
  };
}
