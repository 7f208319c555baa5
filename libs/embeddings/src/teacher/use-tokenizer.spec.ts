import { readFileSync } from 'node:fs';
import { EmbeddingError } from '../embedding-error';
import { useLiteModelDir } from './use-lite-files';
import { UNKNOWN_ID, UseTokenizer, type UseVocabularyEntry } from './use-tokenizer';

const RESERVED: UseVocabularyEntry[] = [
  ['<unk>', 0],
  ['<s>', 0],
  ['</s>', 0],
  ['x1', 0],
  ['x2', 0],
  ['x3', 0],
];

function tiny(entries: UseVocabularyEntry[]): UseTokenizer {
  return new UseTokenizer([...RESERVED, ...entries]);
}

describe('UseTokenizer on the USE-lite vocabulary', () => {
  const tokenizer = UseTokenizer.fromVocabJson(readFileSync(`${useLiteModelDir()}/vocab.json`, 'utf8'), 'vocab.json');
  const pieces = (text: string): string[] => tokenizer.pieces(tokenizer.encode(text));

  it('segments concrete sentences into the most probable pieces', () => {
    expect(pieces('Hello world')).toEqual(['▁H', 'ello', '▁world']);
    expect(pieces('Saudi Arabia reiterates commitment to OPEC accord')).toEqual(
      ['▁Saudi', '▁Arabia', '▁re', 'ite', 'rate', 's', '▁commitment', '▁to', '▁OP', 'EC', '▁accord'],
    );
    expect(tokenizer.encode('Crude prices rose 3.5%')).toEqual([5865, 265, 2753, 5368, 1766, 3624]);
    expect(pieces('Crude prices rose 3.5%')).toEqual(['▁Cru', 'de', '▁prices', '▁rose', '▁3.', '5%']);
  });

  it('marks every space as a word boundary, so double spaces keep a lone ▁', () => {
    expect(pieces('the  oil')).toEqual(['▁the', '▁', '▁oil']);
  });

  it('applies NFKC first: full-width letters tokenise like ASCII', () => {
    expect(tokenizer.encode('ｔｈｅ ｏｉｌ')).toEqual(tokenizer.encode('the oil'));
  });

  it('maps characters outside the vocabulary to one unknown id per run', () => {
    const ids = tokenizer.encode('oil 😀😀😀 up');
    expect(ids.filter((id) => id === UNKNOWN_ID)).toHaveLength(1);
    expect(tokenizer.pieces(ids)).toEqual(['▁oil', '▁', '�', '▁up']);
  });

  it('gives no ids for an empty text', () => {
    expect(tokenizer.encode('')).toEqual([]);
  });
});

describe('UseTokenizer lattice rules (tiny vocabularies)', () => {
  it('prefers the segmentation with the highest total log-probability', () => {
    const tokenizer = tiny([
      ['▁ab', -1.5],
      ['▁a', -1],
      ['b', -1],
      // Single characters, so no position falls back to the unknown piece (which scores 0).
      ['▁', -10],
      ['a', -10],
    ]);
    expect(tokenizer.pieces(tokenizer.encode('ab'))).toEqual(['▁ab']);
  });

  it('gives a tie to the candidate that starts later', () => {
    const tokenizer = tiny([
      ['▁ab', -2],
      ['▁a', -1],
      ['b', -1],
      // Single characters, so no position falls back to the unknown piece (which scores 0).
      ['▁', -10],
      ['a', -10],
    ]);
    expect(tokenizer.pieces(tokenizer.encode('ab'))).toEqual(['▁a', 'b']);
  });

  it('reads a null score as 0, and a best score of exactly 0 as unset (the reference quirk)', () => {
    const tokenizer = tiny([
      ['▁a', null],
      ['▁', -1],
      ['a', -1],
    ]);
    expect(tokenizer.pieces(tokenizer.encode('a'))).toEqual(['▁', 'a']);
  });

  it('skips the reserved ids when matching text', () => {
    const tokenizer = tiny([
      ['▁', -1],
      ['s', -1],
    ]);
    expect(tokenizer.encode('<s>')).toEqual([6, UNKNOWN_ID, 7, UNKNOWN_ID]);
  });
});

describe('UseTokenizer.fromVocabJson', () => {
  it('refuses malformed vocabularies, naming the file and entry', () => {
    expect(() => UseTokenizer.fromVocabJson('{', 'v.json')).toThrow(/v\.json: not valid JSON/);
    expect(() => UseTokenizer.fromVocabJson('[]', 'v.json')).toThrow(EmbeddingError);
    const badEntry = JSON.stringify([...RESERVED, ['ok', -1], ['bad', 'x']]);
    expect(() => UseTokenizer.fromVocabJson(badEntry, 'v.json')).toThrow(/v\.json: entry 7 /);
  });
});
