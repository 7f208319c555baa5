import { PerformanceMetricError } from './errors';
import { compound, growthRate } from './returns';
import { type PeriodOptions, readPeriods, readReturns } from './series';

/**
 * Drawdowns of the compounded equity curve W_t = prod_{s<=t} (1 + r_s), measured against
 * the running peak INCLUDING the starting wealth 1 (quantstats' "phantom baseline"), so a
 * loss in the first period is a drawdown: dd_t = W_t / max(1, max_{s<=t} W_s) - 1 (<= 0).
 */
export function drawdownSeries(returns: ArrayLike<number>): Float64Array {
  return drawdownsOf(readReturns(returns, 'drawdownSeries'));
}

function drawdownsOf(values: Float64Array): Float64Array {
  const drawdowns = new Float64Array(values.length);
  let wealth = 1;
  let peak = 1;
  for (let t = 0; t < values.length; t++) {
    wealth *= 1 + values[t];
    if (wealth > peak) peak = wealth;
    // `+ 0` turns a -0 into 0, as quantstats' replace(-0, 0).
    drawdowns[t] = wealth / peak - 1 + 0;
  }
  return drawdowns;
}

/** Maximum drawdown, quantstats `max_drawdown`: min_t dd_t, a number in [-1, 0] (0 when wealth never falls). */
export function maxDrawdown(returns: ArrayLike<number>): number {
  return minimum(drawdownsOf(readReturns(returns, 'maxDrawdown')));
}

function minimum(values: Float64Array): number {
  let lowest = 0;
  for (let i = 0; i < values.length; i++) if (values[i] < lowest) lowest = values[i];
  return lowest;
}

/** One spell under water. Indices point into the return series. */
export interface DrawdownPeriod {
  /** First period below the previous peak. */
  start: number;
  /** Period of the deepest point (the first one, if the depth repeats). */
  valley: number;
  /** Last period below the peak (inclusive), as quantstats' `drawdown_details` `end`. */
  end: number;
  /** Periods under water: end - start + 1. */
  length: number;
  /** Depth at the valley, a negative fraction (-0.25 = 25% below the peak). */
  depth: number;
  /** Period at which wealth is back at the old peak (end + 1), or null if it never recovers. */
  recovery: number | null;
}

/**
 * Every drawdown spell in time order (quantstats `drawdown_details`, with indices for dates
 * and depth as a fraction, not a percentage). Empty when wealth never falls below a peak.
 */
export function drawdownPeriods(returns: ArrayLike<number>): DrawdownPeriod[] {
  const drawdowns = drawdownsOf(readReturns(returns, 'drawdownPeriods'));
  const spells: DrawdownPeriod[] = [];
  let start = -1;
  let valley = -1;
  const close = (end: number, recovery: number | null): void => {
    spells.push({ start, valley, end, length: end - start + 1, depth: drawdowns[valley], recovery });
    start = -1;
  };
  for (let t = 0; t < drawdowns.length; t++) {
    if (drawdowns[t] < 0) {
      if (start < 0) {
        start = t;
        valley = t;
      } else if (drawdowns[t] < drawdowns[valley]) {
        valley = t;
      }
    } else if (start >= 0) {
      close(t - 1, t);
    }
  }
  if (start >= 0) close(drawdowns.length - 1, null);
  return spells;
}

/** Calmar ratio, quantstats `calmar`: cagr / |max drawdown|. Undefined when there is no drawdown. */
export function calmar(returns: ArrayLike<number>, options: PeriodOptions = {}): number {
  const caller = 'calmar';
  const periods = readPeriods(options, caller);
  const values = readReturns(returns, caller);
  const worst = minimum(drawdownsOf(values));
  if (worst === 0) {
    throw new PerformanceMetricError('UNDEFINED_RATIO', 'returns', `${caller}: the series has no drawdown, so the ratio is undefined`);
  }
  return growthRate(compound(values), values.length / periods) / Math.abs(worst);
}

/**
 * Ulcer index, quantstats `ulcer_index`: sqrt(sum_t dd_t^2 / (n - 1)) (quantstats divides by
 * n - 1, not n). Needs two observations.
 */
export function ulcerIndex(returns: ArrayLike<number>): number {
  const drawdowns = drawdownsOf(readReturns(returns, 'ulcerIndex', 'returns', 2));
  let sum = 0;
  for (let t = 0; t < drawdowns.length; t++) sum += drawdowns[t] * drawdowns[t];
  return Math.sqrt(sum / (drawdowns.length - 1));
}
