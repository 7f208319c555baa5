import { NaiveForecaster, sliceSeries } from '@tethys/forecasting';
import { initTf } from '@tethys/tf-runtime';
import { LstmForecaster } from './lstm-forecaster';
import { meanAbsoluteError, seasonalSeries } from './lstm-test-series.fixture';

const LENGTH = 240;
const TRAIN = 192;
const HORIZON = 6;
const OPTIONS = {
  lookback: 12,
  horizon: HORIZON,
  hiddenSize: 8,
  epochs: 12,
  batchSize: 64,
  learningRate: 0.03,
  patience: 4,
  validationFraction: 0.15,
  seed: 7,
};

const series = seasonalSeries(LENGTH, 1);
const training = sliceSeries(series, 0, TRAIN);
let model: LstmForecaster;

beforeAll(async () => {
  await initTf({ backend: 'wasm', log: () => undefined });
  model = await new LstmForecaster(OPTIONS).fitAsync(training);
});
afterAll(() => model.dispose());

describe('LstmForecaster learning', () => {
  it('beats the naive last-value forecast on held-out data', () => {
    const options = { start: TRAIN, horizon: HORIZON, stride: HORIZON };
    const lstm = model.historicalForecasts(series, options);
    const naive = new NaiveForecaster().fit(training).historicalForecasts(series, options);
    const origins = lstm.map((_, index) => TRAIN + index * HORIZON);
    expect(origins.length).toBe((LENGTH - TRAIN) / HORIZON);
    const lstmMae = meanAbsoluteError(lstm.map((f) => f.mean), series.values, origins);
    const naiveMae = meanAbsoluteError(naive.map((f) => f.mean), series.values, origins);
    // The naive error on a 3-amplitude 12-step season is ~2.5; a model that learned the season is far below.
    expect(lstmMae).toBeLessThan(naiveMae / 3);
  });

  it('records training: early stopping keeps the best validation epoch', () => {
    const summary = model.trainingSummary;
    expect(summary.epochsRun).toBeGreaterThan(1);
    expect(summary.bestEpoch).toBeGreaterThanOrEqual(1);
    expect(summary.validationLoss.length).toBe(summary.epochsRun);
    const best = Math.min(...summary.validationLoss);
    expect(summary.validationLoss[summary.bestEpoch - 1]).toBe(best);
    expect(summary.trainLoss[summary.trainLoss.length - 1]).toBeLessThan(summary.trainLoss[0]);
  });

  it('vectorised historicalForecasts equals a loop of forecasts from each origin', () => {
    const forecasts = model.historicalForecasts(series, { start: 100, horizon: 4, stride: 7 });
    forecasts.forEach((forecast, index) => {
      const origin = 100 + index * 7;
      const single = model.forecastAfter(sliceSeries(series, 0, origin), 4);
      expect(Array.from(forecast.mean)).toEqual(Array.from(single.mean));
      expect(forecast.times).toEqual(series.times.slice(origin, origin + 4));
    });
  });

  it('predict continues after the fitted series, with its times', () => {
    const forecast = model.predict(HORIZON);
    expect(forecast.times).toEqual(['192', '193', '194', '195', '196', '197']);
    expect(Array.from(forecast.mean)).toEqual(Array.from(model.forecastAfter(training, HORIZON).mean));
    // A shorter horizon is the head's first steps.
    expect(Array.from(model.predict(2).mean)).toEqual(Array.from(forecast.mean.subarray(0, 2)));
  });
});
