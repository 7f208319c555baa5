import { readFileSync } from 'node:fs';
import { DataError } from '../errors/data-error';

const NOT_A_READABLE_FILE = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/** Reads a UTF-8 file, turning "nothing there" into a typed FILE_NOT_FOUND error. */
export function readTextFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== undefined && NOT_A_READABLE_FILE.has(code)) {
      const detail = code === 'EISDIR' ? 'is a directory, not a file' : 'file not found';
      throw new DataError('FILE_NOT_FOUND', detail, { file });
    }
    throw error;
  }
}
