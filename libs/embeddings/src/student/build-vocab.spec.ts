import { buildWordPieceVocab } from './build-vocab';
import { nasdaqDescriptions, reutersStories } from './real-text.fixture';
import { UNK_ID, WordPieceTokenizer } from './wordpiece-tokenizer';

describe('buildWordPieceVocab', () => {
  const corpus = [...reutersStories().map((story) => `${story.heading} ${story.text}`), ...nasdaqDescriptions().slice(0, 1000)];

  it('starts with the special tokens, respects the size and is deterministic', () => {
    const vocab = buildWordPieceVocab(corpus, { size: 1500, minFrequency: 2 });
    expect(vocab.slice(0, 2)).toEqual(['[PAD]', '[UNK]']);
    expect(vocab).toHaveLength(1500);
    expect(new Set(vocab).size).toBe(vocab.length);
    expect(buildWordPieceVocab(corpus, { size: 1500, minFrequency: 2 })).toEqual(vocab);
  });

  it('keeps frequent words whole and covers every seen character, so the corpus has no [UNK]', () => {
    const vocab = buildWordPieceVocab(corpus, { size: 1500, minFrequency: 2 });
    for (const word of ['the', 'oil', 'shares', 'inc', 'said', 'common', 'stock']) expect(vocab).toContain(word);
    expect(vocab).toContain('##s');
    const tokenizer = new WordPieceTokenizer(vocab);
    for (const text of corpus) expect(Array.from(tokenizer.encode(text))).not.toContain(UNK_ID);
    // A rare word falls back to pieces, not [UNK].
    expect(tokenizer.tokenize('Zaxonbrackley')).not.toContain('[UNK]');
  });

  it('adds subword pieces from the words that did not fit', () => {
    const vocab = buildWordPieceVocab(corpus, { size: 800, minFrequency: 2, wholeWordShare: 0.5 });
    const multiCharPieces = vocab.filter((token) => token.startsWith('##') && token.length > 3);
    expect(multiCharPieces.length).toBeGreaterThan(20);
  });

  it('applies minFrequency to words but always keeps characters', () => {
    const vocab = buildWordPieceVocab(['alpha beta beta', 'beta gamma'], { size: 100, minFrequency: 2 });
    expect(vocab).toContain('beta');
    expect(vocab).not.toContain('alpha');
    expect(vocab).toContain('##h');
    expect(new WordPieceTokenizer(vocab).tokenize('alpha')).not.toContain('[UNK]');
  });

  it('rejects bad options, naming them', () => {
    expect(() => buildWordPieceVocab(corpus, { size: 2 })).toThrow('size must be an integer > 2');
    expect(() => buildWordPieceVocab(corpus, { size: 10, minFrequency: 0 })).toThrow('minFrequency');
    expect(() => buildWordPieceVocab(corpus, { size: 10, wholeWordShare: 2 })).toThrow('wholeWordShare');
  });
});
