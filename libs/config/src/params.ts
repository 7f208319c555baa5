import type { z } from 'zod';
import { readJsonFile } from './read-json-file';
import { parseWithConfigErrors } from './zod-issues';

/**
 * Validates an already-parsed params value against `schema`. `source` names
 * where it came from in error messages. Build schemas with `z.strictObject`
 * so misspelt keys are refused (UNKNOWN_KEY) instead of silently ignored.
 */
export function parseParams<S extends z.ZodType>(value: unknown, schema: S, source: string): z.infer<S> {
  return parseWithConfigErrors(schema, value, () => source);
}

/**
 * Reads a stage's params JSON file (for example `packages/trainer-quant/params.json`)
 * and validates it: FILE_NOT_FOUND, MALFORMED_JSON, UNKNOWN_KEY or
 * INVALID_VALUE, each naming the file and key.
 */
export function loadParams<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  return parseParams(readJsonFile(file), schema, file);
}
