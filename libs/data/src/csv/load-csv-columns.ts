import { DataError } from '../errors/data-error';
import { readTextFile } from '../files/read-text-file';
import { validateCsvSchema, type ColumnSpec, type CsvSchema } from './csv-schema';
import {
  CellProblem,
  isEmptyCell,
  parseBooleanCell,
  parseDateCell,
  parseIntegerCell,
  parseNumberCell,
} from './parse-cells';
import { parseCsv, type CsvRecords } from './parse-csv';

export type ColumnValues = Float64Array | (string | null)[] | (boolean | null)[];

/** Typed columns read from a CSV file, plus where each row came from for later checks. */
export interface LoadedCsvColumns {
  /** Column names in schema order. */
  names: string[];
  columns: Record<string, ColumnValues>;
  rowCount: number;
  /** `lines[i]` is the file line of data row `i + 1`. */
  lines: number[];
}

interface ColumnPlan {
  name: string;
  nullable: boolean;
  fieldIndex: number;
  values: ColumnValues;
  /** Converts a non-empty cell and stores it at `rowIndex`; throws CellProblem. */
  store(rowIndex: number, cell: string): void;
}

/**
 * Reads and types the schema's columns, row by row, so the first error reported
 * is the earliest bad row in the file. Shared by readCsvTable and readPricePanel.
 */
export function loadCsvColumns(file: string, schema: CsvSchema): LoadedCsvColumns {
  validateCsvSchema(schema);
  return typeCsvRecords(parseCsv(readTextFile(file), file), file, schema);
}

/**
 * A further rule for a number column's parsed values (for example "prices are
 * positive"): returns a reason to reject the value, or null to accept it.
 */
export type NumberCheck = (value: number) => string | null;

/**
 * The typing step alone, for callers that need the header before they can
 * write the schema. `numberChecks` add INVALID_VALUE rules per number column.
 */
export function typeCsvRecords(
  records: CsvRecords,
  file: string,
  schema: CsvSchema,
  numberChecks: Record<string, NumberCheck> = {},
): LoadedCsvColumns {
  validateCsvSchema(schema);
  const { header, rows, lines } = records;
  const names = Object.keys(schema.columns);

  for (const name of names) {
    if (!header.includes(name)) {
      throw new DataError('MISSING_COLUMN', `column not in header; found ${formatNames(header)}`, {
        file,
        column: name,
      });
    }
  }
  if ((schema.extraColumns ?? 'error') === 'error') {
    const extra = header.find((name) => !Object.hasOwn(schema.columns, name));
    if (extra !== undefined) {
      throw new DataError('EXTRA_COLUMN', "column not declared in the schema (set extraColumns: 'ignore' to drop it)", {
        file,
        column: extra,
      });
    }
  }

  const rowCount = rows.length;
  const plans: ColumnPlan[] = names.map((name) => ({
    name,
    nullable: schema.columns[name].nullable === true,
    fieldIndex: header.indexOf(name),
    ...columnStore(schema.columns[name], rowCount, name === schema.orderBy, numberChecks[name]),
  }));

  let rowIndex = 0;
  let plan: ColumnPlan = plans[0];
  try {
    for (rowIndex = 0; rowIndex < rowCount; rowIndex++) {
      const fields = rows[rowIndex];
      for (plan of plans) {
        const cell = fields[plan.fieldIndex];
        if (!isEmptyCell(cell)) {
          plan.store(rowIndex, cell);
        } else if (!plan.nullable) {
          throw new CellProblem('MISSING_VALUE', 'empty cell in a non-nullable column');
        } else if (plan.values instanceof Float64Array) {
          plan.values[rowIndex] = Number.NaN; // other column kinds start filled with null
        }
      }
    }
  } catch (error) {
    if (!(error instanceof CellProblem)) throw error;
    throw new DataError(error.code, `${error.detail} (line ${lines[rowIndex]})`, {
      file,
      row: rowIndex + 1,
      column: plan.name,
    });
  }

  const columns: Record<string, ColumnValues> = {};
  for (const { name, values } of plans) columns[name] = values;
  return { names, columns, rowCount, lines };
}

/** The column's storage and a converter for its declared type. */
function columnStore(
  spec: ColumnSpec,
  rowCount: number,
  checkOrder: boolean,
  numberCheck: NumberCheck | undefined,
): Pick<ColumnPlan, 'values' | 'store'> {
  switch (spec.type) {
    case 'number':
    case 'integer': {
      const values = new Float64Array(rowCount);
      const parse = spec.type === 'number' ? parseNumberCell : parseIntegerCell;
      if (numberCheck === undefined) {
        return { values, store: (rowIndex, cell) => (values[rowIndex] = parse(cell)) };
      }
      const store = (rowIndex: number, cell: string): void => {
        const value = parse(cell);
        const problem = numberCheck(value);
        if (problem !== null) throw new CellProblem('INVALID_VALUE', problem);
        values[rowIndex] = value;
      };
      return { values, store };
    }
    case 'boolean': {
      const values: (boolean | null)[] = new Array(rowCount).fill(null);
      return { values, store: (rowIndex, cell) => (values[rowIndex] = parseBooleanCell(cell)) };
    }
    case 'string': {
      const values: (string | null)[] = new Array(rowCount).fill(null);
      return { values, store: (rowIndex, cell) => (values[rowIndex] = cell) };
    }
    case 'date': {
      const values: (string | null)[] = new Array(rowCount).fill(null);
      if (!checkOrder) {
        return { values, store: (rowIndex, cell) => (values[rowIndex] = parseDateCell(cell).text) };
      }
      // Ordering compares parsed times, so '2025-01-03' and '2025-01-03T00:00:00Z' are duplicates.
      let previousTime = Number.NEGATIVE_INFINITY;
      let previousText = '';
      const store = (rowIndex: number, cell: string): void => {
        const { text, time } = parseDateCell(cell);
        if (time === previousTime) {
          throw new CellProblem('DUPLICATE_DATE', `${text} repeats the previous row's date ${previousText}`);
        }
        if (time < previousTime) {
          throw new CellProblem(
            'UNSORTED_DATE',
            `${text} is earlier than the previous row's ${previousText}; dates must be strictly increasing`,
          );
        }
        previousTime = time;
        previousText = text;
        values[rowIndex] = text;
      };
      return { values, store };
    }
  }
}

export function formatNames(names: string[]): string {
  return names.map((name) => JSON.stringify(name)).join(', ');
}
