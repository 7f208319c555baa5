// Test-only helpers (not exported from the barrel): tiny CSV files in a temp
// directory, and one assertion for every field of a DataError.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError, type DataErrorCode } from '../errors/data-error';

export interface TempDir {
  /** Writes `content` verbatim to `name` inside the directory; returns the path. */
  write(name: string, content: string): string;
  path(name: string): string;
  remove(): void;
}

export function makeTempDir(prefix: string): TempDir {
  const root = mkdtempSync(join(tmpdir(), `tethys-data-${prefix}-`));
  return {
    write(name, content) {
      const file = join(root, name);
      writeFileSync(file, content, 'utf8');
      return file;
    },
    path: (name) => join(root, name),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

export interface ExpectedDataError {
  code: DataErrorCode;
  file?: string;
  row?: number;
  column?: string;
  parameter?: string;
  message: string | RegExp;
}

/** Runs `action`, which must throw a DataError whose fields all equal `expected` (absent means undefined). */
export function expectDataError(action: () => unknown, expected: ExpectedDataError): DataError {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DataError);
  const error = thrown as DataError;
  expect(error.name).toBe('DataError');
  expect({
    code: error.code,
    file: error.file,
    row: error.row,
    column: error.column,
    parameter: error.parameter,
  }).toEqual({
    code: expected.code,
    file: expected.file,
    row: expected.row,
    column: expected.column,
    parameter: expected.parameter,
  });
  if (typeof expected.message === 'string') expect(error.message).toBe(expected.message);
  else expect(error.message).toMatch(expected.message);
  return error;
}
