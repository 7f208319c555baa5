import { ForecastError, NotFittedError, createTimeSeries, sliceSeries } from '@tethys/forecasting';
import { initTf, tf } from '@tethys/tf-runtime';
import { LstmForecaster, type LstmForecasterOptions } from './index';
import { seasonalSeries } from './lstm-test-series.fixture';

const series = seasonalSeries(120, 2, 0.3);
const OPTIONS: LstmForecasterOptions = {
  lookback: 6,
  horizon: 3,
  hiddenSize: 6,
  dropout: 0.2,
  epochs: 3,
  batchSize: 32,
  seed: 4,
};

beforeAll(async () => {
  await initTf({ backend: 'wasm', log: () => undefined });
});

function weightsOf(model: LstmForecaster): unknown {
  return (model.toJSON().state as { weights: unknown }).weights;
}

describe('LstmForecaster determinism', () => {
  it('the same seed gives identical weights and forecasts; another seed does not', async () => {
    const first = await new LstmForecaster(OPTIONS).fitAsync(series);
    const second = await new LstmForecaster(OPTIONS).fitAsync(series);
    const other = await new LstmForecaster({ ...OPTIONS, seed: 5 }).fitAsync(series);
    expect(weightsOf(second)).toEqual(weightsOf(first));
    expect(second.predict(3)).toEqual(first.predict(3));
    expect(second.trainingSummary).toEqual(first.trainingSummary);
    expect(weightsOf(other)).not.toEqual(weightsOf(first));
    expect(Array.from(other.predict(3).mean)).not.toEqual(Array.from(first.predict(3).mean));
    [first, second, other].forEach((model) => model.dispose());
  });
});

describe('LstmForecaster memory', () => {
  it('frees every tensor it made once disposed (training, forecasting, saving)', async () => {
    const model = await new LstmForecaster({ ...OPTIONS, epochs: 1, quantiles: [0.1, 0.5, 0.9] }).fitAsync(series);
    model.dispose();
    const before = tf.memory().numTensors;
    await model.fitAsync(series);
    model.predict(2);
    model.historicalForecasts(series, { start: 100, horizon: 3 });
    model.toJSON();
    await model.toFiles();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('LstmForecaster errors', () => {
  it('refuses to forecast before fitting', () => {
    const model = new LstmForecaster(OPTIONS);
    expect(() => model.predict(1)).toThrow(NotFittedError);
    expect(() => model.historicalForecasts(series, { start: 10, horizon: 1 })).toThrow(NotFittedError);
    expect(() => model.toJSON()).toThrow(NotFittedError);
    expect(() => model.trainingSummary).toThrow(NotFittedError);
    return expect(model.toFiles()).rejects.toThrow(NotFittedError);
  });

  it('implements the shared fit as fitAsync (a promise, with the same checks)', async () => {
    await expect(new LstmForecaster(OPTIONS).fit(sliceSeries(series, 0, 20))).rejects.toMatchObject({
      parameter: 'options.validationFraction',
    });
  });

  it('rejects bad options, naming them', () => {
    const bad: [Partial<LstmForecasterOptions>, string][] = [
      [{ lookback: 0 }, 'options.lookback'],
      [{ horizon: 1.5 }, 'options.horizon'],
      [{ layers: 3 }, 'options.layers: must be 1 or 2'],
      [{ dropout: 1 }, 'options.dropout'],
      [{ learningRate: -1 }, 'options.learningRate'],
      [{ validationFraction: 1 }, 'options.validationFraction'],
      [{ quantiles: [0.1, 0.9] }, 'options.quantiles: must include 0.5'],
      [{ quantiles: [0.5, 1] }, 'strictly between 0 and 1'],
      [{ seed: 0.5 }, 'options.seed'],
    ];
    for (const [override, message] of bad) {
      expect(() => new LstmForecaster({ ...OPTIONS, ...override })).toThrow(message);
    }
  });

  it('rejects a series too short for lookback + horizon + validation', async () => {
    // lookback 6 + horizon 3 need 9 observations for one training window.
    const short = createTimeSeries('short', [1, 2, 3, 4, 5, 6, 7, 8]);
    await expect(new LstmForecaster({ ...OPTIONS, validationFraction: 0 }).fitAsync(short)).rejects.toMatchObject({
      code: 'INVALID_SERIES',
      parameter: 'series',
    });
    // 20 points keep 2 for validation, fewer than one horizon of 3.
    await expect(new LstmForecaster(OPTIONS).fitAsync(sliceSeries(series, 0, 20))).rejects.toMatchObject({
      parameter: 'options.validationFraction',
    });
  });

  it('rejects horizons beyond the trained one and histories shorter than the lookback', async () => {
    const model = await new LstmForecaster({ ...OPTIONS, epochs: 1 }).fitAsync(series);
    expect(() => model.predict(4)).toThrow('horizon: 4 exceeds the trained horizon 3');
    expect(() => model.predict(0)).toThrow(ForecastError);
    expect(() => model.historicalForecasts(series, { start: 100, horizon: 5 })).toThrow('exceeds the trained horizon');
    expect(() => model.historicalForecasts(series, { start: 3, horizon: 2 })).toThrow('start: origin 3');
    expect(() => model.forecastAfter(sliceSeries(series, 0, 5), 2)).toThrow('history: has 5 observations');
    model.dispose();
  });
});
