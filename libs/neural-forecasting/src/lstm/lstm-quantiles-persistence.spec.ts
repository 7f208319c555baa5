import { createRng } from '@tethys/data';
import { createTimeSeries, intervalCoverage, sliceSeries, type Forecast } from '@tethys/forecasting';
import { MODEL_JSON_FILE, initTf, tf } from '@tethys/tf-runtime';
import { LSTM_STATE_FILE, LstmForecaster, MonotoneQuantileHead } from './index';
import { seasonalSeries } from './lstm-test-series.fixture';

const LEVELS = [0.1, 0.5, 0.9];
const series = seasonalSeries(200, 5, 0.5);
const training = sliceSeries(series, 0, 160);
let model: LstmForecaster;

beforeAll(async () => {
  await initTf({ backend: 'wasm', log: () => undefined });
  model = await new LstmForecaster({
    lookback: 6,
    horizon: 3,
    hiddenSize: 8,
    layers: 2,
    dropout: 0.1,
    epochs: 15,
    batchSize: 64,
    learningRate: 0.03,
    quantiles: [0.9, 0.1, 0.5],
    seed: 9,
  }).fitAsync(training);
});
afterAll(() => model.dispose());

function expectNonCrossing(forecast: Forecast): void {
  const [low, mid, high] = LEVELS.map((level) => forecast.quantiles![String(level)]);
  for (let step = 0; step < low.length; step++) {
    expect(low[step]).toBeLessThanOrEqual(mid[step]);
    expect(mid[step]).toBeLessThanOrEqual(high[step]);
  }
  expect(Array.from(forecast.mean)).toEqual(Array.from(mid));
}

function toFloatArrays(forecasts: Forecast[]): number[][] {
  return forecasts.flatMap((forecast) => [Array.from(forecast.mean), ...LEVELS.map((level) => Array.from(forecast.quantiles![String(level)]))]);
}

describe('LstmForecaster quantiles', () => {
  it('MonotoneQuantileHead never crosses, whatever its raw inputs', () => {
    const head = new MonotoneQuantileHead({ horizon: 4, quantiles: 5 });
    const raw = tf.randomNormal([200, 20], 0, 20, 'float32', 1);
    const output = head.apply(raw) as tf.Tensor;
    expect(output.shape).toEqual([200, 4, 5]);
    const values = output.arraySync() as number[][][];
    for (const row of values) for (const step of row) for (let q = 1; q < step.length; q++) expect(step[q]).toBeGreaterThanOrEqual(step[q - 1]);
    tf.dispose([raw, output]);
  });

  it('trained forecasts never cross, on held-out and on random inputs; the 80% band covers plausibly', () => {
    const heldOut = model.historicalForecasts(series, { start: 160, horizon: 3 });
    heldOut.forEach(expectNonCrossing);
    const rng = createRng(21);
    for (let trial = 0; trial < 20; trial++) {
      const scale = 10 ** rng.uniform(-2, 3);
      const random = createTimeSeries('random', Array.from({ length: 8 }, () => rng.normal(0, scale)));
      expectNonCrossing(model.forecastAfter(random, 3));
    }
    const actual = series.values.slice(160, 160 + heldOut.length);
    const coverage = intervalCoverage(
      actual,
      Float64Array.from(heldOut, (forecast) => forecast.quantiles!['0.1'][0]),
      Float64Array.from(heldOut, (forecast) => forecast.quantiles!['0.9'][0]),
    );
    expect(coverage).toBeGreaterThan(0.5);
  });
});

describe('LstmForecaster save and load', () => {
  it('toFiles/fromFiles reproduces predictions exactly, through the registered custom layers', async () => {
    const files = await model.toFiles();
    expect(Object.keys(files).sort()).toEqual([LSTM_STATE_FILE, MODEL_JSON_FILE, 'weights.bin'].sort());
    const topology = files[MODEL_JSON_FILE] as string;
    expect(topology).toContain(MonotoneQuantileHead.className);
    expect(topology).toContain('TethysSeededDropout');
    const bytes = (name: string): Uint8Array => {
      const content = files[name];
      if (content === undefined) throw new Error(`no file ${name}`);
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    };
    const loaded = await LstmForecaster.fromFiles(bytes);
    expect(loaded.predict(3)).toEqual(model.predict(3));
    const options = { start: 150, horizon: 3, stride: 2 };
    expect(toFloatArrays(loaded.historicalForecasts(series, options))).toEqual(toFloatArrays(model.historicalForecasts(series, options)));
    expect(loaded.options).toEqual(model.options);
    expect(loaded.trainingSummary).toEqual(model.trainingSummary);
    loaded.dispose();
  });

  it('toJSON/fromJSON (weights inside the JSON) reproduces predictions exactly', () => {
    const json = JSON.parse(JSON.stringify(model.toJSON()));
    expect(json.kind).toBe('lstm');
    const loaded = LstmForecaster.fromJSON(json);
    expect(loaded.predict(3)).toEqual(model.predict(3));
    loaded.dispose();
  });

  it('rejects a saved model of another kind or with mismatched weights, naming the field', () => {
    const json = model.toJSON();
    expect(() => LstmForecaster.fromJSON({ ...json, kind: 'nbeats' })).toThrow('model.kind: expected "lstm"');
    const state = json.state as Record<string, unknown>;
    const otherShape = { ...json, options: { ...(json.options as object), hiddenSize: 9 } };
    expect(() => LstmForecaster.fromJSON(otherShape)).toThrow('model.state.weights.shapes');
    expect(() => LstmForecaster.fromJSON({ ...json, state: { ...state, tail: { ...(state.tail as object), values: [1] } } })).toThrow(
      'model.state.tail.values: must hold lookback = 6 values',
    );
  });
});
