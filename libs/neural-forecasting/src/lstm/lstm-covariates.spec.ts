import { createRng } from '@tethys/data';
import { createTimeSeries, sliceSeries, type Covariates } from '@tethys/forecasting';
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

describe('LstmForecaster covariates', () => {
  it('uses a known-future covariate that determines the target (beats the same model without it)', async () => {
    // Promotion days: a random 0/1 flag known in advance adds 2 to the seasonal level.
    const rng = createRng(11);
    const promo = Float64Array.from({ length: LENGTH }, () => (rng.next() < 0.3 ? 1 : 0));
    const values = Float64Array.from({ length: LENGTH }, (_, t) => season(t) + 2 * promo[t]);
    const training = createTimeSeries('y', values.subarray(0, TRAIN));
    const options: LstmForecasterOptions = {
      lookback: 6, horizon: 4, hiddenSize: 8, epochs: 30, batchSize: 64, learningRate: 0.03, patience: 10, seed: 3,
    };
    // At fit, future covariates reach `horizon` steps past the training series.
    const withPromo = await new LstmForecaster(options).fitAsync(training, { future: { promo: promo.slice(0, TRAIN + 4) } });
    const without = await new LstmForecaster(options).fitAsync(training);
    const maeWith = heldOutMae(withPromo, values, 4, { future: { promo } });
    const maeWithout = heldOutMae(without, values, 4);
    // Without the flag the error is about the flag's own spread (~0.8); with it, far less.
    expect(maeWith).toBeLessThan(maeWithout / 2);
    // predict reads the covariate values saved past the end of the fitted series.
    expect(withPromo.predict(4).mean).toHaveLength(4);
    withPromo.dispose();
    without.dispose();
  });

  it('refuses covariates that do not fit the series or the fitted model', async () => {
    const values = Float64Array.from({ length: 60 }, (_, t) => season(t));
    const series = createTimeSeries('y', values);
    const options: LstmForecasterOptions = { lookback: 6, horizon: 2, hiddenSize: 4, epochs: 1, validationFraction: 0 };
    const model = new LstmForecaster(options);
    await expect(model.fitAsync(series, { static: { size: 1 } })).rejects.toMatchObject({
      code: 'UNSUPPORTED_COVARIATES',
      parameter: 'covariates.static',
    });
    await expect(model.fitAsync(series, { past: { x: new Float64Array(59) } })).rejects.toMatchObject({
      code: 'LENGTH_MISMATCH',
      parameter: 'covariates.past.x',
    });
    // Future covariates must reach the horizon past the series' end.
    await expect(model.fitAsync(series, { future: { f: new Float64Array(61) } })).rejects.toMatchObject({
      code: 'LENGTH_MISMATCH',
      parameter: 'covariates.future.f',
    });
    await expect(model.fitAsync(series, { past: { x: new Float64Array(60).fill(Number.NaN) } })).rejects.toMatchObject({
      code: 'NON_FINITE',
    });
    await model.fitAsync(sliceSeries(series, 0, 50), { future: { f: new Float64Array(52) } });
    // The fitted model needs the same covariates at forecast time.
    expect(() => model.historicalForecasts(series, { start: 50, horizon: 2 })).toThrow('covariates.future: the model was fitted with [f] but got []');
    expect(() => model.historicalForecasts(series, { start: 50, horizon: 2 }, { future: { g: new Float64Array(60) } })).toThrow(
      'fitted with [f] but got [g]',
    );
    // A shorter horizon still needs the trained horizon's future values for the last origin.
    expect(() => model.historicalForecasts(series, { start: 50, horizon: 1 }, { future: { f: new Float64Array(60) } })).toThrow(
      'needs at least 61',
    );
    expect(model.historicalForecasts(series, { start: 50, horizon: 2 }, { future: { f: new Float64Array(60) } })).toHaveLength(9);
    model.dispose();
  });
});
