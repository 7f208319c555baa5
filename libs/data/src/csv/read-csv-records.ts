import { readTextFile } from '../files/read-text-file';
import { parseCsv, type CsvRecords } from './parse-csv';

/** A CSV file's header and records as written (strings, nothing converted). */
export function readCsvRecords(file: string): CsvRecords {
  return parseCsv(readTextFile(file), file);
}
