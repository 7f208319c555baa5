/** Every way saving or loading model files can fail; callers branch on `code`. */
export type ModelFilesErrorCode =
  | 'NOT_FOUND'
  | 'MALFORMED_MODEL_JSON'
  | 'UNSAFE_PATH'
  | 'WEIGHTS_SIZE_MISMATCH'
  | 'UNSUPPORTED_ARTIFACTS'
  | 'UNEXPECTED_FILE'
  | 'WRITE_FAILED';

/**
 * A typed error about a model's files. The message reads
 * `<where>: <file>: <what happened>` (where = the directory or artifact).
 */
export class ModelFilesError extends Error {
  override readonly name = 'ModelFilesError';
  readonly code: ModelFilesErrorCode;
  /** The directory (or other source) the model files live in. */
  readonly location: string;
  readonly file?: string;

  constructor(code: ModelFilesErrorCode, location: string, detail: string, options: { file?: string; cause?: unknown } = {}) {
    const where = options.file === undefined ? location : `${location}: ${options.file}`;
    super(`${where}: ${detail}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.location = location;
    if (options.file !== undefined) this.file = options.file;
  }
}
