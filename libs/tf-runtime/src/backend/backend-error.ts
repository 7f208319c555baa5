/**
 * A backend that was asked for cannot run: a package is missing, the request
 * is not a known backend, or the backend failed to initialise. The message
 * names what to install or change; `packages` lists the npm packages involved.
 */
export class TfBackendError extends Error {
  override readonly name = 'TfBackendError';
  /** The backend that was requested (`gpu`, `webgpu`, ...) or the raw bad value. */
  readonly requested: string;
  /** npm packages the failing backend needs (empty when none are involved). */
  readonly packages: readonly string[];

  constructor(requested: string, message: string, options: { packages?: readonly string[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.requested = requested;
    this.packages = options.packages ?? [];
  }
}

/** The message of any thrown value, for folding causes into our own messages. */
export function describeCause(cause: unknown): string {
  const message = typeof cause === 'object' && cause !== null ? (cause as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(cause);
}
