import { createTimeSeries, ForecastError, NotFittedError, quantileKey, sliceSeries } from '@tethys/forecasting';
import { initTf, tf } from '@tethys/tf-runtime';
import { NBeatsForecaster } from './nbeats-forecaster';
import type { NBeatsOptions } from './options';
import { heldOutErrors, seasonalSeries } from './test-series';

const LOOKBACK = 24;
const HORIZON = 12;
const series = seasonalSeries(216, 7);
const heldOutStart = 216 - 36;
const training = sliceSeries(series, 0, heldOutStart);
const small: NBeatsOptions = {
  lookback: LOOKBACK,
  horizon: HORIZON,
  blocksPerStack: 2,
  layerWidth: 32,
  epochs: 30,
  batchSize: 32,
  learningRate: 3e-3,
  patience: 8,
  seed: 1,
};

function fromFiles(files: Record<string, Uint8Array | string>): (path: string) => Uint8Array {
  return (path) => {
    const content = files[path];
    if (content === undefined) throw new Error(`no file ${path}`);
    return typeof content === 'string' ? new TextEncoder().encode(content) : content;
  };
}

beforeAll(async () => {
  await initTf({ backend: 'wasm', log: () => undefined });
});

describe('NBeatsForecaster (generic, with quantiles)', () => {
  let model: NBeatsForecaster;

  beforeAll(async () => {
    model = await new NBeatsForecaster({ ...small, quantiles: [0.9, 0.1, 0.5] }).fitAsync(training);
  });

  it('beats the mean-of-lookback forecast on held-out time', () => {
    const forecasts = model.historicalForecasts(series, { start: heldOutStart, horizon: HORIZON, stride: 6 });
    expect(forecasts).toHaveLength(5);
    const errors = heldOutErrors(series, forecasts, LOOKBACK);
    expect(errors.model).toBeLessThan(0.5 * errors.meanOfLookback);
    expect(model.history.trainLoss.length).toBeGreaterThan(0);
    expect(model.history.validationLoss).toHaveLength(model.history.trainLoss.length);
  });

  it('forecasts sorted quantiles that never cross', () => {
    const forecasts = model.historicalForecasts(series, { start: LOOKBACK, horizon: HORIZON });
    for (const forecast of forecasts) {
      const quantiles = forecast.quantiles!;
      expect(Object.keys(quantiles)).toEqual(['0.1', '0.5', '0.9']);
      for (let h = 0; h < HORIZON; h++) {
        expect(quantiles[quantileKey(0.5)][h]).toBeGreaterThanOrEqual(quantiles[quantileKey(0.1)][h]);
        expect(quantiles[quantileKey(0.9)][h]).toBeGreaterThanOrEqual(quantiles[quantileKey(0.5)][h]);
      }
    }
  });

  it('predicts up to the trained horizon, naming the times after the series', () => {
    const forecast = model.predict(5);
    expect(forecast.mean).toHaveLength(5);
    expect(forecast.times).toEqual(['180', '181', '182', '183', '184']);
    // A shorter horizon is the start of the full one (direct multi-horizon output).
    expect(Array.from(forecast.mean)).toEqual(Array.from(model.predict(HORIZON).mean.subarray(0, 5)));
  });

  it('reproduces its forecasts exactly after toFiles/fromFiles and toJSON/fromJSON', async () => {
    const expected = [model.predict(HORIZON), ...model.historicalForecasts(series, { start: heldOutStart, horizon: 4, stride: 10 })];
    const files = await model.toFiles();
    expect(Object.keys(files).sort()).toEqual(['model.json', 'nbeats.json', 'weights.bin']);
    const fromDisk = await NBeatsForecaster.fromFiles(fromFiles(files));
    const fromJson = NBeatsForecaster.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    for (const restored of [fromDisk, fromJson]) {
      expect([restored.predict(HORIZON), ...restored.historicalForecasts(series, { start: heldOutStart, horizon: 4, stride: 10 })]).toEqual(
        expected,
      );
      expect(restored.options).toEqual(model.options);
      restored.dispose();
    }
  });

  it('refuses horizons past the trained one and series shorter than the lookback', () => {
    expect(() => model.predict(HORIZON + 1)).toThrow(/exceeds the trained horizon 12/);
    expect(() => model.predict(0)).toThrow(ForecastError);
    expect(() => model.historicalForecasts(series, { start: 10, horizon: 4 })).toThrow(/needs at least 24/);
    expect(() => model.historicalForecasts(series, { start: heldOutStart, horizon: 13 })).toThrow(/options.horizon/);
    expect(() => model.decompose()).toThrow(/only the interpretable model/);
  });
});

describe('NBeatsForecaster training', () => {
  const quick: NBeatsOptions = { ...small, epochs: 2, layerWidth: 8, blocksPerStack: 1 };

  it('is deterministic: the same seed gives identical forecasts, another seed different ones', async () => {
    const first = await new NBeatsForecaster(quick).fitAsync(training);
    const again = await new NBeatsForecaster(quick).fitAsync(training);
    const other = await new NBeatsForecaster({ ...quick, seed: 2 }).fitAsync(training);
    expect(Array.from(again.predict(HORIZON).mean)).toEqual(Array.from(first.predict(HORIZON).mean));
    expect(Array.from(other.predict(HORIZON).mean)).not.toEqual(Array.from(first.predict(HORIZON).mean));
    expect(again.history).toEqual(first.history);
    [first, again, other].forEach((model) => model.dispose());
  });

  it('leaves no tensors behind after fit, predict, backtest and dispose', async () => {
    const before = tf.memory().numTensors;
    const model = await new NBeatsForecaster({ ...quick, stacks: 'interpretable', quantiles: [0.2, 0.8] }).fitAsync(training);
    const held = tf.memory().numTensors;
    model.predict(HORIZON);
    model.decompose();
    model.historicalForecasts(series, { start: heldOutStart, horizon: HORIZON });
    expect(tf.memory().numTensors).toBe(held);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trains without a validation split for validationFraction 0', async () => {
    const model = await new NBeatsForecaster({ ...quick, validationFraction: 0 }).fitAsync(training);
    expect(model.history.validationLoss).toEqual([]);
    expect(model.history.trainLoss).toHaveLength(2);
    model.dispose();
  });
});

describe('NBeatsForecaster errors', () => {
  it('refuses to predict, backtest or save before fitting', async () => {
    const model = new NBeatsForecaster(small);
    expect(() => model.predict(3)).toThrow(NotFittedError);
    expect(() => model.historicalForecasts(series, { start: 100, horizon: 3 })).toThrow(NotFittedError);
    expect(() => model.toJSON()).toThrow(NotFittedError);
    await expect(model.toFiles()).rejects.toThrow(NotFittedError);
  });

  it('implements the shared fit as fitAsync and refuses covariates', async () => {
    const model = new NBeatsForecaster(small);
    await expect(model.fit(training, { past: { volume: new Float64Array(180) } })).rejects.toMatchObject({
      code: 'UNSUPPORTED_COVARIATES',
    });
    await expect(model.fitAsync(training, { past: { volume: new Float64Array(180) } })).rejects.toMatchObject({
      code: 'UNSUPPORTED_COVARIATES',
    });
  });

  it('refuses a series too short for one window or for the validation split', async () => {
    const tiny = createTimeSeries('tiny', Array.from({ length: 30 }, (_, t) => t));
    await expect(new NBeatsForecaster(small).fitAsync(tiny)).rejects.toThrow(/needs at least lookback \+ horizon = 36/);
    const short = createTimeSeries('short', Array.from({ length: 40 }, (_, t) => t));
    await expect(new NBeatsForecaster(small).fitAsync(short)).rejects.toThrow(/validationFraction: 0/);
  });

  it('names the bad option', () => {
    expect(() => new NBeatsForecaster({ ...small, lookback: 0 })).toThrow(/options.lookback: must be a positive integer/);
    expect(() => new NBeatsForecaster({ ...small, stacks: 'deep' as never })).toThrow(/options.stacks/);
    expect(() => new NBeatsForecaster({ ...small, quantiles: [0.5, 1] })).toThrow(/options.quantiles/);
    expect(() => new NBeatsForecaster({ ...small, validationFraction: 1 })).toThrow(/options.validationFraction/);
    expect(() => new NBeatsForecaster({ ...small, learningRate: -1 })).toThrow(/options.learningRate/);
  });

  it('rejects malformed saved state', () => {
    expect(() => NBeatsForecaster.fromJSON({ kind: 'lstm', version: 1, options: small })).toThrow(/model.kind/);
    expect(() => NBeatsForecaster.fromJSON({ kind: 'nbeats', version: 1, options: small, state: {} })).toThrow(/lastWindow/);
  });
});
