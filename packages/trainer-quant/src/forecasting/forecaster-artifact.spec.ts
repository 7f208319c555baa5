import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTimeSeries } from '@tethys/forecasting';
import { initTf } from '@tethys/tf-runtime';
import { forecastAfter } from './forecast-after';
import type { ForecastParams } from './forecast-params';
import { loadForecaster } from './forecaster-artifact';
import { trainForecast } from './train-forecast';

// 80 points of a noisy seasonal line, season 4.
const values = Array.from({ length: 80 }, (_, t) => 10 + 0.1 * t + [0, 2, -1, 1][t % 4] + 0.3 * Math.sin(t * 1.7));
let root: string;

function params(): ForecastParams {
  const tiny = { lookback: 8, epochs: 2, patience: 1, batchSize: 16, validationFraction: 0.2 };
  return {
    seed: 3,
    quantiles: [0.1, 0.5, 0.9],
    series: [
      {
        name: 'toy',
        source: { kind: 'csv', file: 'toy.csv' },
        season: 4,
        horizon: 4,
        testWindows: 2,
        stride: 4,
        etsSeasonal: 'additive',
        lstm: { ...tiny, hiddenSize: 4 },
        nbeats: { ...tiny, stacks: 'generic', blocksPerStack: 1, layerWidth: 8, hiddenLayers: 2 },
        tft: { ...tiny, hiddenSize: 4, heads: 1 },
      },
    ],
  };
}

beforeAll(async () => {
  await initTf({ backend: 'wasm', log: () => undefined });
  root = mkdtempSync(path.join(os.tmpdir(), 'forecast-artifact-'));
  writeFileSync(path.join(root, 'toy.csv'), `time,value\n${values.map((v, t) => `${t},${v}`).join('\n')}\n`);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('train-forecast artifacts reload and reproduce their predictions exactly', () => {
  const series = createTimeSeries('toy', values);

  it.each(['lstm', 'nbeats', 'tft'] as const)('%s', async (model) => {
    const result = await trainForecast(params(), model, { root });
    const trained = result.series[0].forecasts[model];
    const loaded = await loadForecaster(path.join(root, 'models', `timeseries_${model}`));
    expect(loaded).toMatchObject({ kind: model, series: 'toy' });
    const again = loaded.forecaster.historicalForecasts(series, { start: 72, horizon: 4, stride: 4 });
    expect(again.map((f) => Array.from(f.mean))).toEqual(trained?.map((f) => Array.from(f.mean)));
    expect(again.map((f) => Array.from(f.quantiles?.['0.9'] ?? []))).toEqual(trained?.map((f) => Array.from(f.quantiles?.['0.9'] ?? [])));
    expect(forecastAfter(loaded.forecaster, series, 3).mean).toHaveLength(3);
    expect(result.series[0].scores[model]?.beatsSeasonalNaive).toEqual(expect.any(Boolean));
    if ('dispose' in loaded.forecaster) loaded.forecaster.dispose();
  });

  it('baselines, each by name', async () => {
    const result = await trainForecast(params(), 'baselines', { root });
    const dir = path.join(root, 'models', 'timeseries_baselines');
    for (const kind of ['naive', 'seasonal_naive', 'drift', 'ets'] as const) {
      const loaded = await loadForecaster(dir, 'toy', { baseline: kind });
      const again = loaded.forecaster.historicalForecasts(series, { start: 72, horizon: 4, stride: 4 });
      expect(again.map((f) => Array.from(f.mean))).toEqual(result.series[0].forecasts[kind]?.map((f) => Array.from(f.mean)));
    }
    await expect(loadForecaster(dir, 'nope')).rejects.toThrow(/no series "nope"/);
  });

  it('forecastAfter equals predict after the fitted series', async () => {
    const loaded = await loadForecaster(path.join(root, 'models', 'timeseries_baselines'), 'toy', { baseline: 'ets' });
    // The artifact's ETS was fitted on the first 72 points: forecasting after them is its own predict.
    const history = createTimeSeries('toy', values.slice(0, 72));
    expect(Array.from(forecastAfter(loaded.forecaster, history, 4).mean)).toEqual(Array.from(loaded.forecaster.predict(4).mean));
  });

  it('refuses a tampered artifact', async () => {
    const dir = path.join(root, 'models', 'timeseries_baselines');
    writeFileSync(path.join(dir, 'toy', 'naive.json'), '{}');
    await expect(loadForecaster(dir, 'toy', { baseline: 'naive' })).rejects.toThrow(/naive\.json/);
  });
});
