import type { Rng } from '@tethys/data';

/** gRPC status codes that mean "try again": the request may not have reached the server, or lost a race. */
const TRANSIENT_GRPC_CODES = { DEADLINE_EXCEEDED: 4, ABORTED: 10, UNAVAILABLE: 14 } as const;
const TRANSIENT_NUMBERS = new Set<number>(Object.values(TRANSIENT_GRPC_CODES));
const TRANSIENT_NAMES = new Set<string>(Object.keys(TRANSIENT_GRPC_CODES));

/** True for UNAVAILABLE, ABORTED and DEADLINE_EXCEEDED, as numeric gRPC codes or names (`unavailable`, `deadline-exceeded`). */
export function isTransientFirestoreError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'number') return TRANSIENT_NUMBERS.has(code);
  if (typeof code === 'string') return TRANSIENT_NAMES.has(code.toUpperCase().replace(/-/g, '_'));
  return false;
}

export interface RetryPolicy {
  /** Total tries including the first. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Jitter source: seeded so a test (or a replay) sees the same delays. */
  readonly rng: Rng;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly isTransient?: (error: unknown) => boolean;
  /** Called before each wait, e.g. to log. */
  readonly onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Delay before retry number `retry` (1-based): "equal jitter", half of the capped
 * exponential step fixed and half uniform, so waits grow but concurrent clients
 * spread out instead of retrying in lockstep.
 */
export function backoffDelayMs(retry: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'rng'>): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return step / 2 + policy.rng.uniform(0, step / 2);
}

/** Runs `operation`, retrying transient failures with exponential backoff; other errors pass straight through. */
export async function withRetry<T>(operation: (attempt: number) => Promise<T>, policy: RetryPolicy): Promise<T> {
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a positive integer, got ${policy.maxAttempts}`);
  }
  const isTransient = policy.isTransient ?? isTransientFirestoreError;
  const sleep = policy.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (attempt >= policy.maxAttempts || !isTransient(error)) throw error;
      const delayMs = backoffDelayMs(attempt, policy);
      policy.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
}
