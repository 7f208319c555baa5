/** Every way input data can be rejected; callers branch on `code`, never on message text. */
export type DataErrorCode =
  | 'FILE_NOT_FOUND'
  | 'EMPTY'
  | 'MALFORMED_CSV'
  | 'MISSING_COLUMN'
  | 'EXTRA_COLUMN'
  | 'NON_NUMERIC'
  | 'NON_FINITE'
  | 'MISSING_VALUE'
  | 'INVALID_DATE'
  | 'DUPLICATE_DATE'
  | 'UNSORTED_DATE'
  | 'INVALID_VALUE'
  | 'INVALID_ARGUMENT';

/** Where the bad input is. `row` is the 1-based data row (the header is not counted). */
export interface DataErrorLocation {
  file?: string;
  row?: number;
  column?: string;
  /** The name of a bad function argument, e.g. `fractions.train`. */
  parameter?: string;
}

/**
 * A typed rejection of input data. The message reads
 * `<file>: row <row>, column "<column>": <detail>`, leaving out the parts that
 * are not known, so a person can find the cell without a debugger.
 */
export class DataError extends Error {
  override readonly name = 'DataError';
  readonly code: DataErrorCode;
  // `declare`: only the location parts that are known become own properties.
  declare readonly file?: string;
  declare readonly row?: number;
  declare readonly column?: string;
  declare readonly parameter?: string;
  /** The message without the location prefix. */
  readonly detail: string;

  constructor(code: DataErrorCode, detail: string, location: DataErrorLocation = {}) {
    super(formatDataErrorMessage(detail, location));
    this.code = code;
    this.detail = detail;
    const self = this as { file?: string; row?: number; column?: string; parameter?: string };
    if (location.file !== undefined) self.file = location.file;
    if (location.row !== undefined) self.row = location.row;
    if (location.column !== undefined) self.column = location.column;
    if (location.parameter !== undefined) self.parameter = location.parameter;
  }
}

function formatDataErrorMessage(detail: string, location: DataErrorLocation): string {
  const where: string[] = [];
  if (location.row !== undefined) where.push(`row ${location.row}`);
  if (location.column !== undefined) where.push(`column ${JSON.stringify(location.column)}`);
  const place = where.join(', ');
  const prefix = [location.file, place].filter((part) => part !== undefined && part !== '').join(': ');
  return prefix === '' ? detail : `${prefix}: ${detail}`;
}
