import { DataError, readCsvRecords, readCsvTable, type CsvSchema } from '@tethys/data';

/** Periodic simple returns by date: `returns[c][t]` is column `columns[c]` on `dates[t]`. */
export interface ReturnsTable {
  file: string;
  dates: string[];
  columns: string[];
  returns: Float64Array[];
}

const DATE_COLUMN = 'date';

/**
 * Reads a returns CSV: a `date` column (ISO-8601, strictly increasing) and one
 * or more columns of periodic simple returns (0.01 = +1%). Every cell must be
 * a finite number >= -1 (a loss beyond 100% is no simple return); errors name
 * the file, row and column.
 */
export function readReturnsCsv(file: string): ReturnsTable {
  const { header } = readCsvRecords(file);
  if (!header.includes(DATE_COLUMN)) {
    throw new DataError('MISSING_COLUMN', `a returns file needs a "${DATE_COLUMN}" column; found ${header.join(', ')}`, { file, column: DATE_COLUMN });
  }
  const columns = header.filter((name) => name !== DATE_COLUMN);
  if (columns.length === 0) {
    throw new DataError('EMPTY', `no return columns besides "${DATE_COLUMN}"`, { file });
  }
  const schema: CsvSchema = {
    columns: { [DATE_COLUMN]: { type: 'date' }, ...Object.fromEntries(columns.map((name) => [name, { type: 'number' }])) },
    orderBy: DATE_COLUMN,
  };
  const table = readCsvTable(file, schema);
  if (table.numRows() === 0) throw new DataError('EMPTY', 'no data rows', { file });
  const dates = Array.from(table.array(DATE_COLUMN) as ArrayLike<string>);
  const returns = columns.map((name) => {
    const values = Float64Array.from(table.array(name) as ArrayLike<number>);
    const bad = values.findIndex((value) => value < -1);
    if (bad >= 0) {
      throw new DataError('INVALID_VALUE', `a simple return must be >= -1 (a 100% loss), got ${values[bad]}`, { file, row: bad + 1, column: name });
    }
    return values;
  });
  return { file, dates, columns, returns };
}

/**
 * The benchmark's returns on the given dates. The benchmark file has a `date`
 * column and exactly one return column; it may hold extra dates (dropped), but
 * every date of the returns must be in it.
 */
export function benchmarkOnDates(benchmark: ReturnsTable, dates: readonly string[], returnsFile: string): Float64Array {
  if (benchmark.columns.length !== 1) {
    throw new DataError(
      'EXTRA_COLUMN',
      `a benchmark file has a "${DATE_COLUMN}" column and exactly one return column; found ${benchmark.columns.length} (${benchmark.columns.join(', ')})`,
      { file: benchmark.file },
    );
  }
  const byDate = new Map(benchmark.dates.map((date, t) => [date, benchmark.returns[0][t]]));
  const missing = dates.filter((date) => !byDate.has(date));
  if (missing.length === dates.length) {
    throw new DataError(
      'MISSING_VALUE',
      `no dates in common with ${returnsFile}: the returns run ${dates[0]} .. ${dates[dates.length - 1]}, the benchmark ${benchmark.dates[0]} .. ${benchmark.dates[benchmark.dates.length - 1]}`,
      { file: benchmark.file },
    );
  }
  if (missing.length > 0) {
    const shown = missing.slice(0, 3).join(', ');
    throw new DataError(
      'MISSING_VALUE',
      `${missing.length} date(s) of ${returnsFile} missing from the benchmark, first ${shown}${missing.length > 3 ? ', ...' : ''}`,
      { file: benchmark.file },
    );
  }
  return Float64Array.from(dates, (date) => byDate.get(date) as number);
}
