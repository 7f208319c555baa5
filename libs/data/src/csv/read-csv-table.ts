import { table, type ColumnTable } from 'arquero';
import type { CsvSchema } from './csv-schema';
import { loadCsvColumns } from './load-csv-columns';

/**
 * Loads a CSV file into an arquero table, checking every cell against the
 * declared schema. Columns come out in schema order: numbers (and integers) as
 * Float64Array with NaN for missing, strings/booleans/dates as arrays with null
 * for missing, dates as their validated ISO-8601 text. Synchronous on purpose:
 * training stages load once at start-up. Throws DataError naming file, row and column.
 */
export function readCsvTable(file: string, schema: CsvSchema): ColumnTable {
  const { names, columns } = loadCsvColumns(file, schema);
  return table(columns, names);
}
