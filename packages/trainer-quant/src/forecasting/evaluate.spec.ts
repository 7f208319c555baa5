import { createTimeSeries, DriftForecaster, NaiveForecaster } from '@tethys/forecasting';
import { NBeatsForecaster } from '@tethys/neural-forecasting';
import { initTf } from '@tethys/tf-runtime';
import { evaluateForecaster, scoreForecasts, testStartIndex } from './evaluate';
import { buildBaseline } from './models';

const QUANTILES = [0.1, 0.5, 0.9];
// 1..10: trained on 1..8, tested on one window of 2 steps (9, 10).
const series = createTimeSeries('line', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
const split = { horizon: 2, testWindows: 1, stride: 2, season: 1 };

describe('evaluateForecaster', () => {
  it('scores the naive forecast of a line by hand', async () => {
    const { metrics, testStart, forecasts } = await evaluateForecaster(new NaiveForecaster({ quantiles: QUANTILES }), series, split, QUANTILES);
    expect(testStart).toBe(8);
    expect(Array.from(forecasts[0].mean)).toEqual([8, 8]);
    // Errors 1 and 2; the in-sample naive MAE of 1..8 is 1.
    expect(metrics.mae).toBeCloseTo(1.5, 12);
    expect(metrics.rmse).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(metrics.mase).toBeCloseTo(1.5, 12);
    expect(metrics.smape).toBeCloseTo(50 * (2 / 17 + 4 / 18), 10);
    expect(metrics.pinball['0.5']).toBeCloseTo(0.75, 12);
    // sigma 1: [8 -/+ 1.2816] holds 9; [8 -/+ 1.2816 sqrt 2] = [6.19, 9.81] misses 10.
    expect(metrics.coverage80).toBe(0.5);
    expect(metrics.width80).toBeCloseTo(1.2815515655 * (1 + Math.SQRT2), 6);
    expect(metrics).toMatchObject({ windows: 1, points: 2 });
  });

  it('drift continues the line exactly', async () => {
    const { metrics } = await evaluateForecaster(new DriftForecaster({ quantiles: QUANTILES }), series, split, QUANTILES);
    expect(metrics.mae).toBeCloseTo(0, 12);
    expect(metrics.mase).toBeCloseTo(0, 12);
  });

  it('uses several windows, stride apart, ending at the series end', async () => {
    const seasonal = createTimeSeries('s', Array.from({ length: 24 }, (_, t) => [1, 5, 3, 7][t % 4] + t));
    const model = buildBaseline('seasonal_naive', { season: 4, quantiles: QUANTILES, seed: 0, trainLength: 16, etsSeasonal: 'additive' });
    const evaluation = await evaluateForecaster(model, seasonal, { horizon: 4, testWindows: 2, stride: 4, season: 4 }, QUANTILES);
    expect(evaluation.testStart).toBe(16);
    expect(evaluation.forecasts.map((f) => f.times?.[0])).toEqual(['16', '20']);
    // Each seasonal naive forecast lags one season: every error is the trend over 4 steps.
    expect(evaluation.metrics.mae).toBeCloseTo(4, 12);
    expect(evaluation.metrics.mase).toBeCloseTo(1, 12);
  });

  it('refuses a test that leaves nothing to train on', () => {
    expect(() => testStartIndex(10, { horizon: 4, testWindows: 3, stride: 4, season: 1 })).toThrow(/need 12/);
  });

  it('refuses forecasts that do not match the origins', () => {
    expect(() => scoreForecasts(series, [], [], series.values, 1, QUANTILES)).toThrow(/one forecast per origin/);
  });
});

describe('buildBaseline ets', () => {
  it('is Holt-Winters with two seasons of data, else damped Holt', () => {
    const settings = { season: 12, quantiles: QUANTILES, seed: 0, etsSeasonal: 'multiplicative' as const };
    const seasonal = buildBaseline('ets', { ...settings, trainLength: 24 });
    const short = buildBaseline('ets', { ...settings, trainLength: 23 });
    expect('spec' in seasonal && seasonal.spec).toMatchObject({ seasonal: 'multiplicative', seasonPeriod: 12, trend: 'additive' });
    expect('spec' in short && short.spec).toMatchObject({ seasonal: 'none', trend: 'additive', damped: true });
  });
});

describe('evaluateForecaster with companion series', () => {
  const other = createTimeSeries('other', Array.from({ length: 10 }, (_, t) => 100 - t));

  it('fits a neural model on the scored series and the companions, all cut at the test start', async () => {
    await initTf({ backend: 'wasm', log: () => undefined });
    const model = new NBeatsForecaster({ lookback: 3, horizon: 2, epochs: 1, validationFraction: 0, blocksPerStack: 1, layerWidth: 4, hiddenLayers: 1 });
    const evaluation = await evaluateForecaster(model, series, split, QUANTILES, { companions: [other] });
    expect(evaluation.testStart).toBe(8);
    // The model's saved inputs end where the test starts, for both series: no test value reached the fit.
    const saved = model.toJSON().state as { series: { name: string; lastWindow: number[] }[] };
    expect(saved.series.map((entry) => [entry.name, entry.lastWindow])).toEqual([
      ['line', [6, 7, 8]],
      ['other', [95, 94, 93]],
    ]);
    expect(evaluation.forecasts).toHaveLength(1);
    model.dispose();
  });

  it('refuses companions on other times, and companions for a baseline', async () => {
    const shiftedTimes = createTimeSeries('late', other.values, other.times.map((time) => String(Number(time) + 1)));
    const model = new NBeatsForecaster({ lookback: 3, horizon: 2, epochs: 1, validationFraction: 0 });
    await expect(evaluateForecaster(model, series, split, QUANTILES, { companions: [shiftedTimes] })).rejects.toThrow(/does not share the times/);
    await expect(evaluateForecaster(new NaiveForecaster(), series, split, QUANTILES, { companions: [other] })).rejects.toThrow(/only the neural models/);
  });
});
