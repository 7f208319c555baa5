import { ForecastError } from '../errors/forecast-error';
import { normalInverseCdf as normalQuantile } from '@tethys/finance-math';

/** The levels a forecaster reports when none are asked for. */
export const DEFAULT_QUANTILE_LEVELS: readonly number[] = [0.1, 0.5, 0.9];

/** The key of a level in `Forecast.quantiles`: `String(level)`, e.g. "0.1". */
export function quantileKey(level: number): string {
  return String(level);
}

/** Validated, sorted, distinct levels strictly between 0 and 1. */
export function resolveQuantileLevels(levels: readonly number[] | undefined, parameter = 'quantiles'): number[] {
  const resolved = [...(levels ?? DEFAULT_QUANTILE_LEVELS)].sort((a, b) => a - b);
  resolved.forEach((level, index) => {
    if (!(level > 0 && level < 1)) {
      throw new ForecastError('INVALID_ARGUMENT', parameter, `levels must lie strictly between 0 and 1, got ${level}`);
    }
    if (index > 0 && level === resolved[index - 1]) {
      throw new ForecastError('INVALID_ARGUMENT', parameter, `level ${level} is listed twice`);
    }
  });
  return resolved;
}

/** Quantiles of independent normal forecast distributions N(mean[h], sd[h]^2). */
export function gaussianQuantiles(
  mean: Float64Array,
  sd: Float64Array,
  levels: readonly number[],
): Record<string, Float64Array> {
  const quantiles: Record<string, Float64Array> = {};
  for (const level of levels) {
    const z = normalQuantile(level);
    quantiles[quantileKey(level)] = mean.map((value, step) => value + z * sd[step]);
  }
  return quantiles;
}
