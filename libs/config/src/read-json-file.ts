import { readFileSync } from 'node:fs';
import { ConfigError } from './config-error';

/**
 * Reads and parses a JSON file. A missing or unreadable file is
 * FILE_NOT_FOUND; invalid JSON is MALFORMED_JSON with the parser's message
 * (and line/column where the parser gives a position). Both name the file.
 */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    const detail =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'is a directory, not a JSON file'
          : `could not be read (${(cause as Error).message})`;
    throw new ConfigError('FILE_NOT_FOUND', file, detail, { cause });
  }
  // Editors on Windows may save a byte-order mark, which JSON.parse rejects.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return JSON.parse(json);
  } catch (cause) {
    const message = (cause as Error).message;
    throw new ConfigError('MALFORMED_JSON', file, `not valid JSON: ${message}${lineAndColumn(json, message)}`, { cause });
  }
}

function lineAndColumn(text: string, parserMessage: string): string {
  const position = /position (\d+)/.exec(parserMessage);
  if (position === null) return '';
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column})`;
}
