/**
 * What went wrong with an artifact directory. Writers see the first four;
 * loaders see the rest.
 */
export type ArtifactErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INPUT_MISSING'
  | 'WRITE_FAILED'
  | 'NOT_FOUND'
  | 'MANIFEST_MISSING'
  | 'MANIFEST_MALFORMED'
  | 'SCHEMA_VERSION'
  | 'KIND_MISMATCH'
  | 'FILE_MISSING'
  | 'HASH_MISMATCH'
  | 'UNEXPECTED_FILE'
  | 'NOT_LISTED'
  | 'INVALID_JSON';

/**
 * A typed error about one artifact directory (and, where it applies, one file
 * inside it). The message reads `<dir>: <file>: <what happened>` so a CLI can
 * print it as is.
 */
export class ArtifactError extends Error {
  override readonly name = 'ArtifactError';
  readonly code: ArtifactErrorCode;
  readonly dir: string;
  readonly file?: string;

  constructor(
    code: ArtifactErrorCode,
    dir: string,
    detail: string,
    options: { file?: string; cause?: unknown } = {},
  ) {
    const location = options.file === undefined ? dir : `${dir}: ${options.file}`;
    super(`${location}: ${detail}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.dir = dir;
    if (options.file !== undefined) this.file = options.file;
  }
}

/**
 * The message of any thrown value, for wrapping causes into our own messages.
 * Duck-typed rather than `instanceof Error`: errors from another realm (a vm
 * context, a test sandbox) are still errors.
 */
export function describeCause(cause: unknown): string {
  const message = typeof cause === 'object' && cause !== null ? (cause as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(cause);
}
