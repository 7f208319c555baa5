import { createRng } from '@tethys/data';
import { createTimeSeries, ForecastError, mae, NotFittedError, sliceSeries, type Covariates, type TimeSeries } from '@tethys/forecasting';
import { initTf } from '@tethys/tf-runtime';
import { TftForecaster } from './tft-forecaster';
import type { TftOptions } from './tft-options';

beforeAll(async () => {
  await initTf({ backend: 'wasm', log: () => undefined });
});

const PERIOD = 12;
const TOTAL = 132;
const TRAIN = 108;
const rng = createRng(42);
// Clean monthly seasonality with a little noise; the calendar (month phase) is the known-future input.
const values = Array.from({ length: TOTAL }, (_, t) => 10 + 3 * Math.sin((2 * Math.PI * t) / PERIOD) + 0.1 * rng.normal(0, 1));
const full = createTimeSeries('seasonal', values);
const train = sliceSeries(full, 0, TRAIN);
const calendar = (length: number): Covariates['future'] => ({
  month_sin: Float64Array.from({ length }, (_, t) => Math.sin((2 * Math.PI * t) / PERIOD)),
  month_cos: Float64Array.from({ length }, (_, t) => Math.cos((2 * Math.PI * t) / PERIOD)),
});
const covariates: Covariates = { future: calendar(TOTAL), static: { region: 1.5 } };

const small: TftOptions = { lookback: 12, horizon: 4, hiddenSize: 8, heads: 2, dropout: 0.05, epochs: 8, batchSize: 32, learningRate: 0.03, patience: 6, seed: 7 };

let trained: TftForecaster;
beforeAll(async () => {
  trained = await new TftForecaster(small).fitAsync(train, covariates);
}, 60_000);

function lookbackMeanMae(series: TimeSeries, origins: number[], horizon: number): number {
  const errors = origins.map((origin) => {
    const past = series.values.subarray(origin - 12, origin);
    const level = past.reduce((s, v) => s + v, 0) / past.length;
    return mae(series.values.subarray(origin, origin + horizon), new Float64Array(horizon).fill(level));
  });
  return errors.reduce((s, v) => s + v, 0) / errors.length;
}

describe('TftForecaster', () => {
  it('learns the seasonal pattern: beats the mean-of-lookback baseline on held-out data', () => {
    const forecasts = trained.historicalForecasts(full, { start: TRAIN, horizon: 4 });
    const origins = forecasts.map((_, k) => TRAIN + k);
    expect(forecasts).toHaveLength(TOTAL - TRAIN - 4 + 1);
    const tftMae = forecasts.reduce((s, f, k) => s + mae(full.values.subarray(origins[k], origins[k] + 4), f.mean), 0) / forecasts.length;
    const baseline = lookbackMeanMae(full, origins, 4);
    expect(tftMae).toBeLessThan(0.25 * baseline);
    expect(trained.history.bestEpoch).toBeGreaterThan(0);
  });

  it('predict continues after the fitted series and equals the historical forecast at that origin', () => {
    const forecast = trained.predict(4);
    expect(forecast.times).toEqual(['108', '109', '110', '111']);
    const [historical] = trained.historicalForecasts(full, { start: TRAIN, horizon: 4 });
    expect(historical.mean).toEqual(forecast.mean);
    const shorter = trained.predict(2);
    expect(Array.from(shorter.mean)).toEqual(Array.from(forecast.mean.subarray(0, 2)));
  });

  it('interpret() reports weights summing to 1 and causal attention rows', () => {
    trained.predict(4);
    const { staticWeights, pastVariableWeights, futureVariableWeights, attention } = trained.interpret();
    const total = (record: Record<string, number>): number => Object.values(record).reduce((s, v) => s + v, 0);
    expect(Object.keys(pastVariableWeights)).toEqual(['target', 'month_sin', 'month_cos', 'relative_time']);
    expect(Object.keys(futureVariableWeights)).toEqual(['month_sin', 'month_cos', 'relative_time']);
    expect(total(pastVariableWeights)).toBeCloseTo(1, 5);
    expect(total(futureVariableWeights)).toBeCloseTo(1, 5);
    expect(total(staticWeights!)).toBeCloseTo(1, 5);
    expect(attention).toHaveLength(4);
    attention.forEach((row, h) => {
      expect(row).toHaveLength(16);
      expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
      row.slice(12 + h + 1).forEach((weight) => expect(weight).toBe(0));
    });
  });

  it('never crosses its quantiles', () => {
    const noise = createRng(3);
    const wild = createTimeSeries('wild', Array.from({ length: TOTAL }, () => noise.normal(0, 50)));
    for (const forecast of trained.historicalForecasts(wild, { start: 12, horizon: 4, stride: 3 })) {
      const [low, mid, high] = [forecast.quantiles!['0.1'], forecast.quantiles!['0.5'], forecast.quantiles!['0.9']];
      for (let h = 0; h < 4; h++) {
        expect(low[h]).toBeLessThanOrEqual(mid[h]);
        expect(mid[h]).toBeLessThanOrEqual(high[h]);
      }
    }
  });

  it('trains identically with the same seed', async () => {
    const options = { ...small, epochs: 2 };
    const shortSeries = sliceSeries(full, 0, 48);
    const a = await new TftForecaster(options).fitAsync(shortSeries, covariates);
    const b = await new TftForecaster(options).fitAsync(shortSeries, covariates);
    const c = await new TftForecaster({ ...options, seed: 8 }).fitAsync(shortSeries, covariates);
    expect(a.predict(4).quantiles).toEqual(b.predict(4).quantiles);
    expect(a.history).toEqual(b.history);
    expect(c.predict(4).mean).not.toEqual(a.predict(4).mean);
  }, 30_000);

  it('round-trips through toFiles/fromFiles and toJSON/fromJSON with identical forecasts', async () => {
    const files = await trained.toFiles();
    expect(Object.keys(files).sort()).toEqual(['model.json', 'tft-forecaster.json', 'weights.bin']);
    const bytes = (rel: string): Uint8Array => {
      const content = files[rel];
      if (content === undefined) throw new Error(`missing ${rel}`);
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    };
    const restored = await TftForecaster.fromFiles(bytes);
    const options = { start: 100, horizon: 4, stride: 2 };
    expect(restored.predict(4)).toEqual(trained.predict(4));
    expect(restored.historicalForecasts(full, options)).toEqual(trained.historicalForecasts(full, options));
    const fromJson = TftForecaster.fromJSON(JSON.parse(JSON.stringify(trained.toJSON())));
    expect(fromJson.predict(4)).toEqual(trained.predict(4));
  });

  it('refuses bad calls with typed errors', async () => {
    const fresh = new TftForecaster(small);
    expect(() => fresh.predict(1)).toThrow(NotFittedError);
    expect(() => fresh.toJSON()).toThrow(NotFittedError);
    // The shared fit is fitAsync: a promise, with the same checks.
    await expect(fresh.fit(sliceSeries(full, 0, 16), covariates)).rejects.toMatchObject({ code: 'INVALID_SERIES' });
    expect(() => trained.predict(5)).toThrow(expect.objectContaining({ parameter: 'horizon' }));
    await expect(new TftForecaster(small).fitAsync(sliceSeries(full, 0, 16), covariates)).rejects.toMatchObject({ code: 'INVALID_SERIES' });
    await expect(new TftForecaster(small).fitAsync(train, { future: { month: new Float64Array(50) } })).rejects.toMatchObject({
      code: 'LENGTH_MISMATCH',
      parameter: 'covariates.future.month',
    });
    expect(() => new TftForecaster({ ...small, heads: 3 })).toThrow(ForecastError);
    const noFuture = await new TftForecaster({ ...small, epochs: 1 }).fitAsync(sliceSeries(full, 0, 24), { future: calendar(24) });
    expect(() => noFuture.predict(4)).toThrow(expect.objectContaining({ code: 'LENGTH_MISMATCH' }));
    expect(() => trained.interpret()).not.toThrow();
    expect(() => new TftForecaster(small).interpret()).toThrow(NotFittedError);
  }, 30_000);
});
