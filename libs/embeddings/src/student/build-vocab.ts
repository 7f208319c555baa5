import { EmbeddingError } from '../embedding-error';
import { bertWords } from './bert-text';
import { CONTINUATION_PREFIX, MAX_CHARS_PER_WORD, SPECIAL_TOKENS } from './wordpiece-tokenizer';

export interface BuildWordPieceVocabOptions {
  /** Total vocabulary size, special tokens included. */
  readonly size: number;
  /** Whole words and subword pieces seen fewer times are left out (characters are always kept). Default 2. */
  readonly minFrequency?: number;
  /** Share of the non-character budget given to whole words; the rest goes to subword pieces. Default 0.75. */
  readonly wholeWordShare?: number;
  /** Longest subword piece (characters, without `##`). Default 6. */
  readonly maxPieceLength?: number;
}

/**
 * A WordPiece vocabulary learned from a corpus, deterministically (counts, with
 * ties broken by the token's code points; nothing is random, so no seed is needed):
 * `[PAD]`, `[UNK]`, then every character seen (as a word start and, unless it
 * is punctuation, as a `##` continuation, so any word made of seen characters
 * tokenises without [UNK]),
 * then the most frequent whole words, then the most frequent word-initial
 * prefixes and `##` suffixes of the words left out, weighted by word count.
 * Returns fewer than `size` tokens when the corpus has nothing more to add.
 */
export function buildWordPieceVocab(texts: readonly string[], options: BuildWordPieceVocabOptions): string[] {
  const minFrequency = options.minFrequency ?? 2;
  const wholeWordShare = options.wholeWordShare ?? 0.75;
  const maxPieceLength = options.maxPieceLength ?? 6;
  checkOptions(options.size, minFrequency, wholeWordShare, maxPieceLength);

  const wordCounts = new Map<string, number>();
  for (const text of texts) {
    for (const word of bertWords(text)) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
  }
  const charCounts = new Map<string, number>();
  for (const [word, count] of wordCounts) {
    for (const char of word) charCounts.set(char, (charCounts.get(char) ?? 0) + count);
  }

  const vocab: string[] = [...SPECIAL_TOKENS];
  const inVocab = new Set(vocab);
  const add = (token: string): boolean => {
    if (vocab.length >= options.size || inVocab.has(token)) return false;
    vocab.push(token);
    inVocab.add(token);
    return true;
  };
  const chars = rankByCount(charCounts);
  for (const char of chars) add(char);
  // Punctuation is always a word of its own after pre-tokenisation, so it never continues a word.
  for (const char of chars) if (continuesWords(char)) add(CONTINUATION_PREFIX + char);

  const wordBudget = Math.round((options.size - vocab.length) * wholeWordShare);
  const wordLimit = vocab.length + Math.max(0, wordBudget);
  const leftOut = new Map<string, number>();
  for (const word of rankByCount(wordCounts)) {
    const count = wordCounts.get(word) ?? 0;
    const length = Array.from(word).length;
    if (length > MAX_CHARS_PER_WORD) continue;
    if (count >= minFrequency && vocab.length < wordLimit) add(word);
    if (!inVocab.has(word)) leftOut.set(word, count);
  }

  const pieceCounts = new Map<string, number>();
  for (const [word, count] of leftOut) {
    const wordChars = Array.from(word);
    for (let length = 2; length <= Math.min(maxPieceLength, wordChars.length - 1); length += 1) {
      const prefix = wordChars.slice(0, length).join('');
      const suffix = CONTINUATION_PREFIX + wordChars.slice(wordChars.length - length).join('');
      pieceCounts.set(prefix, (pieceCounts.get(prefix) ?? 0) + count);
      pieceCounts.set(suffix, (pieceCounts.get(suffix) ?? 0) + count);
    }
  }
  for (const piece of rankByCount(pieceCounts)) {
    if ((pieceCounts.get(piece) ?? 0) < minFrequency || vocab.length >= options.size) break;
    add(piece);
  }
  return vocab;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}\p{M}]$/u;

function continuesWords(char: string): boolean {
  return bertWords(`a${char}`).length === 1 || LETTER_OR_DIGIT.test(char);
}

/** Keys by descending count, ties by code-point order (not locale order: the result must not depend on the machine). */
function rankByCount(counts: Map<string, number>): string[] {
  return Array.from(counts.keys()).sort((a, b) => {
    const byCount = (counts.get(b) ?? 0) - (counts.get(a) ?? 0);
    if (byCount !== 0) return byCount;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

function checkOptions(size: number, minFrequency: number, wholeWordShare: number, maxPieceLength: number): void {
  if (!Number.isInteger(size) || size <= SPECIAL_TOKENS.length) {
    throw new EmbeddingError('BAD_PARAMETER', `size must be an integer > ${SPECIAL_TOKENS.length}, got ${size}`);
  }
  if (!Number.isInteger(minFrequency) || minFrequency < 1) {
    throw new EmbeddingError('BAD_PARAMETER', `minFrequency must be an integer >= 1, got ${minFrequency}`);
  }
  if (!(wholeWordShare >= 0 && wholeWordShare <= 1)) {
    throw new EmbeddingError('BAD_PARAMETER', `wholeWordShare must be in [0, 1], got ${wholeWordShare}`);
  }
  if (!Number.isInteger(maxPieceLength) || maxPieceLength < 2) {
    throw new EmbeddingError('BAD_PARAMETER', `maxPieceLength must be an integer >= 2, got ${maxPieceLength}`);
  }
}
