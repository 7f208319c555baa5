// Every forecaster of this library honours the shared interface the same way.
import { baselineFromJSON } from '../baselines/baseline-from-json';
import { DriftForecaster } from '../baselines/drift';
import { NaiveForecaster } from '../baselines/naive';
import { SeasonalNaiveForecaster } from '../baselines/seasonal-naive';
import { NotFittedError } from '../errors/forecast-error';
import { ExponentialSmoothing } from '../ets/exponential-smoothing';
import { createTimeSeries, sliceSeries } from '../series/time-series';
import { expectForecastError, throughJsonText } from '../testing/test-helpers';
import type { BaselineForecaster } from '../baselines/baseline-from-json';
import type { Covariates, Forecast, Forecaster } from './forecaster';

// Monthly, positive, trending and seasonal with a little deterministic wiggle.
const months = Array.from({ length: 60 }, (_, t) => `${2015 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}-01`);
const values = months.map((_, t) => (100 + 2 * t) * (1 + 0.2 * Math.sin((2 * Math.PI * t) / 12)) + 3 * Math.cos(t * 1.7));
const full = createTimeSeries('demo', values, months);
const train = sliceSeries(full, 0, 48);

// Every baseline honours the shared interface (Forecaster), fitting synchronously.
const makers: [string, () => BaselineForecaster & Forecaster][] = [
  ['naive', () => new NaiveForecaster()],
  ['seasonal naive', () => new SeasonalNaiveForecaster({ seasonPeriod: 12, quantiles: [0.05, 0.5, 0.95] })],
  ['drift', () => new DriftForecaster()],
  ['simple exponential smoothing', () => new ExponentialSmoothing()],
  ['damped Holt', () => new ExponentialSmoothing({ trend: 'additive', damped: true })],
  ['additive Holt-Winters', () => new ExponentialSmoothing({ trend: 'additive', seasonal: 'additive', seasonPeriod: 12 })],
  [
    'multiplicative Holt-Winters',
    () =>
      new ExponentialSmoothing({ trend: 'additive', seasonal: 'multiplicative', seasonPeriod: 12, simulationPaths: 300 }),
  ],
];

function expectSameForecast(actual: Forecast, expected: Forecast): void {
  expect(actual.times).toEqual(expected.times);
  expect(actual.mean).toEqual(expected.mean);
  expect(actual.quantiles).toEqual(expected.quantiles);
}

describe.each(makers)('%s honours the Forecaster contract', (_name, make) => {
  it('refuses predict, historicalForecasts and toJSON before fit', () => {
    const model = make();
    expect(() => model.predict(1)).toThrow(NotFittedError);
    expect(() => model.historicalForecasts(full, { start: 48, horizon: 1 })).toThrow(NotFittedError);
    expect(() => model.toJSON()).toThrow(NotFittedError);
  });

  it('predicts after the last fitted month, with ordered quantiles', () => {
    const forecast = make().fit(train).predict(12);
    expect(forecast.times).toEqual(full.times.slice(48, 60));
    expect(forecast.mean).toHaveLength(12);
    const levels = Object.keys(forecast.quantiles!).map(Number).sort((a, b) => a - b);
    expect(levels.length).toBeGreaterThanOrEqual(3);
    for (let step = 0; step < 12; step++) {
      for (let k = 1; k < levels.length; k++) {
        expect(forecast.quantiles![String(levels[k])][step]).toBeGreaterThanOrEqual(
          forecast.quantiles![String(levels[k - 1])][step],
        );
      }
    }
  });

  it('predict equals the historical forecast from the end of the fitted data', () => {
    const model = make().fit(train);
    const [historical] = model.historicalForecasts(full, { start: 48, horizon: 12 });
    expectSameForecast(historical, model.predict(12));
  });

  it('has no look-ahead: changing data after an origin leaves that forecast unchanged', () => {
    const model = make().fit(train);
    const options = { start: 40, horizon: 6, stride: 3 };
    const before = model.historicalForecasts(full, options);
    expect(before.map((forecast) => forecast.times![0])).toEqual(
      [40, 43, 46, 49, 52].map((index) => full.times[index]),
    );
    const origin = 46;
    const changed = full.values.slice();
    for (let t = origin; t < changed.length; t++) changed[t] *= 1.5;
    const changedSeries = { ...full, values: changed };
    const after = model.historicalForecasts(changedSeries, options);
    for (let k = 0; k < 3; k++) expectSameForecast(after[k], before[k]); // origins 40, 43, 46
    // The test can fail: a forecast made after the change does see it.
    const late = { start: 58, horizon: 1 };
    expect(model.historicalForecasts(changedSeries, late)[0].mean).not.toEqual(
      model.historicalForecasts(full, late)[0].mean,
    );
  });

  it('round-trips through JSON text with identical forecasts', () => {
    const model = make().fit(train);
    const restored = baselineFromJSON(throughJsonText(model.toJSON()));
    expect(restored.constructor).toBe(model.constructor);
    expectSameForecast(restored.predict(7), model.predict(7));
    const options = { start: 44, horizon: 4, stride: 5 };
    restored.historicalForecasts(full, options).forEach((forecast, k) =>
      expectSameForecast(forecast, model.historicalForecasts(full, options)[k]),
    );
    expect(restored.toJSON()).toEqual(model.toJSON());
  });

  it('refuses covariates, a bad horizon and a bad rolling-origin request', () => {
    expectForecastError(
      () => make().fit(train, { past: { promo: new Float64Array(48) } }),
      'UNSUPPORTED_COVARIATES',
      'covariates',
    );
    const model = make().fit(train, {});
    expectForecastError(() => model.predict(0), 'INVALID_ARGUMENT', 'horizon');
    expectForecastError(() => model.historicalForecasts(full, { start: 58, horizon: 3 }), 'INVALID_ARGUMENT', 'start');
    expectForecastError(() => model.historicalForecasts(full, { start: 'never', horizon: 1 }), 'INVALID_ARGUMENT', 'start');
    expectForecastError(
      () => model.historicalForecasts(full, { start: 48, horizon: 1, stride: 0 }),
      'INVALID_ARGUMENT',
      'stride',
    );
    expectForecastError(
      () => model.historicalForecasts(full, { start: 48, horizon: 1, retrain: true as unknown as false }),
      'INVALID_ARGUMENT',
      'retrain',
    );
  });

  it('takes covariates through the shared interface: historicalForecasts of a univariate fit ignores them', () => {
    // Typed as the interface: every forecaster is called the same way, covariates included.
    const model: Forecaster = make().fit(train) as Forecaster;
    const covariates: Covariates = { future: { promo: new Float64Array(60) } };
    const withCovariates = model.historicalForecasts(full, { start: 48, horizon: 3, stride: 6 }, covariates);
    const without = model.historicalForecasts(full, { start: 48, horizon: 3, stride: 6 });
    expect(withCovariates).toHaveLength(without.length);
    withCovariates.forEach((forecast, index) => expectSameForecast(forecast, without[index]));
  });

  it('accepts the start of historical forecasts as a time', () => {
    const model = make().fit(train);
    const byTime = model.historicalForecasts(full, { start: full.times[50], horizon: 2 });
    const byIndex = model.historicalForecasts(full, { start: 50, horizon: 2 });
    expect(byTime).toHaveLength(9);
    byTime.forEach((forecast, k) => expectSameForecast(forecast, byIndex[k]));
  });
});

describe('baselineFromJSON', () => {
  it('rejects unknown kinds, other versions and broken state', () => {
    expectForecastError(() => baselineFromJSON({ kind: 'prophet' }), 'INVALID_JSON', 'model.kind');
    const json = new NaiveForecaster().fit(train).toJSON();
    expectForecastError(() => baselineFromJSON({ ...json, version: 2 }), 'INVALID_JSON', 'model.version');
    const state = json.state as Record<string, unknown>;
    expectForecastError(
      () => baselineFromJSON({ ...json, state: { ...state, sigma: 'wide' } }),
      'INVALID_JSON',
      'model.state.sigma',
    );
    const seasonal = new SeasonalNaiveForecaster({ seasonPeriod: 12 }).fit(train).toJSON();
    const seasonalState = seasonal.state as Record<string, unknown>;
    expectForecastError(
      () => baselineFromJSON({ ...seasonal, state: { ...seasonalState, lastSeason: [1, 2] } }),
      'INVALID_JSON',
      'model.state.lastSeason',
    );
  });
});
