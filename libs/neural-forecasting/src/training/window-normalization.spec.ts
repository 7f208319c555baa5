// Per-window normalisation shared by the three forecasters: the statistic, its exact inverse, and what it buys
// (forecasts that move with the level of the input window), saved with the model and reproduced on reload.
import { createRng } from '@tethys/data';
import { createTimeSeries, ForecastError, type Forecast, type TimeSeries } from '@tethys/forecasting';
import { initTf } from '@tethys/tf-runtime';
import { LstmForecaster } from '../lstm';
import { buildWindows as lstmWindows } from '../lstm/lstm-windows';
import { NBeatsForecaster } from '../nbeats';
import { TftForecaster } from '../tft';
import { buildWindows as tftWindows } from '../tft/tft-windows';
import { concatWindowBatches } from './window-batches';
import { addWindowLevel, resolveWindowNormalization, windowLevel, type WindowNormalization } from './window-normalization';

beforeAll(async () => {
  await initTf({ backend: 'wasm', log: () => undefined });
});

/** A trending seasonal series: the test part lies above every training value. */
function trending(length: number): TimeSeries {
  const rng = createRng(21);
  return createTimeSeries('trend', Array.from({ length }, (_, t) => 5 + 0.15 * t + Math.sin((2 * Math.PI * t) / 6) + 0.05 * rng.normal(0, 1)));
}

const shifted = (series: TimeSeries, by: number): TimeSeries => createTimeSeries(series.name, Array.from(series.values, (value) => value + by));
const rows = (forecasts: Forecast[]): number[][] =>
  forecasts.flatMap((forecast) => [Array.from(forecast.mean), ...Object.values(forecast.quantiles ?? {}).map((values) => Array.from(values))]);
const throughText = (json: unknown): unknown => JSON.parse(JSON.stringify(json));
const filesReader = (files: Record<string, Uint8Array | string>) => (file: string): Uint8Array => {
  const content = files[file];
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
};

describe('window statistics', () => {
  const values = [1, 2, 4, 8, 16, 32];

  it('reads only the lookback before the origin', () => {
    expect(windowLevel(values, 4, 3, 'none')).toBe(0);
    expect(windowLevel(values, 4, 3, 'last-value')).toBe(8);
    expect(windowLevel(values, 4, 3, 'window-mean')).toBeCloseTo((2 + 4 + 8) / 3, 12);
    expect([3, 6].map((origin) => windowLevel(values, origin, 3, 'window-mean'))).toEqual([7 / 3, 56 / 3]);
  });

  it('refuses an unknown mode, naming the option', () => {
    expect(resolveWindowNormalization(undefined)).toBe('none');
    expect(resolveWindowNormalization(undefined, 'last-value')).toBe('last-value');
    expect(() => resolveWindowNormalization('revin')).toThrow("options.windowNormalization: must be one of 'none', 'last-value', 'window-mean'");
    expect(() => new LstmForecaster({ lookback: 4, horizon: 2, windowNormalization: 'mean' as WindowNormalization })).toThrow(ForecastError);
  });

  it.each(['none', 'last-value', 'window-mean'] as const)('inverts exactly: targets + level give back the scaled values (%s)', (mode) => {
    const target = Float64Array.from({ length: 30 }, (_, t) => 3 + 0.25 * t);
    const origins = [6, 11, 24];
    const lstm = lstmWindows({ target, past: [], future: [] }, origins, 6, 3, true, mode);
    const tft = tftWindows({ target, past: [], future: [], static: [] }, origins, 6, 3, true, mode);
    expect(Array.from(tft.levels)).toEqual(Array.from(lstm.levels));
    origins.forEach((origin, row) => {
      const level = lstm.levels[row];
      const back = addWindowLevel(lstm.targets!.subarray(row * 3, row * 3 + 3), level);
      // Exact up to the float32 the network reads; the level itself stays float64.
      back.forEach((value, h) => expect(Math.abs(value - target[origin + h])).toBeLessThan(1e-6));
      expect(Array.from(tft.targets!.subarray(row * 3, row * 3 + 3))).toEqual(Array.from(lstm.targets!.subarray(row * 3, row * 3 + 3)));
      if (mode === 'last-value') expect(lstm.history[row * 6 + 5]).toBe(0);
    });
    // Levels travel with the windows when several series are stacked.
    expect(Array.from(concatWindowBatches([lstm, lstm]).levels)).toEqual([...lstm.levels, ...lstm.levels]);
  });
});

type Built = LstmForecaster | NBeatsForecaster | TftForecaster;
const small = { lookback: 12, horizon: 3, epochs: 3, batchSize: 16, patience: 3, seed: 7, quantiles: [0.1, 0.5, 0.9] };
const models: [string, (mode: WindowNormalization) => Built][] = [
  ['LstmForecaster', (mode) => new LstmForecaster({ ...small, hiddenSize: 6, windowNormalization: mode })],
  ['NBeatsForecaster', (mode) => new NBeatsForecaster({ ...small, blocksPerStack: 1, layerWidth: 16, hiddenLayers: 2, windowNormalization: mode })],
  ['TftForecaster', (mode) => new TftForecaster({ ...small, hiddenSize: 4, heads: 1, windowNormalization: mode })],
];

describe.each(models)('%s with per-window normalisation', (_, build) => {
  const series = trending(90);
  const train = createTimeSeries('trend', series.values.slice(0, 72));
  const test = { start: 72, horizon: 3, stride: 3 };
  let model: Built;
  beforeAll(async () => {
    model = await build('last-value').fitAsync(train);
  }, 60_000);
  afterAll(() => model.dispose());

  it("moves every quantile with the window's level: forecasts of series + c are forecasts of series, + c", () => {
    const base = rows(model.historicalForecasts(series, test));
    const raised = rows(model.historicalForecasts(shifted(series, 40), test));
    base.forEach((row, r) => row.forEach((value, h) => expect(raised[r][h]).toBeCloseTo(value + 40, 3)));
  });

  it('saves the option and reproduces the forecasts exactly through JSON and files', async () => {
    const expected = rows(model.historicalForecasts(series, test));
    const fromJson = (model.constructor as typeof LstmForecaster).fromJSON(throughText(model.toJSON())) as Built;
    const fromFiles = await (model.constructor as typeof LstmForecaster).fromFiles(filesReader(await model.toFiles()));
    for (const restored of [fromJson, fromFiles]) {
      expect(restored.options.windowNormalization).toBe('last-value');
      expect(rows(restored.historicalForecasts(series, test))).toEqual(expected);
      restored.dispose();
    }
  });

  it('is deterministic: the same seed trains the same window-mean model', async () => {
    const [first, second] = [await build('window-mean').fitAsync(train), await build('window-mean').fitAsync(train)];
    expect(rows(second.historicalForecasts(series, test))).toEqual(rows(first.historicalForecasts(series, test)));
    first.dispose();
    second.dispose();
  }, 60_000);
});

describe('models saved before windowNormalization', () => {
  const series = trending(60);

  it("load as 'none' (LSTM, TFT) with the same forecasts", async () => {
    for (const model of [
      await new LstmForecaster({ ...small, epochs: 1, hiddenSize: 4 }).fitAsync(series),
      await new TftForecaster({ ...small, epochs: 1, hiddenSize: 4, heads: 1 }).fitAsync(series),
    ]) {
      const json = throughText(model.toJSON()) as { options: Record<string, unknown> };
      delete json.options.windowNormalization;
      const old = (model.constructor as typeof LstmForecaster).fromJSON(json);
      expect(old.options.windowNormalization).toBe('none');
      expect(rows([old.predict(3)])).toEqual(rows([model.predict(3)]));
      old.dispose();
      model.dispose();
    }
  }, 60_000);

  it("N-BEATS reads the older relativeToLast flag: true = 'last-value' (its default), false = 'none'", async () => {
    const model = await new NBeatsForecaster({ ...small, epochs: 1, blocksPerStack: 1, layerWidth: 8, hiddenLayers: 1 }).fitAsync(series);
    expect(model.options.windowNormalization).toBe('last-value');
    const json = throughText(model.toJSON()) as { options: Record<string, unknown> };
    delete json.options.windowNormalization;
    const old = NBeatsForecaster.fromJSON({ ...json, options: { ...json.options, relativeToLast: true } });
    expect(old.options.windowNormalization).toBe('last-value');
    expect(rows([old.predict(3)])).toEqual(rows([model.predict(3)]));
    old.dispose();
    model.dispose();
    expect(new NBeatsForecaster({ lookback: 4, horizon: 2, relativeToLast: false }).options.windowNormalization).toBe('none');
    expect(() => new NBeatsForecaster({ lookback: 4, horizon: 2, relativeToLast: true, windowNormalization: 'none' })).toThrow(
      'options.relativeToLast: is the older name of windowNormalization',
    );
  }, 60_000);
});
