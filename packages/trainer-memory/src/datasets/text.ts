/** Collapses runs of whitespace (line breaks, indents) to single spaces and trims. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Abbreviations whose full stop does not end a sentence (newswire style:
 * company forms, titles, months, U.S.-style initialisms are handled separately).
 */
const ABBREVIATIONS = new Set([
  'inc', 'corp', 'co', 'ltd', 'plc', 'bhd', 'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'vs', 'no', 'mt', 'ft',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'gov', 'sen', 'rep', 'gen', 'col', 'lt', 'sgt', 'prof', 'dept', 'est', 'approx', 'fig', 'e.g', 'i.e', 'etc',
]);

/**
 * Splits prose into sentences: a sentence ends at `.`, `!` or `?` (optionally
 * followed by closing quotes or brackets) before whitespace and an upper-case
 * letter, digit or opening quote, unless the word before the stop is a known
 * abbreviation, a single letter (an initial, as in "David F. La Roche") or a
 * dotted initialism ("U.S.", "N.V."). Whitespace is normalised first.
 */
export function splitSentences(text: string): string[] {
  const flat = normalizeWhitespace(text);
  const sentences: string[] = [];
  const boundary = /[.!?]["')\]]*\s+(?=["'(<]?[A-Z0-9])/g;
  let start = 0;
  for (let match = boundary.exec(flat); match !== null; match = boundary.exec(flat)) {
    const stopAt = match.index;
    const wordStart = flat.lastIndexOf(' ', stopAt - 1) + 1;
    const word = flat.slice(wordStart, stopAt).replace(/^["'(<]+/, '');
    if (flat[stopAt] === '.' && isAbbreviation(word)) continue;
    const end = match.index + match[0].trimEnd().length;
    sentences.push(flat.slice(start, end).trim());
    start = match.index + match[0].length;
  }
  const rest = flat.slice(start).trim();
  if (rest !== '') sentences.push(rest);
  return sentences;
}

function isAbbreviation(word: string): boolean {
  if (/^[A-Za-z]$/.test(word)) return true;
  if (/^([A-Za-z]\.)+[A-Za-z]$/.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}
