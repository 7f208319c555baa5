import { DataError } from '@tethys/data';
import { summarizeLatency } from './latency';

describe('summarizeLatency', () => {
  it('gives numpy-linear percentiles and sequential throughput', () => {
    const summary = summarizeLatency([4, 1, 3, 2, 10]);
    expect(summary.count).toBe(5);
    expect(summary.totalMs).toBe(20);
    expect(summary.meanMs).toBe(4);
    // Sorted 1 2 3 4 10: median at position 2; p95 at position 3.8 = 4 + 0.8 * 6.
    expect(summary.p50Ms).toBe(3);
    expect(summary.p95Ms).toBeCloseTo(8.8, 12);
    expect(summary.maxMs).toBe(10);
    expect(summary.qps).toBeCloseTo(250, 12);
  });

  it('rejects empty, negative and non-finite durations', () => {
    expect(() => summarizeLatency([])).toThrow(DataError);
    expect(() => summarizeLatency([1, -1])).toThrow(/durationsMs\[1\]/);
    expect(() => summarizeLatency([Number.NaN])).toThrow(DataError);
  });
});
