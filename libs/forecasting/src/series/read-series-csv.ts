import { DataError, readCsvRecords, type CsvRecords } from '@tethys/data';
import { parseTimeKey, type TimeKind } from './time-key';
import type { TimeSeries } from './time-series';

export type SeriesCsvFormat = 'wide' | 'long' | 'auto';

export interface ReadSeriesCsvOptions {
  /**
   * `wide`: a time column and one column per series; `long`: one row per
   * observation with series id, time and value columns; `auto` (default):
   * long when the header names an id column and a value column, else wide.
   */
  format?: SeriesCsvFormat;
  /** Wide: defaults to the first column. Long: defaults to a column named time/date/timestamp/ds/datetime/period/month. */
  timeColumn?: string;
  /** Long only: defaults to a column named series/series_id/unique_id/id/name/symbol/ticker/key. */
  idColumn?: string;
  /** Long only: defaults to a column named value/y/target. */
  valueColumn?: string;
}

const ID_NAMES = ['series', 'series_id', 'unique_id', 'id', 'name', 'symbol', 'ticker', 'key'];
const TIME_NAMES = ['time', 'date', 'timestamp', 'ds', 'datetime', 'period', 'month'];
const VALUE_NAMES = ['value', 'y', 'target'];
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE_TOKEN = /^[+-]?(?:nan|inf|infinity)$/i;

/** Where a cell is, for errors that name file, data row (1-based), column and line. */
interface CellPlace {
  file: string;
  rowIndex: number;
  column: string;
  line: number;
}

/**
 * Reads one or more series from a CSV file. Each series' times must strictly
 * increase in file order, and a series may have no missing value between its
 * first and last observation (wide files may leave leading/trailing cells of a
 * series empty, for series that start late or end early). Every rejection is a
 * DataError naming the file, data row and column. Gaps in time itself (a
 * skipped date) are not detected: business-day calendars are irregular.
 */
export function readSeriesCsv(file: string, options: ReadSeriesCsvOptions = {}): TimeSeries[] {
  const records = readCsvRecords(file);
  const format = options.format ?? 'auto';
  if (format !== 'wide' && format !== 'long' && format !== 'auto') {
    throw new DataError('INVALID_ARGUMENT', `format must be wide, long or auto, got ${JSON.stringify(format)}`, {
      file,
      parameter: 'format',
    });
  }
  const isLong =
    format === 'long' ||
    (format === 'auto' &&
      (options.idColumn !== undefined ||
        (findColumn(records.header, ID_NAMES) !== undefined && findColumn(records.header, VALUE_NAMES) !== undefined)));
  return isLong ? readLong(file, records, options) : readWide(file, records, options);
}

function readWide(file: string, records: CsvRecords, options: ReadSeriesCsvOptions): TimeSeries[] {
  const { header, rows, lines } = records;
  const timeColumn = options.timeColumn ?? header[0];
  const timeIndex = requireColumn(file, header, timeColumn, 'timeColumn');
  if (header.length < 2) {
    throw new DataError('MISSING_COLUMN', 'a wide series file needs a time column and at least one series column', {
      file,
    });
  }
  const times: string[] = [];
  let kind: TimeKind | undefined;
  let previousKey = Number.NEGATIVE_INFINITY;
  rows.forEach((fields, rowIndex) => {
    const place = { file, rowIndex, column: timeColumn, line: lines[rowIndex] };
    const parsed = parseTime(fields[timeIndex], place, kind);
    checkIncreasing(parsed.key, previousKey, fields[timeIndex], place);
    kind = parsed.kind;
    previousKey = parsed.key;
    times.push(fields[timeIndex].trim());
  });

  const series: TimeSeries[] = [];
  header.forEach((column, fieldIndex) => {
    if (fieldIndex === timeIndex) return;
    const cells = rows.map((fields) => fields[fieldIndex].trim());
    const first = cells.findIndex((cell) => cell !== '');
    if (first === -1) {
      throw new DataError('EMPTY', 'series column has no values', { file, column });
    }
    let last = cells.length - 1;
    while (cells[last] === '') last--;
    const values = new Float64Array(last - first + 1);
    for (let rowIndex = first; rowIndex <= last; rowIndex++) {
      values[rowIndex - first] = parseValue(cells[rowIndex], { file, rowIndex, column, line: lines[rowIndex] });
    }
    series.push({ name: column, times: times.slice(first, last + 1), values });
  });
  return series;
}

function readLong(file: string, records: CsvRecords, options: ReadSeriesCsvOptions): TimeSeries[] {
  const { header, rows, lines } = records;
  // A bare three-column long file without recognised names is read as (id, time, value).
  const positional = header.length === 3;
  const idColumn = options.idColumn ?? findColumn(header, ID_NAMES) ?? (positional ? header[0] : undefined);
  const timeColumn = options.timeColumn ?? findColumn(header, TIME_NAMES) ?? (positional ? header[1] : undefined);
  const valueColumn = options.valueColumn ?? findColumn(header, VALUE_NAMES) ?? (positional ? header[2] : undefined);
  const idIndex = requireColumn(file, header, idColumn, 'idColumn');
  const timeIndex = requireColumn(file, header, timeColumn, 'timeColumn');
  const valueIndex = requireColumn(file, header, valueColumn, 'valueColumn');

  interface Building {
    times: string[];
    values: number[];
    kind: TimeKind;
    lastKey: number;
  }
  const byId = new Map<string, Building>();
  rows.forEach((fields, rowIndex) => {
    const line = lines[rowIndex];
    const id = fields[idIndex].trim();
    if (id === '') {
      throw new DataError('MISSING_VALUE', `series id is empty (line ${line})`, {
        file,
        row: rowIndex + 1,
        column: header[idIndex],
      });
    }
    const timePlace = { file, rowIndex, column: header[timeIndex], line };
    const building = byId.get(id);
    const parsed = parseTime(fields[timeIndex], timePlace, building?.kind);
    if (building !== undefined) checkIncreasing(parsed.key, building.lastKey, fields[timeIndex], timePlace, id);
    const value = parseValue(fields[valueIndex].trim(), { file, rowIndex, column: header[valueIndex], line });
    const target = building ?? { times: [], values: [], kind: parsed.kind, lastKey: parsed.key };
    target.times.push(fields[timeIndex].trim());
    target.values.push(value);
    target.lastKey = parsed.key;
    if (building === undefined) byId.set(id, target);
  });
  return [...byId].map(([name, built]) => ({ name, times: built.times, values: Float64Array.from(built.values) }));
}

function findColumn(header: string[], candidates: string[]): string | undefined {
  for (const candidate of candidates) {
    const found = header.find((name) => name.trim().toLowerCase() === candidate);
    if (found !== undefined) return found;
  }
  return undefined;
}

function requireColumn(file: string, header: string[], column: string | undefined, parameter: string): number {
  const index = column === undefined ? -1 : header.indexOf(column);
  if (index === -1) {
    const found = header.map((name) => JSON.stringify(name)).join(', ');
    throw new DataError(
      'MISSING_COLUMN',
      column === undefined
        ? `no ${parameter} given and none recognised by name; found ${found}`
        : `column not in header; found ${found}`,
      column === undefined ? { file, parameter } : { file, column, parameter },
    );
  }
  return index;
}

function parseTime(cell: string, place: CellPlace, expectedKind: TimeKind | undefined): { kind: TimeKind; key: number } {
  const parsed = parseTimeKey(cell);
  if (parsed === null) {
    throw cellError(
      'INVALID_DATE',
      `expected a number or an ISO-8601 date (YYYY-MM-DD[THH:MM[:SS]][Z|±HH:MM]), got ${JSON.stringify(cell)}`,
      place,
    );
  }
  if (expectedKind !== undefined && parsed.kind !== expectedKind) {
    throw cellError('INVALID_DATE', `${JSON.stringify(cell)} mixes numeric and date times in one series`, place);
  }
  return parsed;
}

function checkIncreasing(key: number, previousKey: number, cell: string, place: CellPlace, id?: string): void {
  const within = id === undefined ? '' : ` of series ${JSON.stringify(id)}`;
  if (key === previousKey) {
    throw cellError('DUPLICATE_DATE', `time ${JSON.stringify(cell.trim())} repeats the previous time${within}`, place);
  }
  if (key < previousKey) {
    throw cellError(
      'UNSORTED_DATE',
      `time ${JSON.stringify(cell.trim())} comes before the previous time${within}; times must strictly increase`,
      place,
    );
  }
}

function parseValue(text: string, place: CellPlace): number {
  if (text === '') {
    throw cellError('MISSING_VALUE', 'missing value inside a series (series may not have gaps)', place);
  }
  const value = DECIMAL.test(text) ? Number(text) : Number.NaN;
  if (Number.isFinite(value)) return value;
  if (DECIMAL.test(text) || NON_FINITE_TOKEN.test(text)) {
    throw cellError('NON_FINITE', `${JSON.stringify(text)} is not a finite number`, place);
  }
  throw cellError('NON_NUMERIC', `expected a number, got ${JSON.stringify(text)}`, place);
}

function cellError(code: DataError['code'], detail: string, place: CellPlace): DataError {
  return new DataError(code, `${detail} (line ${place.line})`, {
    file: place.file,
    row: place.rowIndex + 1,
    column: place.column,
  });
}
