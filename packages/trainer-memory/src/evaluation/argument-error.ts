import { DataError, type DataErrorCode } from '@tethys/data';

/**
 * A DataError about a function argument. DataError's message leaves `parameter`
 * out, so it is written into the detail: the message alone says what to fix.
 */
export function argumentError(code: DataErrorCode, parameter: string, detail: string): DataError {
  return new DataError(code, `${parameter}: ${detail}`, { parameter });
}
