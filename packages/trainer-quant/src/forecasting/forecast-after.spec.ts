import { createTimeSeries } from '@tethys/forecasting';
import { LstmForecaster, NBeatsForecaster } from '@tethys/neural-forecasting';
import { initTf } from '@tethys/tf-runtime';
import { forecastAfter } from './forecast-after';

// Two series of different levels trained into one model, as train-forecast does with companion series.
const scored = createTimeSeries('scored', Array.from({ length: 40 }, (_, t) => 10 + Math.sin(t / 2)));
const companion = createTimeSeries('scored:X', Array.from({ length: 40 }, (_, t) => 50 + 3 * Math.cos(t / 3)));
const input = createTimeSeries('from_a_file', scored.values.slice(0, 30));

beforeAll(async () => {
  await initTf({ backend: 'wasm', log: () => undefined });
});

describe('forecastAfter on a model fitted on several series', () => {
  it.each([
    ['LstmForecaster', () => new LstmForecaster({ lookback: 6, horizon: 2, hiddenSize: 3, epochs: 1, validationFraction: 0 })],
    ['NBeatsForecaster', () => new NBeatsForecaster({ lookback: 6, horizon: 2, blocksPerStack: 1, layerWidth: 4, hiddenLayers: 1, epochs: 1, validationFraction: 0 })],
  ])("%s uses the first fitted series' scalers for a series of any name, or the one asked for", async (_, build) => {
    const model = await build().fitAsync([scored, companion]);
    const first = forecastAfter(model, input, 2);
    const [expected] = model.historicalForecasts(createTimeSeries('scored', [...input.values, 0, 0]), { start: 30, horizon: 2, fittedSeries: 'scored' });
    expect(Array.from(first.mean)).toEqual(Array.from(expected.mean));
    expect(Array.from(forecastAfter(model, input, 2, 'scored:X').mean)).not.toEqual(Array.from(first.mean));
    model.dispose();
  });
});
