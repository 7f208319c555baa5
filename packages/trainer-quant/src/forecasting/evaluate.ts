import {
  intervalCoverage,
  intervalWidth,
  mae,
  mase,
  pinballLoss,
  quantileKey,
  rmse,
  sliceSeries,
  smape,
  type Forecast,
  type TimeSeries,
} from '@tethys/forecasting';
import { epochsRun, fitForecaster, isNeuralForecaster, lookbackOf, type AnyForecaster } from './models';

/** A companion series must share the scored series' times, so one cut point means the same date in both. */
function assertSameTimes(series: TimeSeries, companion: TimeSeries): void {
  const same = companion.times.length === series.times.length && companion.times.every((time, index) => time === series.times[index]);
  if (!same) throw new Error(`companion series ${JSON.stringify(companion.name)} does not share the times of ${JSON.stringify(series.name)}`);
}

/** The held-out test: `testWindows` forecasts of `horizon` steps, origins `stride` apart, the last ending at the series' end. */
export interface TestSplit {
  horizon: number;
  testWindows: number;
  stride: number;
  /** Season length of the MASE scale (in-sample seasonal naive MAE on the training part). */
  season: number;
}

export interface ForecastMetrics {
  mae: number;
  rmse: number;
  /** Percent, 0..200. */
  smape: number;
  mase: number;
  /** Mean pinball loss per quantile level ("0.1", ...), for the levels the model forecast. */
  pinball: Record<string, number>;
  /** Share of actuals inside [q0.1, q0.9]; null without those quantiles. */
  coverage80: number | null;
  /** Mean width of [q0.1, q0.9]; null without those quantiles. */
  width80: number | null;
  windows: number;
  points: number;
}

export interface Evaluation {
  metrics: ForecastMetrics;
  forecasts: Forecast[];
  /** Index of the first test point (= training length). */
  testStart: number;
  fitSeconds: number;
  /** Training windows x epochs / fit seconds (neural models; windows include the early-stopping split). */
  samplesPerSecond: number | null;
  epochs: number | null;
}

/** The index of the first test point: (testWindows - 1) * stride + horizon points before the end. */
export function testStartIndex(length: number, split: TestSplit): number {
  const testLength = (split.testWindows - 1) * split.stride + split.horizon;
  const start = length - testLength;
  if (start < 2) {
    throw new Error(
      `the series has ${length} points; ${split.testWindows} test windows of horizon ${split.horizon} and stride ${split.stride} need ${testLength} and leave too little to train on`,
    );
  }
  return start;
}

/**
 * Pools every window's points and scores them against the actuals. MASE is
 * scaled by the in-sample seasonal naive MAE of `trainValues` with `season`
 * (falling back to season 1 when the training part holds no full season).
 */
export function scoreForecasts(
  series: TimeSeries,
  forecasts: readonly Forecast[],
  origins: readonly number[],
  trainValues: Float64Array,
  season: number,
  quantiles: readonly number[],
): ForecastMetrics {
  if (forecasts.length === 0 || forecasts.length !== origins.length) {
    throw new Error(`expected one forecast per origin, got ${forecasts.length} forecasts for ${origins.length} origins`);
  }
  const actual: number[] = [];
  const predicted: number[] = [];
  const byLevel = new Map<string, number[]>();
  forecasts.forEach((forecast, w) => {
    const origin = origins[w];
    forecast.mean.forEach((value, step) => {
      actual.push(series.values[origin + step]);
      predicted.push(value);
    });
    for (const level of quantiles) {
      const values = forecast.quantiles?.[quantileKey(level)];
      if (values === undefined) continue;
      const pooled = byLevel.get(quantileKey(level)) ?? [];
      pooled.push(...values);
      byLevel.set(quantileKey(level), pooled);
    }
  });
  const pinball: Record<string, number> = {};
  for (const level of quantiles) {
    const values = byLevel.get(quantileKey(level));
    if (values !== undefined && values.length === actual.length) pinball[quantileKey(level)] = pinballLoss(actual, values, level);
  }
  const lower = byLevel.get(quantileKey(0.1));
  const upper = byLevel.get(quantileKey(0.9));
  const hasInterval = lower !== undefined && upper !== undefined && lower.length === actual.length && upper.length === actual.length;
  const scaleSeason = trainValues.length > season ? season : 1;
  return {
    mae: mae(actual, predicted),
    rmse: rmse(actual, predicted),
    smape: smape(actual, predicted),
    mase: mase(actual, predicted, trainValues, scaleSeason),
    pinball,
    coverage80: hasInterval ? intervalCoverage(actual, lower, upper) : null,
    width80: hasInterval ? intervalWidth(lower, upper) : null,
    windows: forecasts.length,
    points: actual.length,
  };
}

/**
 * Held-out evaluation of one model on one series: fit on everything before
 * the first test window (a neural model's early stopping uses the end of
 * that training part, never the test), then rolling-origin forecasts over
 * the test windows without refitting, scored against the actuals. A neural
 * model may also train on `companions` (same times, cut at the same point):
 * one multi-series fit, still scored on `series` alone.
 */
export async function evaluateForecaster(
  model: AnyForecaster,
  series: TimeSeries,
  split: TestSplit,
  quantiles: readonly number[],
  options: { fitPoints?: number; companions?: readonly TimeSeries[] } = {},
): Promise<Evaluation> {
  const start = testStartIndex(series.values.length, split);
  const train = sliceSeries(series, 0, start);
  const fitFrom = options.fitPoints === undefined ? 0 : Math.max(0, start - options.fitPoints);
  const companions = options.companions ?? [];
  if (companions.length > 0 && !isNeuralForecaster(model)) throw new Error('only the neural models train on companion series');
  companions.forEach((companion) => assertSameTimes(series, companion));
  // Companions are cut at the same time as the scored series: nothing at or after the test start is seen.
  const fitted = [fitFrom === 0 ? train : sliceSeries(series, fitFrom, start), ...companions.map((companion) => sliceSeries(companion, fitFrom, start))];
  const began = performance.now();
  await fitForecaster(model, fitted.length === 1 ? fitted[0] : fitted);
  const fitSeconds = (performance.now() - began) / 1000;
  const forecasts = model.historicalForecasts(series, { start, horizon: split.horizon, stride: split.stride });
  const origins = Array.from({ length: split.testWindows }, (_, w) => start + w * split.stride);
  const metrics = scoreForecasts(series, forecasts, origins, train.values, split.season, quantiles);
  const epochs = epochsRun(model);
  const lookback = lookbackOf(model);
  const windows = lookback === null ? 0 : fitted.length * Math.max(0, start - fitFrom - lookback - split.horizon + 1);
  return {
    metrics,
    forecasts,
    testStart: start,
    fitSeconds,
    epochs,
    samplesPerSecond: epochs === null || fitSeconds === 0 ? null : (windows * epochs) / fitSeconds,
  };
}
