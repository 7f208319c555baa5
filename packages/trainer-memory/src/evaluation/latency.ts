import { argumentError } from './argument-error';
import { quantile } from '@tethys/finance-math';

/** Summary of measured per-operation durations (milliseconds). */
export interface LatencySummary {
  readonly count: number;
  readonly totalMs: number;
  readonly meanMs: number;
  /** Percentiles use numpy's default linear interpolation. */
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  /** Operations per second when run one after another: count / total seconds. */
  readonly qps: number;
}

export function summarizeLatency(durationsMs: readonly number[]): LatencySummary {
  if (durationsMs.length === 0) {
    throw argumentError('EMPTY', 'durationsMs', 'no durations to summarise');
  }
  let total = 0;
  let max = 0;
  durationsMs.forEach((duration, i) => {
    if (!Number.isFinite(duration) || duration < 0) {
      throw argumentError('INVALID_VALUE', `durationsMs[${i}]`, `duration must be a finite number >= 0, got ${duration}`);
    }
    total += duration;
    if (duration > max) max = duration;
  });
  return {
    count: durationsMs.length,
    totalMs: total,
    meanMs: total / durationsMs.length,
    p50Ms: quantile(durationsMs, 0.5),
    p95Ms: quantile(durationsMs, 0.95),
    maxMs: max,
    // A timer too coarse to see the work reads as zero time: report infinite throughput rather than divide by zero.
    qps: total > 0 ? durationsMs.length / (total / 1000) : Number.POSITIVE_INFINITY,
  };
}
