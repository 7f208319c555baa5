import { normalInverseCdf as normalQuantile } from '@tethys/finance-math';
import { createTimeSeries } from '../series/time-series';
import { expectAllClose, expectForecastError } from '../testing/test-helpers';
import { DriftForecaster } from './drift';
import { NaiveForecaster } from './naive';
import { SeasonalNaiveForecaster } from './seasonal-naive';

const z90 = normalQuantile(0.9);

/** The sd implied by a forecast's 0.9 quantile, step by step. */
function impliedSd(forecast: { mean: Float64Array; quantiles?: Record<string, Float64Array> }): number[] {
  return Array.from(forecast.mean, (mean, step) => (forecast.quantiles!['0.9'][step] - mean) / z90);
}

describe('NaiveForecaster', () => {
  const series = createTimeSeries('y', [1, 3, 2, 5]);

  it('repeats the last value with sd sigma * sqrt(h) (FPP3 5.5)', () => {
    const forecast = new NaiveForecaster().fit(series).predict(4);
    expect(Array.from(forecast.mean)).toEqual([5, 5, 5, 5]);
    expect(forecast.times).toEqual(['4', '5', '6', '7']);
    // residuals 2, -1, 3: sigma^2 = 14 / 3
    const sigma = Math.sqrt(14 / 3);
    expectAllClose(impliedSd(forecast), [1, 2, 3, 4].map((h) => sigma * Math.sqrt(h)), 1e-12);
    // The median of a normal forecast is its mean; the 0.1 quantile mirrors the 0.9 one.
    expectAllClose(forecast.quantiles!['0.5'], forecast.mean, 1e-12);
    expectAllClose(
      forecast.quantiles!['0.1'].map((value, step) => 2 * forecast.mean[step] - value),
      forecast.quantiles!['0.9'],
      1e-12,
    );
  });

  it('forecasts from the value before each origin', () => {
    const long = createTimeSeries('y', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const forecasts = new NaiveForecaster().fit(long).historicalForecasts(long, { start: 5, horizon: 2, stride: 2 });
    expect(forecasts.map((forecast) => forecast.times)).toEqual([
      ['5', '6'],
      ['7', '8'],
    ]);
    expect(forecasts.map((forecast) => Array.from(forecast.mean))).toEqual([
      [5, 5],
      [7, 7],
    ]);
  });

  it('needs two observations', () => {
    expectForecastError(() => new NaiveForecaster().fit(createTimeSeries('y', [1])), 'INVALID_SERIES', 'series');
  });
});

describe('SeasonalNaiveForecaster', () => {
  const series = createTimeSeries('y', [1, 2, 3, 4, 6, 8]);

  it('repeats the last season with sd sigma * sqrt(floor((h-1)/m) + 1)', () => {
    const forecast = new SeasonalNaiveForecaster({ seasonPeriod: 3 }).fit(series).predict(7);
    expect(Array.from(forecast.mean)).toEqual([4, 6, 8, 4, 6, 8, 4]);
    // residuals y[t] - y[t-3] = 3, 4, 5: sigma^2 = 50 / 3
    const sigma = Math.sqrt(50 / 3);
    const multipliers = [1, 1, 1, 2, 2, 2, 3].map(Math.sqrt);
    expectAllClose(impliedSd(forecast), multipliers.map((k) => sigma * k), 1e-12);
  });

  it('takes the season before each origin in historical forecasts', () => {
    const forecasts = new SeasonalNaiveForecaster({ seasonPeriod: 2 })
      .fit(series)
      .historicalForecasts(series, { start: 3, horizon: 3 });
    expect(forecasts.map((forecast) => Array.from(forecast.mean))).toEqual([
      [2, 3, 2], // season before origin 3: y[1], y[2]
    ]);
    expectForecastError(
      () => new SeasonalNaiveForecaster({ seasonPeriod: 3 }).fit(series).historicalForecasts(series, { start: 2, horizon: 1 }),
      'INVALID_ARGUMENT',
      'start',
      /needs at least 3/,
    );
  });

  it('needs more than one season and a positive integer period', () => {
    expectForecastError(
      () => new SeasonalNaiveForecaster({ seasonPeriod: 6 }).fit(series),
      'INVALID_SERIES',
      'series',
      /more than one season/,
    );
    expectForecastError(() => new SeasonalNaiveForecaster({ seasonPeriod: 1.5 }), 'INVALID_ARGUMENT', 'seasonPeriod');
  });
});

describe('DriftForecaster', () => {
  it('is exact on a straight line', () => {
    const line = createTimeSeries('y', Array.from({ length: 20 }, (_, t) => 2 + 3 * t));
    const forecast = new DriftForecaster().fit(line).predict(5);
    expectAllClose(forecast.mean, [62, 65, 68, 71, 74], 1e-12);
    // No residual spread: every quantile is the mean.
    expectAllClose(forecast.quantiles!['0.1'], forecast.mean, 1e-12);
  });

  it('uses sd sigma * sqrt(h (1 + h / (T - 1))) with one degree of freedom for the slope', () => {
    // slope (7 - 1) / 3 = 2; residuals -1, 0, 1: sigma^2 = 2 / (4 - 2) = 1
    const forecast = new DriftForecaster().fit(createTimeSeries('y', [1, 2, 4, 7])).predict(3);
    expectAllClose(forecast.mean, [9, 11, 13], 1e-12);
    expectAllClose(impliedSd(forecast), [1, 2, 3].map((h) => Math.sqrt(h * (1 + h / 3))), 1e-12);
  });

  it('keeps the fitted slope and starts from the value before each origin', () => {
    const series = createTimeSeries('y', [0, 1, 2, 3, 10, 11]);
    const model = new DriftForecaster().fit(createTimeSeries('y', [0, 1, 2, 3]));
    const [forecast] = model.historicalForecasts(series, { start: 5, horizon: 1 });
    expect(Array.from(forecast.mean)).toEqual([11]);
  });
});
