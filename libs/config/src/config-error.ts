/** What is wrong with a settings or params source. */
export type ConfigErrorCode = 'FILE_NOT_FOUND' | 'MALFORMED_JSON' | 'UNKNOWN_KEY' | 'INVALID_VALUE';

/**
 * A typed configuration error. `source` is the file path or the environment
 * variable the bad value came from; `key` the dotted key path (`a.b[2].c`).
 * The message reads `<source>: <key>: <problem>` so a CLI can print it as is.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code: ConfigErrorCode;
  readonly source: string;
  readonly key?: string;

  constructor(code: ConfigErrorCode, source: string, detail: string, options: { key?: string; cause?: unknown } = {}) {
    const location = options.key === undefined || options.key === '' ? source : `${source}: ${options.key}`;
    super(`${location}: ${detail}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.source = source;
    if (options.key !== undefined && options.key !== '') this.key = options.key;
  }
}
