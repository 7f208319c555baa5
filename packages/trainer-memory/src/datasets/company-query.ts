import type { Rng } from '@tethys/data';

/**
 * Legal-form and filler tokens dropped from company names (compared lower-case,
 * dots and commas removed). A person asking for "Apple" never says "Inc.".
 */
const LEGAL_FORMS = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'lp', 'llp', 'plc',
  'nv', 'sa', 'ag', 'se', 'spa', 'ab', 'asa', 'bv', 'aktiengesellschaft', 'the', 'sacif', 'cv', 'de',
]);

/**
 * Colloquial word swaps, each taken with probability 1/2 per occurrence: the
 * abbreviations and expansions people actually type. '' drops the word.
 */
const WORD_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  international: ['intl'],
  intl: ['international'],
  technologies: ['tech', 'technology'],
  technology: ['tech'],
  tech: ['technology'],
  pharmaceuticals: ['pharma', 'pharmaceutical'],
  pharmaceutical: ['pharma'],
  communications: ['comms', 'communication'],
  financial: ['finance'],
  bancorp: ['bank'],
  bancshares: ['bank'],
  bankshares: ['bank'],
  bancorporation: ['bank'],
  systems: ['system'],
  industries: ['industry'],
  services: ['service'],
  laboratories: ['labs'],
  semiconductor: ['semi', 'semiconductors'],
  networks: ['network'],
  solutions: ['solution'],
  resources: ['resource'],
  manufacturing: ['mfg'],
  national: ['natl'],
  therapeutics: ['therapeutic'],
  holdings: [''],
  holding: [''],
  group: [''],
  '&': ['and'],
  and: ['&'],
  'u.s.': ['us'],
};

/** Wordings around the colloquial name; one is picked per query. */
const QUERY_FRAMES: readonly string[] = [
  '{name}',
  '{name} stock',
  '{name} shares',
  'ticker for {name}',
  'stock symbol of {name}',
  '{name} share price',
  'what does {name} trade under',
  'how is {name} stock doing',
];

/**
 * The words of a company name a person would use: parentheticals such as
 * "(The)" or "(CA)" dropped, punctuation stripped (except '&' and inner dots
 * of initialisms), legal forms removed, lower case. Falls back to the name's
 * own words when nothing else is left.
 */
export function colloquialNameWords(description: string): string[] {
  const words = description
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\//g, ' ')
    .split(/\s+/)
    .map((word) => word.toLowerCase().replace(/^[^\p{L}\p{N}&]+|[^\p{L}\p{N}&.]+$/gu, '').replace(/\.$/, (dot) => (/\..*\.$/.test(word) ? dot : '')))
    .filter((word) => word !== '');
  const kept = words.filter((word) => !LEGAL_FORMS.has(word.replace(/[.,]/g, '')));
  // "Merrill Lynch & Co." must not end in a dangling conjunction once "Co." is gone.
  while (kept.length > 1 && (kept[kept.length - 1] === '&' || kept[kept.length - 1] === 'and')) kept.pop();
  return kept.length > 0 ? kept : words;
}

/**
 * A search query for a company, never the listing text verbatim: the colloquial
 * name words, each word swapped for a common variant with probability 1/2,
 * placed in one of the query frames. All choices come from `rng`.
 */
export function companyQuery(description: string, rng: Rng): string {
  const words: string[] = [];
  for (const word of colloquialNameWords(description)) {
    const variants = WORD_VARIANTS[word];
    if (variants && rng.next() < 0.5) {
      const variant = variants[rng.int(variants.length)];
      if (variant !== '') words.push(variant);
    } else {
      words.push(word);
    }
  }
  // Dropping "group"/"holdings" must not empty the name.
  const name = (words.length > 0 ? words : colloquialNameWords(description)).join(' ');
  return QUERY_FRAMES[rng.int(QUERY_FRAMES.length)].replace('{name}', name);
}
