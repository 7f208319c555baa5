// Several real series (two Dow stocks) trained into one model, for each of the three forecasters.
import path from 'node:path';
import { ForecastError, readSeriesCsv, sliceSeries, StandardScaler, type Covariates, type Forecaster, type TimeSeries } from '@tethys/forecasting';
import { initTf } from '@tethys/tf-runtime';
import { NaiveForecaster } from '@tethys/forecasting';
import { LstmForecaster, NBeatsForecaster, TftForecaster } from './index';

const DOW = path.join(__dirname, '../../../data/prices/dowjones30_daily_1990_2001.csv');
const LENGTH = 160;
const FIT = 140;

let full: Record<string, TimeSeries>;
let fit: Record<string, TimeSeries>;
beforeAll(async () => {
  await initTf({ backend: 'wasm', log: () => undefined });
  const all = readSeriesCsv(DOW);
  const pick = (name: string): TimeSeries => {
    const series = all.find((candidate) => candidate.name === name)!;
    return sliceSeries(series, series.values.length - LENGTH);
  };
  full = { AA: pick('AA'), KO: pick('KO'), IBM: pick('IBM') };
  fit = { AA: sliceSeries(full.AA, 0, FIT), KO: sliceSeries(full.KO, 0, FIT) };
});

const small = { lookback: 10, horizon: 3, epochs: 2, batchSize: 32, seed: 5 };
const meanOf = (forecasts: { mean: Float64Array }[]): number[][] => forecasts.map((forecast) => Array.from(forecast.mean));
const throughText = (json: unknown): unknown => JSON.parse(JSON.stringify(json));

describe('LstmForecaster on two Dow stocks', () => {
  let model: LstmForecaster;
  beforeAll(async () => {
    model = await new LstmForecaster({ ...small, hiddenSize: 6 }).fitAsync([fit.AA, fit.KO]);
  }, 30_000);
  afterAll(() => model.dispose());

  it("keeps one scaler per series, fitted on that series' training part", () => {
    const json = model.toJSON();
    expect(json.version).toBe(2);
    const saved = (json.state as { series: { scalers: { target: unknown }; tail: { name: string } }[] }).series;
    expect(saved.map((entry) => entry.tail.name)).toEqual(['AA', 'KO']);
    const trainEnd = FIT - Math.round(0.1 * FIT);
    expect(saved[0].scalers.target).toEqual(new StandardScaler().fit(fit.AA.values.subarray(0, trainEnd)).toJSON());
    expect(saved[1].scalers.target).toEqual(new StandardScaler().fit(fit.KO.values.subarray(0, trainEnd)).toJSON());
  });

  it("forecasts each series with its own scaler: predict(h, name) equals that series' historical forecast", () => {
    expect(() => model.predict(3)).toThrow(/fitted on 2 series \("AA", "KO"\)/);
    for (const name of ['AA', 'KO']) {
      const [historical] = model.historicalForecasts(full[name], { start: FIT, horizon: 3 });
      expect(Array.from(model.predict(3, name).mean)).toEqual(Array.from(historical.mean));
    }
    expect(model.predict(3, 1).mean).toEqual(model.predict(3, 'KO').mean);
    expect(() => model.historicalForecasts(full.IBM, { start: FIT, horizon: 3 })).toThrow(ForecastError);
    // An explicit fittedSeries lends a fitted series' scaler to another series.
    expect(model.historicalForecasts(full.IBM, { start: FIT, horizon: 3, fittedSeries: 'KO' })).toHaveLength(LENGTH - FIT - 2);
  });

  it('round-trips a multi-series model through JSON and files with identical forecasts', async () => {
    const restored = LstmForecaster.fromJSON(throughText(model.toJSON()));
    const files = await model.toFiles();
    const fromFiles = await LstmForecaster.fromFiles((name) => {
      const content = files[name];
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    });
    for (const name of ['AA', 'KO']) {
      expect(restored.predict(3, name)).toEqual(model.predict(3, name));
      expect(fromFiles.predict(3, name)).toEqual(model.predict(3, name));
    }
    restored.dispose();
    fromFiles.dispose();
  });

  it('treats a one-element list exactly as the single series, and more series as more training windows', async () => {
    const single = await new LstmForecaster({ ...small, hiddenSize: 6 }).fitAsync(fit.AA);
    const listed = await new LstmForecaster({ ...small, hiddenSize: 6 }).fitAsync([fit.AA]);
    expect(listed.toJSON()).toEqual(single.toJSON());
    expect(Array.from(model.predict(3, 'AA').mean)).not.toEqual(Array.from(single.predict(3).mean));
    single.dispose();
    listed.dispose();
  }, 30_000);
});

describe('NBeatsForecaster on two Dow stocks', () => {
  it("scaling 'global' pools the training parts and forecasts a series the model never saw", async () => {
    const model = await new NBeatsForecaster({ ...small, layerWidth: 16, hiddenLayers: 2, blocksPerStack: 1, scaling: 'global' }).fitAsync([fit.AA, fit.KO]);
    const forecasts = model.historicalForecasts(full.IBM, { start: FIT, horizon: 3, stride: 5 });
    expect(forecasts).toHaveLength(4);
    forecasts.forEach((forecast) => forecast.mean.forEach((value) => expect(Number.isFinite(value)).toBe(true)));
    const restored = NBeatsForecaster.fromJSON(throughText(model.toJSON()));
    expect(meanOf(restored.historicalForecasts(full.IBM, { start: FIT, horizon: 3, stride: 5 }))).toEqual(meanOf(forecasts));
    expect(restored.predict(3, 'KO')).toEqual(model.predict(3, 'KO'));
    await expect(model.fit([fit.AA, fit.KO], [undefined, { past: { volume: new Float64Array(FIT) } }])).rejects.toMatchObject({
      code: 'UNSUPPORTED_COVARIATES',
    });
    model.dispose();
    restored.dispose();
  }, 30_000);

  it("per-series scaling refuses a series it cannot match to a fitted one", async () => {
    const model = await new NBeatsForecaster({ ...small, layerWidth: 16, hiddenLayers: 2, blocksPerStack: 1 }).fitAsync([fit.AA, fit.KO]);
    expect(() => model.historicalForecasts(full.IBM, { start: FIT, horizon: 3 })).toThrow(/options.fittedSeries: the model was fitted on 2 series/);
    const [historical] = model.historicalForecasts(full.AA, { start: FIT, horizon: 3 });
    expect(Array.from(model.predict(3, 'AA').mean)).toEqual(Array.from(historical.mean));
    model.dispose();
  }, 30_000);
});

describe('TftForecaster on two Dow stocks', () => {
  it('trains with per-series static and known-future covariates and forecasts each series', async () => {
    const weekday = (series: TimeSeries): Float64Array => Float64Array.from(series.times, (time) => new Date(time).getUTCDay());
    const covariates: Covariates[] = [
      { future: { weekday: weekday(full.AA) }, static: { sector: 0 } },
      { future: { weekday: weekday(full.KO) }, static: { sector: 1 } },
    ];
    // Fitted on the first FIT days; the known-future column reaches one horizon past them.
    const fitCovariates = covariates.map((entry) => ({ ...entry, future: { weekday: entry.future!.weekday.slice(0, FIT + 3) } }));
    const model = await new TftForecaster({ ...small, hiddenSize: 8, heads: 2 }).fitAsync([fit.AA, fit.KO], fitCovariates);
    const forecaster: Forecaster = model;
    const [aa] = forecaster.historicalForecasts(full.AA, { start: FIT, horizon: 3 }, covariates[0]);
    expect(Array.from(model.predict(3, 'AA').mean)).toEqual(Array.from(aa.mean));
    expect(model.predict(3, 'KO').mean).not.toEqual(model.predict(3, 'AA').mean);
    expect(() => model.historicalForecasts(full.KO, { start: FIT, horizon: 3 }, { future: { weekday: weekday(full.KO) } })).toThrow(
      'covariates.static: must name [sector] as in fit',
    );
    const json = model.toJSON();
    expect(json.version).toBe(2);
    const restored = TftForecaster.fromJSON(throughText(json));
    expect(restored.predict(3, 'KO')).toEqual(model.predict(3, 'KO'));
    await expect(new TftForecaster(small).fitAsync([fit.AA, fit.KO], fitCovariates[0])).rejects.toThrow('one entry per series');
    model.dispose();
    restored.dispose();
  }, 30_000);
});

describe('the shared Forecaster interface', () => {
  it('types covariates the same way for every model: fit(series, covariates?), historicalForecasts(series, options, covariates?)', async () => {
    const models: Forecaster[] = [
      new LstmForecaster({ ...small, epochs: 1, hiddenSize: 4 }),
      new NBeatsForecaster({ ...small, epochs: 1, layerWidth: 8, hiddenLayers: 1, blocksPerStack: 1 }),
      new TftForecaster({ ...small, epochs: 1, hiddenSize: 4, heads: 2 }),
      new NaiveForecaster(),
    ];
    const none: Covariates | undefined = undefined;
    for (const model of models) {
      await model.fit(fit.KO, none);
      const forecasts = model.historicalForecasts(full.KO, { start: FIT, horizon: 3, stride: 10 }, none);
      expect(forecasts).toHaveLength(2);
    }
    // A univariate neural model refuses covariates where it is handed them, rather than ignore them.
    expect(() => models[1].historicalForecasts(full.KO, { start: FIT, horizon: 3 }, { past: { volume: new Float64Array(LENGTH) } })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_COVARIATES' }),
    );
    models.forEach((model) => (model as { dispose?: () => void }).dispose?.());
  }, 30_000);
});
