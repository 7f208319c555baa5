import { normalizeWhitespace, splitSentences } from './text';

describe('splitSentences', () => {
  it('splits newswire prose without breaking at abbreviations and initials', () => {
    const text = `Investor David F. La Roche of North
    Kingstown, R.I., said he is offering to buy shares of Neco Corp. The offer
    expires March 30. Shares rose 2 pct in the U.S. market! "Will it close?" He said yes.`;
    expect(splitSentences(text)).toEqual([
      'Investor David F. La Roche of North Kingstown, R.I., said he is offering to buy shares of Neco Corp. The offer expires March 30.',
      'Shares rose 2 pct in the U.S. market!',
      '"Will it close?"',
      'He said yes.',
    ]);
  });

  it('keeps decimals and returns nothing for blank text', () => {
    expect(splitSentences('Prices fell to 3.5 mln bpd. Output rose.')).toEqual(['Prices fell to 3.5 mln bpd.', 'Output rose.']);
    expect(splitSentences('  \n ')).toEqual([]);
    expect(normalizeWhitespace(' a\n\t b ')).toBe('a b');
  });
});
