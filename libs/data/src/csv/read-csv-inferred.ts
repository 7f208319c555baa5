import { table, type ColumnTable } from 'arquero';
import { DataError, type DataErrorCode } from '../errors/data-error';
import { readTextFile } from '../files/read-text-file';
import { formatNames } from './load-csv-columns';
import { decimalValue, isNonFiniteToken } from './parse-cells';
import { parseCsv } from './parse-csv';

export interface InferredCsv {
  table: ColumnTable;
  /** Numeric columns in header order, excluding `options.exclude`. */
  numericColumns: string[];
}

interface ColumnFinding {
  code: DataErrorCode;
  rowIndex: number;
  detail: string;
}

/**
 * Loads any labelled CSV without a schema. A column is numeric when it has at
 * least one finite number and every non-empty cell is a finite decimal number;
 * it becomes a Float64Array. A numeric column with an empty cell (MISSING_VALUE)
 * or a NaN/Inf cell (NON_FINITE) is an error naming the earliest such row,
 * rather than silently turning the column into text. Other columns stay strings.
 * Columns in `exclude` (labels, ids) are kept verbatim as strings and are never
 * listed as numeric; naming a column that does not exist is MISSING_COLUMN.
 */
export function readCsvInferred(file: string, options: { exclude?: string[] } = {}): InferredCsv {
  const { header, rows, lines } = parseCsv(readTextFile(file), file);
  const excluded = new Set(options.exclude ?? []);
  for (const name of excluded) {
    if (!header.includes(name)) {
      throw new DataError('MISSING_COLUMN', `excluded column not in header; found ${formatNames(header)}`, {
        file,
        column: name,
      });
    }
  }

  const columns: Record<string, Float64Array | string[]> = {};
  const numericColumns: string[] = [];
  let firstProblem: (ColumnFinding & { column: string }) | undefined;

  header.forEach((name, fieldIndex) => {
    const cells = rows.map((fields) => fields[fieldIndex]);
    const numbers = excluded.has(name) ? undefined : inferNumeric(cells);
    if (numbers === undefined) {
      columns[name] = cells;
      return;
    }
    if ('code' in numbers) {
      // Report the earliest bad row over all columns, as a row-by-row reader would.
      if (firstProblem === undefined || numbers.rowIndex < firstProblem.rowIndex) {
        firstProblem = { ...numbers, column: name };
      }
      return;
    }
    columns[name] = numbers;
    numericColumns.push(name);
  });

  if (firstProblem !== undefined) {
    throw new DataError(firstProblem.code, `${firstProblem.detail} (line ${lines[firstProblem.rowIndex]})`, {
      file,
      row: firstProblem.rowIndex + 1,
      column: firstProblem.column,
    });
  }
  return { table: table(columns, header), numericColumns };
}

/** The column as numbers, a finding that rules numbers out with an error, or undefined for text. */
function inferNumeric(cells: string[]): Float64Array | ColumnFinding | undefined {
  const values = new Float64Array(cells.length);
  let finiteCount = 0;
  let firstEmpty = -1;
  let firstNonFinite = -1;
  for (let rowIndex = 0; rowIndex < cells.length; rowIndex++) {
    const text = cells[rowIndex].trim();
    if (text === '') {
      if (firstEmpty < 0) firstEmpty = rowIndex;
      continue;
    }
    const value = decimalValue(text);
    if (Number.isFinite(value)) {
      values[rowIndex] = value;
      finiteCount++;
      continue;
    }
    // Overflow (1e999) or a NaN/Inf spelling: numeric in form, but not finite.
    if (!Number.isNaN(value) || isNonFiniteToken(text)) {
      if (firstNonFinite < 0) firstNonFinite = rowIndex;
      continue;
    }
    return undefined; // real text: a string column
  }
  if (finiteCount === 0) return undefined; // no evidence of numbers (all empty or all NaN)
  if (firstNonFinite >= 0 && (firstEmpty < 0 || firstNonFinite < firstEmpty)) {
    return {
      code: 'NON_FINITE',
      rowIndex: firstNonFinite,
      detail: `${JSON.stringify(cells[firstNonFinite])} is not a finite number in a numeric column`,
    };
  }
  if (firstEmpty >= 0) {
    return { code: 'MISSING_VALUE', rowIndex: firstEmpty, detail: 'empty cell in a numeric column' };
  }
  return values;
}
