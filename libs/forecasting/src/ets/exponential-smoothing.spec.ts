import { createRng } from '@tethys/data';
import { normalInverseCdf as normalQuantile } from '@tethys/finance-math';
import { createTimeSeries, sliceSeries } from '../series/time-series';
import { expectAllClose, expectForecastError } from '../testing/test-helpers';
import { ExponentialSmoothing } from './exponential-smoothing';

const z90 = normalQuantile(0.9);
const SEASON = [-12, -8, 3, 7, 1, 15, 22, 18, 4, -10, -22, -18]; // sums to 0
const RATIOS = [0.9, 0.85, 1.0, 1.05, 0.95, 1.1, 1.25, 1.2, 1.05, 0.9, 0.8, 0.9]; // averages 1

describe('ExponentialSmoothing: hand-checked and noiseless cases', () => {
  it('simple exponential smoothing with a fixed alpha (worked by hand)', () => {
    const model = new ExponentialSmoothing({ alpha: 0.5 }).fit(createTimeSeries('y', [1, 2, 3, 4]));
    // level starts at mean(1, 2, 3, 4) = 2.5, then 1.75, 1.875, 2.4375, 3.21875
    const forecast = model.predict(3);
    expectAllClose(forecast.mean, [3.21875, 3.21875, 3.21875], 1e-12);
    // SSE = 1.5^2 + 0.25^2 + 1.125^2 + 1.5625^2 = 6.01953125; nothing estimated, so sigma^2 = SSE / 4
    const sigma2 = 6.01953125 / 4;
    expect(model.sigma ** 2).toBeCloseTo(sigma2, 12);
    // v_h = sigma^2 (1 + (h - 1) alpha^2)
    const sd = [1, 2, 3].map((h) => Math.sqrt(sigma2 * (1 + (h - 1) * 0.25)));
    expectAllClose(forecast.quantiles!['0.9'], sd.map((value) => 3.21875 + z90 * value), 1e-12);
  });

  it("Holt's linear trend is exact on a straight line", () => {
    const line = createTimeSeries('y', Array.from({ length: 30 }, (_, t) => 5 + 2 * t));
    const forecast = new ExponentialSmoothing({ trend: 'additive' }).fit(line).predict(10);
    expectAllClose(forecast.mean, Array.from({ length: 10 }, (_, h) => 5 + 2 * (30 + h)), 1e-9);
  });

  it('additive Holt-Winters recovers a noiseless trend + season to 1e-6', () => {
    const y = (t: number) => 50 + 0.8 * t + SEASON[t % 12];
    const series = createTimeSeries('y', Array.from({ length: 72 }, (_, t) => y(t)));
    const model = new ExponentialSmoothing({ trend: 'additive', seasonal: 'additive', seasonPeriod: 12 }).fit(series);
    const forecast = model.predict(36);
    expectAllClose(forecast.mean, Array.from({ length: 36 }, (_, h) => y(72 + h)), 1e-6);
    expect(model.sigma).toBeLessThan(1e-9);
  });

  it('multiplicative Holt-Winters recovers a noiseless seasonal series to 1e-6', () => {
    const y = (t: number) => 200 * RATIOS[t % 12];
    const series = createTimeSeries('y', Array.from({ length: 48 }, (_, t) => y(t)));
    const forecast = new ExponentialSmoothing({ seasonal: 'multiplicative', seasonPeriod: 12 }).fit(series).predict(24);
    expectAllClose(forecast.mean, Array.from({ length: 24 }, (_, h) => y(48 + h)), 1e-6);
  });

  it('multiplicative Holt-Winters follows a noiseless trend x season closely', () => {
    const y = (t: number) => (100 + 2 * t) * RATIOS[t % 12];
    const series = createTimeSeries('y', Array.from({ length: 96 }, (_, t) => y(t)));
    const model = new ExponentialSmoothing({ trend: 'additive', seasonal: 'multiplicative', seasonPeriod: 12 });
    const forecast = model.fit(series).predict(12);
    const relative = Array.from(forecast.mean, (value, h) => Math.abs(value / y(96 + h) - 1));
    expect(Math.max(...relative)).toBeLessThan(1e-3);
  });

  it('a damped trend adds phi^h b at step h', () => {
    const line = createTimeSeries('y', Array.from({ length: 30 }, (_, t) => 5 + 2 * t));
    const forecast = new ExponentialSmoothing({ trend: 'additive', damped: true, phi: 0.9 }).fit(line).predict(5);
    const steps = Array.from({ length: 4 }, (_, h) => forecast.mean[h + 1] - forecast.mean[h]);
    for (let h = 1; h < steps.length; h++) expect(steps[h] / steps[h - 1]).toBeCloseTo(0.9, 10);
  });
});

describe('ExponentialSmoothing: estimation and intervals', () => {
  it('recovers the smoothing weight of data simulated from a local-level model', () => {
    const rng = createRng(7);
    const values: number[] = [];
    let level = 10;
    for (let t = 0; t < 3000; t++) {
      const error = rng.normal(0, 1);
      values.push(level + error);
      level += 0.4 * error;
    }
    const model = new ExponentialSmoothing().fit(createTimeSeries('y', values));
    expect(model.parameters.alpha).toBeGreaterThan(0.35);
    expect(model.parameters.alpha).toBeLessThan(0.45);
    expect(model.sigma).toBeGreaterThan(0.95);
    expect(model.sigma).toBeLessThan(1.05);
  });

  it('simulated quantiles agree with the closed form on an additive model', () => {
    const rng = createRng(11);
    const values = Array.from({ length: 96 }, (_, t) => 50 + 0.5 * t + SEASON[t % 12] + rng.normal(0, 2));
    const series = createTimeSeries('y', values);
    // Fixed, sizeable weights so every term of the variance (alpha, beta, gamma) matters.
    const options = {
      trend: 'additive',
      seasonal: 'additive',
      seasonPeriod: 12,
      alpha: 0.3,
      beta: 0.2,
      gamma: 0.5,
      quantiles: [0.05, 0.95],
    } as const;
    const analytic = new ExponentialSmoothing(options).fit(series).predict(18);
    const simulated = new ExponentialSmoothing({ ...options, intervals: 'simulate', simulationPaths: 20000 })
      .fit(series)
      .predict(18);
    expect(simulated.mean).toEqual(analytic.mean);
    const width = (forecast: typeof analytic) =>
      Array.from(forecast.mean, (_, h) => forecast.quantiles!['0.95'][h] - forecast.quantiles!['0.05'][h]);
    const ratio = width(simulated).map((value, h) => value / width(analytic)[h]);
    for (const value of ratio) expect(Math.abs(value - 1)).toBeLessThan(0.04);
    // Widths grow with the horizon, including the seasonal jump after 12 steps.
    expect(width(analytic)[12]).toBeGreaterThan(width(analytic)[11]);
  });

  it('simulation is seeded: same seed, same quantiles; another seed, other quantiles', () => {
    const series = createTimeSeries('y', Array.from({ length: 48 }, (_, t) => (100 + t) * RATIOS[t % 12] + (t % 5)));
    const make = (seed: number) =>
      new ExponentialSmoothing({ seasonal: 'multiplicative', seasonPeriod: 12, seed, simulationPaths: 200 }).fit(series);
    expect(make(3).predict(6).quantiles).toEqual(make(3).predict(6).quantiles);
    expect(make(3).predict(6).quantiles).not.toEqual(make(4).predict(6).quantiles);
  });
});

describe('ExponentialSmoothing: argument errors', () => {
  const positive = createTimeSeries('y', Array.from({ length: 30 }, (_, t) => 10 + (t % 12)));

  it('rejects inconsistent model shapes and out-of-range fixed parameters', () => {
    expectForecastError(() => new ExponentialSmoothing({ seasonal: 'additive' }), 'INVALID_ARGUMENT', 'seasonPeriod');
    expectForecastError(() => new ExponentialSmoothing({ damped: true }), 'INVALID_ARGUMENT', 'damped');
    expectForecastError(() => new ExponentialSmoothing({ alpha: 1.2 }), 'INVALID_ARGUMENT', 'alpha');
    expectForecastError(() => new ExponentialSmoothing({ alpha: 0.8, gamma: 0.5 }), 'INVALID_ARGUMENT', 'gamma');
    expectForecastError(
      () => new ExponentialSmoothing({ seasonal: 'multiplicative', seasonPeriod: 4, intervals: 'analytic' }),
      'INVALID_ARGUMENT',
      'intervals',
    );
    expectForecastError(() => new ExponentialSmoothing({ trend: 'multiplicative' as 'additive' }), 'INVALID_ARGUMENT', 'trend');
  });

  it('rejects series it cannot fit or filter', () => {
    const seasonal = new ExponentialSmoothing({ seasonal: 'additive', seasonPeriod: 12 });
    expectForecastError(() => seasonal.fit(sliceSeries(positive, 0, 20)), 'INVALID_SERIES', 'series', /at least 24/);
    const withZero = createTimeSeries('y', [...positive.values.slice(0, 29), 0]);
    expectForecastError(
      () => new ExponentialSmoothing({ seasonal: 'multiplicative', seasonPeriod: 12 }).fit(withZero),
      'INVALID_SERIES',
      'series',
      /element 29/,
    );
    const model = new ExponentialSmoothing().fit(sliceSeries(positive, 0, 20));
    expectForecastError(
      () => model.historicalForecasts(sliceSeries(positive, 1), { start: 20, horizon: 1 }),
      'INVALID_SERIES',
      'series',
      /fitted from "0"/,
    );
  });
});
