import { EmbeddingError } from '../embedding-error';

/** One vocabulary entry as USE-lite's vocab.json stores it: `[piece, log-probability]` (a few scores are null). */
export type UseVocabularyEntry = readonly [piece: string, score: number | null];

/** The word-boundary marker sentencepiece puts before every word (U+2581 LOWER ONE EIGHTH BLOCK). */
export const WORD_BOUNDARY = '\u2581';
/** Id of the unknown piece; runs of unknown characters collapse into one. */
export const UNKNOWN_ID = 0;
/** The first ids are reserved (unknown, <s>, </s>, three extra control ids) and never matched against text. */
const RESERVED_IDS = 6;

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  /** Vocabulary id of the piece ending here, or -1. */
  id: number;
  score: number;
}

interface LatticeEdge {
  readonly start: number;
  readonly id: number;
  readonly score: number;
}

/**
 * The sentencepiece-unigram tokenizer of Universal Sentence Encoder lite: the
 * most probable segmentation of the text into vocabulary pieces (Viterbi over
 * the piece lattice), computed exactly as the reference tfjs implementation
 * does, so the ids (and hence the embeddings) match the published model:
 * - NFKC normalisation, then a `▁` before the text and in place of every space;
 * - text is split into code points; a code point no piece starts with becomes
 *   the unknown id, and consecutive unknown ids are merged;
 * - a null score counts as 0 (JavaScript's `null + x`, which the reference relies on);
 * - equal scores go to the later candidate (the one with the later start), and
 *   a lattice position whose best score is exactly 0 counts as unset.
 */
export class UseTokenizer {
  private readonly root: TrieNode = newNode();
  /** Length in code points of every piece, for the backward pass. */
  private readonly pieceLengths: Int32Array;

  constructor(readonly vocabulary: readonly UseVocabularyEntry[]) {
    this.pieceLengths = new Int32Array(vocabulary.length);
    vocabulary.forEach(([piece], id) => {
      this.pieceLengths[id] = Array.from(piece).length;
    });
    // A piece listed twice keeps its last id and score (the reference trie overwrites).
    for (let id = RESERVED_IDS; id < vocabulary.length; id += 1) this.insert(vocabulary[id][0], vocabulary[id][1] ?? 0, id);
  }

  /** Parses and checks a vocab.json (a JSON list of `[piece, score|null]`); `source` names the file in errors. */
  static fromVocabJson(json: string, source: string): UseTokenizer {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (cause) {
      throw new EmbeddingError('MODEL_FILES', `${source}: not valid JSON (${(cause as Error).message})`);
    }
    if (!Array.isArray(parsed) || parsed.length <= RESERVED_IDS) {
      throw new EmbeddingError('MODEL_FILES', `${source}: expected a list of more than ${RESERVED_IDS} [piece, score] entries`);
    }
    parsed.forEach((entry: unknown, id) => {
      const valid =
        Array.isArray(entry) &&
        entry.length === 2 &&
        typeof entry[0] === 'string' &&
        entry[0].length > 0 &&
        (entry[1] === null || (typeof entry[1] === 'number' && Number.isFinite(entry[1])));
      if (!valid) throw new EmbeddingError('MODEL_FILES', `${source}: entry ${id} is not a [non-empty piece, finite score or null] pair`);
    });
    return new UseTokenizer(parsed as UseVocabularyEntry[]);
  }

  /** Vocabulary ids for one text (no truncation; an empty text gives no ids). */
  encode(text: string): number[] {
    const normalized = text.normalize('NFKC');
    if (normalized.length === 0) return [];
    const symbols = Array.from(WORD_BOUNDARY + normalized.replaceAll(' ', WORD_BOUNDARY));
    const incoming = this.buildLattice(symbols);

    // Forward pass. `best` starts at 0 = "unset", as in the reference (real scores are log-probabilities <= 0).
    const best = new Float64Array(symbols.length + 1);
    const chosen = new Int32Array(symbols.length + 1).fill(UNKNOWN_ID);
    for (let end = 1; end <= symbols.length; end += 1) {
      for (const edge of incoming[end]) {
        const score = edge.score + best[edge.start];
        if (best[end] === 0 || score >= best[end]) {
          best[end] = score;
          chosen[end] = edge.id;
        }
      }
    }

    // Backward pass from the end; an unreachable position falls back to the unknown id (one code point).
    const reversed: number[] = [];
    for (let position = symbols.length; position > 0; ) {
      const id = chosen[position];
      if (!(id === UNKNOWN_ID && reversed.at(-1) === UNKNOWN_ID)) reversed.push(id);
      position -= id === UNKNOWN_ID ? 1 : this.pieceLengths[id];
    }
    return reversed.reverse();
  }

  /** The pieces for ids (for reading tokenisations in tests and logs). */
  pieces(ids: readonly number[]): string[] {
    return ids.map((id) => this.vocabulary[id]?.[0] ?? '<out of range>');
  }

  /** incoming[end] = every piece ending at `end`, ordered by start (the order the reference visits them). */
  private buildLattice(symbols: readonly string[]): LatticeEdge[][] {
    const incoming: LatticeEdge[][] = Array.from({ length: symbols.length + 1 }, () => []);
    for (let start = 0; start < symbols.length; start += 1) {
      let node = this.root.children.get(symbols[start]);
      let matched = false;
      for (let end = start + 1; node !== undefined; end += 1) {
        if (node.id >= 0) {
          incoming[end].push({ start, id: node.id, score: node.score });
          matched = true;
        }
        node = end < symbols.length ? node.children.get(symbols[end]) : undefined;
      }
      // No piece starts here: one unknown code point with score 0.
      if (!matched) incoming[start + 1].push({ start, id: UNKNOWN_ID, score: 0 });
    }
    return incoming;
  }

  private insert(piece: string, score: number, id: number): void {
    let node = this.root;
    for (const symbol of piece) {
      let child = node.children.get(symbol);
      if (child === undefined) {
        child = newNode();
        node.children.set(symbol, child);
      }
      node = child;
    }
    node.id = id;
    node.score = score;
  }
}

function newNode(): TrieNode {
  return { children: new Map(), id: -1, score: 0 };
}
