import { EmbeddingError } from '../embedding-error';
import { normalizeBertText, preTokenizeBert } from './bert-text';

/** Special tokens, always the first ids of a student vocabulary: [PAD] = 0, [UNK] = 1. */
export const PAD_TOKEN = '[PAD]';
export const UNK_TOKEN = '[UNK]';
export const SPECIAL_TOKENS: readonly string[] = [PAD_TOKEN, UNK_TOKEN];
export const PAD_ID = 0;
export const UNK_ID = 1;
/** Ids below this are special and never count in a sentence vector. */
export const FIRST_WORD_ID = SPECIAL_TOKENS.length;
/** Marks a piece that continues a word (`##ing`). */
export const CONTINUATION_PREFIX = '##';
/** Longer words become one [UNK] (the reference WordPiece default). */
export const MAX_CHARS_PER_WORD = 100;

/**
 * BERT WordPiece: normalise (lowercase, strip accents), pre-tokenise on
 * whitespace and punctuation, then split each word greedily into the longest
 * vocabulary prefix, continuing with `##` pieces; a word with any unmatched
 * remainder becomes a single [UNK]. Literal `[PAD]`/`[UNK]` in the raw text are
 * matched first, as transformers.js does for added special tokens. The ids equal
 * those transformers.js produces from the tokenizer.json that `wordPieceTokenizerJson` writes.
 */
export class WordPieceTokenizer {
  readonly vocab: readonly string[];
  private readonly ids: Map<string, number>;

  constructor(vocab: readonly string[]) {
    assertStudentVocab(vocab);
    this.vocab = vocab;
    this.ids = new Map(vocab.map((token, id) => [token, id]));
  }

  get size(): number {
    return this.vocab.length;
  }

  idOf(token: string): number | undefined {
    return this.ids.get(token);
  }

  /** Token strings, in order. */
  tokenize(text: string): string[] {
    return Array.from(this.encode(text), (id) => this.vocab[id]);
  }

  /** Token ids, in order, without [CLS]/[SEP] (the student has no post-processor). */
  encode(text: string): Int32Array {
    const ids: number[] = [];
    for (const section of splitOnSpecialTokens(text)) {
      if (section === PAD_TOKEN) ids.push(PAD_ID);
      else if (section === UNK_TOKEN) ids.push(UNK_ID);
      else for (const word of preTokenizeBert(normalizeBertText(section))) this.encodeWord(word, ids);
    }
    return Int32Array.from(ids);
  }

  private encodeWord(word: string, out: number[]): void {
    const chars = Array.from(word);
    if (chars.length > MAX_CHARS_PER_WORD) {
      out.push(UNK_ID);
      return;
    }
    const pieces: number[] = [];
    let start = 0;
    while (start < chars.length) {
      let found = -1;
      let end = chars.length;
      for (; end > start; end -= 1) {
        const piece = (start > 0 ? CONTINUATION_PREFIX : '') + chars.slice(start, end).join('');
        const id = this.ids.get(piece);
        if (id !== undefined) {
          found = id;
          break;
        }
      }
      if (found < 0) {
        out.push(UNK_ID);
        return;
      }
      pieces.push(found);
      start = end;
    }
    out.push(...pieces);
  }
}

/** Splits raw text around literal special tokens (longest match, left to right), keeping them as sections. */
function splitOnSpecialTokens(text: string): string[] {
  if (!text.includes('[')) return [text];
  const sections: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const match = SPECIAL_TOKENS.find((token) => text.startsWith(token, i));
    if (match === undefined) {
      i += 1;
      continue;
    }
    if (i > start) sections.push(text.slice(start, i));
    sections.push(match);
    i += match.length;
    start = i;
  }
  if (start < text.length) sections.push(text.slice(start));
  return sections;
}

/** A student vocabulary starts with the special tokens and has no duplicates or empty tokens. */
export function assertStudentVocab(vocab: readonly string[]): void {
  SPECIAL_TOKENS.forEach((token, id) => {
    if (vocab[id] !== token) {
      throw new EmbeddingError('BAD_PARAMETER', `vocab[${id}] must be ${token}, got ${JSON.stringify(vocab[id])}`);
    }
  });
  const seen = new Set<string>();
  vocab.forEach((token, id) => {
    if (typeof token !== 'string' || token.length === 0 || token === CONTINUATION_PREFIX) {
      throw new EmbeddingError('BAD_PARAMETER', `vocab[${id}] is not a usable token: ${JSON.stringify(token)}`);
    }
    if (seen.has(token)) throw new EmbeddingError('BAD_PARAMETER', `vocab[${id}] repeats the token ${JSON.stringify(token)}`);
    seen.add(token);
  });
}
