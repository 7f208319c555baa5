import { createTimeSeries, sliceSeries } from '@tethys/forecasting';
import { initTf } from '@tethys/tf-runtime';
import { NBeatsForecaster } from './nbeats-forecaster';
import { heldOutErrors, seasonalSeries } from './test-series';

beforeAll(async () => {
  await initTf({ backend: 'wasm', log: () => undefined });
});

function leastSquaresSlope(values: ArrayLike<number>): number {
  const n = values.length;
  const meanT = (n - 1) / 2;
  let meanY = 0;
  for (let t = 0; t < n; t++) meanY += values[t] / n;
  let numerator = 0;
  let denominator = 0;
  for (let t = 0; t < n; t++) {
    numerator += (t - meanT) * (values[t] - meanY);
    denominator += (t - meanT) ** 2;
  }
  return numerator / denominator;
}

function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i++) {
    meanA += a[i] / n;
    meanB += b[i] / n;
  }
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    ab += (a[i] - meanA) * (b[i] - meanB);
    aa += (a[i] - meanA) ** 2;
    bb += (b[i] - meanB) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

describe('NBeatsForecaster (interpretable)', () => {
  it('learns a seasonal series and splits its forecast into trend + seasonality', async () => {
    const series = seasonalSeries(216, 3);
    const heldOutStart = 216 - 36;
    const model = await new NBeatsForecaster({
      lookback: 24,
      horizon: 12,
      stacks: 'interpretable',
      blocksPerStack: 2,
      layerWidth: 32,
      epochs: 30,
      batchSize: 32,
      learningRate: 3e-3,
      seed: 4,
    }).fitAsync(sliceSeries(series, 0, heldOutStart));
    const errors = heldOutErrors(series, model.historicalForecasts(series, { start: heldOutStart, horizon: 12, stride: 6 }), 24);
    expect(errors.model).toBeLessThan(0.5 * errors.meanOfLookback);

    expect(() => model.decompose()).toThrow(/call predict\(\) first/);
    const forecast = model.predict(12);
    const { trend, seasonality } = model.decompose();
    trend.forEach((value, h) => expect(value + seasonality[h]).toBeCloseTo(forecast.mean[h], 5));
    // The seasonality stack follows the period-12 swing; the trend stack carries the level (about 14.4).
    const trueSeason = Array.from({ length: 12 }, (_, h) => 2 * Math.sin((2 * Math.PI * (heldOutStart + h)) / 12));
    expect(correlation(seasonality, trueSeason)).toBeGreaterThan(0.7);
    expect(Math.min(...trend)).toBeGreaterThan(11);
    model.dispose();
  });

  it('puts a pure linear trend into the trend stack', async () => {
    const length = 120;
    const line = (t: number): number => 5 + 0.1 * t;
    const series = createTimeSeries('line', Array.from({ length }, (_, t) => line(t)));
    const model = await new NBeatsForecaster({
      lookback: 16,
      horizon: 8,
      stacks: 'interpretable',
      blocksPerStack: 1,
      layerWidth: 32,
      epochs: 40,
      batchSize: 16,
      learningRate: 3e-3,
      seed: 3,
    }).fitAsync(series);
    const forecast = model.predict(8);
    const { trend, seasonality } = model.decompose();
    forecast.mean.forEach((value, h) => expect(Math.abs(value - line(length + h))).toBeLessThan(0.05));
    trend.forEach((value, h) => expect(Math.abs(value - line(length + h))).toBeLessThan(0.15));
    expect(leastSquaresSlope(trend)).toBeGreaterThan(0.08);
    expect(leastSquaresSlope(trend)).toBeLessThan(0.12);
    // Whatever the seasonality stack adds is small next to the trend's rise over the horizon (0.7).
    expect(Math.max(...seasonality.map(Math.abs))).toBeLessThan(0.15);
    model.dispose();
  });
});
