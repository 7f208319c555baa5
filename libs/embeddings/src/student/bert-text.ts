/**
 * BERT text normalisation and pre-tokenisation, written to agree character for
 * character with `@huggingface/tokenizers` (the tokenizer transformers.js 4 runs)
 * for a tokenizer.json with `BertNormalizer` { clean_text, handle_chinese_chars,
 * lowercase, strip_accents } and `BertPreTokenizer`. Keep the quirks: they are
 * what makes the TypeScript ids equal the served model's ids.
 */

/** Unicode punctuation plus every ASCII non-alphanumeric printable (`$`, `+`, `<`, ... count as punctuation in BERT). */
const PUNCTUATION = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
const PRE_TOKEN = new RegExp(`[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`, 'gu');
const CONTROL = /^(?:\p{Cc}|\p{Cf}|\p{Co}|\p{Cs})$/u;
const WHITESPACE = /^\s$/;
const NON_SPACING_MARK = /\p{Mn}/gu;

/** CJK ideograph blocks (by UTF-16 code unit, as the reference does), each spaced out into its own word. */
function isChineseCodeUnit(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff)
  );
}

function cleanText(text: string): string {
  let output = '';
  for (const char of text) {
    const unit = char.charCodeAt(0);
    if (unit === 0 || unit === 0xfffd) continue;
    if (char !== '\t' && char !== '\n' && char !== '\r' && CONTROL.test(char)) continue;
    output += WHITESPACE.test(char) ? ' ' : char;
  }
  return output;
}

function spaceOutChinese(text: string): string {
  let output = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    output += isChineseCodeUnit(char.charCodeAt(0)) ? ` ${char} ` : char;
  }
  return output;
}

/** BertNormalizer(clean_text, handle_chinese_chars, lowercase, strip_accents): lower-cased, NFD with combining marks removed. */
export function normalizeBertText(text: string): string {
  const lowered = spaceOutChinese(cleanText(text)).toLowerCase();
  return lowered.normalize('NFD').replace(NON_SPACING_MARK, '');
}

/** BertPreTokenizer: runs of non-space, non-punctuation characters, and each punctuation character on its own. */
export function preTokenizeBert(normalized: string): string[] {
  return normalized.trim().match(PRE_TOKEN) ?? [];
}

/** The words a text splits into before WordPiece (normalise, then pre-tokenise). */
export function bertWords(text: string): string[] {
  return preTokenizeBert(normalizeBertText(text));
}
