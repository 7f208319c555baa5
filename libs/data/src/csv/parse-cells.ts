import type { DataErrorCode } from '../errors/data-error';
import { parseIsoTimestamp } from './iso-date';

/**
 * A cell that cannot become the declared type. Thrown by the cell parsers and
 * caught by the table readers, which add file, row, column and line.
 */
export class CellProblem extends Error {
  constructor(
    readonly code: DataErrorCode,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const NON_FINITE_TOKEN = /^[+-]?(?:nan|inf|infinity)$/i;

/**
 * The value of text written as a plain decimal or scientific number ('-1.5',
 * '2e-3', '.5'), which may overflow to ±Infinity; NaN for anything else.
 * Number() alone would also accept '', ' ', '0x1f', '0b1' and 'Infinity'. With
 * only digits, signs, '.', 'e' and 'E' present, Number() succeeds exactly for
 * the decimal grammar, so a character scan replaces a slower regex.
 */
export function decimalValue(text: string): number {
  const length = text.length;
  if (length === 0) return Number.NaN;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    const isDigit = code >= 0x30 && code <= 0x39;
    // '+' 0x2b, '-' 0x2d, '.' 0x2e, 'E' 0x45, 'e' 0x65
    if (!isDigit && code !== 0x2e && code !== 0x2d && code !== 0x2b && code !== 0x65 && code !== 0x45) {
      return Number.NaN;
    }
  }
  return Number(text);
}

/** True for the spellings of NaN and infinity that numeric exports use. */
export function isNonFiniteToken(text: string): boolean {
  return NON_FINITE_TOKEN.test(text);
}

/** Cells are compared trimmed: surrounding spaces never make a value. */
export function isEmptyCell(cell: string): boolean {
  return cell.trim() === '';
}

export function parseNumberCell(cell: string): number {
  const text = cell.trim();
  const value = decimalValue(text);
  if (Number.isFinite(value)) return value;
  if (!Number.isNaN(value)) {
    throw new CellProblem('NON_FINITE', `${JSON.stringify(cell)} overflows to a non-finite number`);
  }
  if (NON_FINITE_TOKEN.test(text)) {
    throw new CellProblem('NON_FINITE', `${JSON.stringify(cell)} is not a finite number`);
  }
  throw new CellProblem('NON_NUMERIC', `expected a number, got ${JSON.stringify(cell)}`);
}

export function parseIntegerCell(cell: string): number {
  const value = parseNumberCell(cell);
  if (!Number.isSafeInteger(value)) {
    throw new CellProblem('INVALID_VALUE', `expected an integer, got ${JSON.stringify(cell)}`);
  }
  return value;
}

export function parseBooleanCell(cell: string): boolean {
  const text = cell.trim().toLowerCase();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw new CellProblem('INVALID_VALUE', `expected true, false, 1 or 0, got ${JSON.stringify(cell)}`);
}

/** Validates an ISO-8601 date or timestamp; returns the trimmed text and its time for ordering. */
export function parseDateCell(cell: string): { text: string; time: number } {
  const text = cell.trim();
  const time = parseIsoTimestamp(text);
  if (time === null) {
    throw new CellProblem(
      'INVALID_DATE',
      `expected an ISO-8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]), got ${JSON.stringify(cell)}`,
    );
  }
  return { text, time };
}
