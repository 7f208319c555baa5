import { EmbeddingError } from '../embedding-error';
import { bertWords, normalizeBertText } from './bert-text';
import { UNK_ID, WordPieceTokenizer } from './wordpiece-tokenizer';

const VOCAB = ['[PAD]', '[UNK]', 'un', '##aff', '##able', 'the', 'oil', 'price', '##s', ',', '.', '$', 'cafe', 'x', '##x', '5', '##0'];

describe('BERT normalisation and pre-tokenisation', () => {
  it('lowercases, strips accents, cleans controls and splits on whitespace and punctuation', () => {
    expect(normalizeBertText('Café NAÏVE\u0000\tOK')).toBe('cafe naive ok');
    expect(bertWords('Oil-prices rose 5.5% ($3/bbl), said <OPEC>.')).toEqual([
      'oil', '-', 'prices', 'rose', '5', '.', '5', '%', '(', '$', '3', '/', 'bbl', ')', ',', 'said', '<', 'opec', '>', '.',
    ]);
  });

  it('spaces out CJK ideographs into their own words', () => {
    expect(bertWords('株式会社abc')).toEqual(['株', '式', '会', '社', 'abc']);
  });
});

describe('WordPieceTokenizer', () => {
  const tokenizer = new WordPieceTokenizer(VOCAB);

  it('splits greedily, longest match first, with ## continuations', () => {
    expect(tokenizer.tokenize('Unaffable oil prices.')).toEqual(['un', '##aff', '##able', 'oil', 'price', '##s', '.']);
    expect(tokenizer.tokenize('xxx 500')).toEqual(['x', '##x', '##x', '5', '##0', '##0']);
  });

  it('maps a word with an unmatched remainder to one [UNK], and over-long words too', () => {
    expect(tokenizer.tokenize('unaffablez the')).toEqual(['[UNK]', 'the']);
    expect(Array.from(tokenizer.encode('x'.repeat(101)))).toEqual([UNK_ID]);
    expect(tokenizer.tokenize('x'.repeat(100))).toHaveLength(100);
  });

  it('keeps literal special tokens in the raw text as special tokens', () => {
    expect(tokenizer.tokenize('the[PAD]oil [UNK].')).toEqual(['the', '[PAD]', 'oil', '[UNK]', '.']);
    expect(tokenizer.tokenize('[pad]')).toEqual(['[UNK]', '[UNK]', '[UNK]']);
  });

  it('returns no ids for whitespace-only text', () => {
    expect(tokenizer.encode(' \n\t ')).toEqual(new Int32Array(0));
  });

  it('rejects a vocabulary without the special tokens first, or with duplicates', () => {
    expect(() => new WordPieceTokenizer(['[UNK]', '[PAD]', 'a'])).toThrow(EmbeddingError);
    expect(() => new WordPieceTokenizer(['[UNK]', '[PAD]', 'a'])).toThrow('vocab[0] must be [PAD]');
    expect(() => new WordPieceTokenizer(['[PAD]', '[UNK]', 'a', 'a'])).toThrow('vocab[3] repeats the token "a"');
    expect(() => new WordPieceTokenizer(['[PAD]', '[UNK]', ''])).toThrow('vocab[2] is not a usable token');
  });
});
