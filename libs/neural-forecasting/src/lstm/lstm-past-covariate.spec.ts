import { createRng } from '@tethys/data';
import { createTimeSeries, type Covariates } from '@tethys/forecasting';
import { initTf } from '@tethys/tf-runtime';
import { LstmForecaster, type LstmForecasterOptions } from './index';
import { meanAbsoluteError } from './lstm-test-series.fixture';

const LENGTH = 240;
const TRAIN = 192;

beforeAll(async () => {
  await initTf({ backend: 'wasm', log: () => undefined });
});

const season = (t: number): number => 10 + 3 * Math.sin((2 * Math.PI * t) / 12);

/** Held-out MAE of rolling forecasts from TRAIN on. */
function heldOutMae(model: LstmForecaster, values: Float64Array, horizon: number, covariates?: Covariates): number {
  const series = createTimeSeries('y', values);
  const forecasts = model.historicalForecasts(series, { start: TRAIN, horizon, stride: horizon }, covariates);
  const origins = forecasts.map((_, index) => TRAIN + index * horizon);
  return meanAbsoluteError(forecasts.map((forecast) => forecast.mean), values, origins);
}

describe('LstmForecaster past covariates', () => {
  it('uses a past-observed covariate fed along the lookback (beats the same model without it)', async () => {
    // The target follows yesterday's value of an observed driver.
    const rng = createRng(12);
    const driver = Float64Array.from({ length: LENGTH }, () => rng.normal(0, 1));
    const values = Float64Array.from({ length: LENGTH }, (_, t) => season(t) + 1.5 * (t > 0 ? driver[t - 1] : 0));
    const training = createTimeSeries('y', values.subarray(0, TRAIN));
    const options: LstmForecasterOptions = {
      lookback: 6, horizon: 1, hiddenSize: 8, epochs: 30, batchSize: 64, learningRate: 0.03, patience: 10, seed: 3,
    };
    const withDriver = await new LstmForecaster(options).fitAsync(training, { past: { driver: driver.slice(0, TRAIN) } });
    const without = await new LstmForecaster(options).fitAsync(training);
    const maeWith = heldOutMae(withDriver, values, 1, { past: { driver } });
    const maeWithout = heldOutMae(without, values, 1);
    expect(maeWith).toBeLessThan(maeWithout / 2);
    withDriver.dispose();
    without.dispose();
  });
});
