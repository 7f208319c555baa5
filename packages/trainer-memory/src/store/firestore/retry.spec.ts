import { createRng } from '@tethys/data';
import { backoffDelayMs, isTransientFirestoreError, withRetry } from './retry';

function grpcError(code: number, message: string): Error & { code: number } {
  return Object.assign(new Error(message), { code });
}

describe('withRetry', () => {
  it('retries a fake that fails twice with UNAVAILABLE, waiting with growing jittered delays', async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async (attempt) => {
        calls += 1;
        expect(attempt).toBe(calls);
        if (calls <= 2) throw grpcError(14, '14 UNAVAILABLE: connection reset');
        return 'written';
      },
      { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 10_000, rng: createRng(7), sleep: async (ms) => void delays.push(ms) },
    );
    expect(result).toBe('written');
    expect(calls).toBe(3);
    expect(delays).toHaveLength(2);
    // Equal jitter: retry n waits in [step/2, step) with step = base * 2^(n-1).
    expect(delays[0]).toBeGreaterThanOrEqual(50);
    expect(delays[0]).toBeLessThan(100);
    expect(delays[1]).toBeGreaterThanOrEqual(100);
    expect(delays[1]).toBeLessThan(200);
  });

  it('draws the same delays from the same seed, different ones from another seed', () => {
    const draw = (seed: number) => {
      const policy = { baseDelayMs: 100, maxDelayMs: 1000, rng: createRng(seed) };
      return [1, 2, 3, 4, 5, 6].map((retry) => backoffDelayMs(retry, policy));
    };
    expect(draw(3)).toEqual(draw(3));
    expect(draw(3)).not.toEqual(draw(4));
    // Capped: from retry 5 on the step is maxDelayMs.
    for (const delay of draw(3).slice(4)) {
      expect(delay).toBeGreaterThanOrEqual(500);
      expect(delay).toBeLessThan(1000);
    }
  });

  it('does not retry a permanent error', async () => {
    let calls = 0;
    const denied = grpcError(7, '7 PERMISSION_DENIED');
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw denied;
        },
        { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 1, rng: createRng(1), sleep: async () => undefined },
      ),
    ).rejects.toBe(denied);
    expect(calls).toBe(1);
  });

  it('gives up after maxAttempts with the last transient error', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw grpcError(4, `4 DEADLINE_EXCEEDED #${calls}`);
        },
        { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, rng: createRng(1), sleep: async () => undefined },
      ),
    ).rejects.toThrow('4 DEADLINE_EXCEEDED #3');
    expect(calls).toBe(3);
  });
});

describe('isTransientFirestoreError', () => {
  it('knows the transient gRPC codes by number and by name', () => {
    expect([4, 10, 14].map((code) => isTransientFirestoreError({ code }))).toEqual([true, true, true]);
    expect(['unavailable', 'aborted', 'deadline-exceeded', 'UNAVAILABLE'].every((code) => isTransientFirestoreError({ code }))).toBe(true);
    expect([5, 6, 7, 'not-found', undefined].some((code) => isTransientFirestoreError({ code }))).toBe(false);
    expect(isTransientFirestoreError(null)).toBe(false);
  });
});
