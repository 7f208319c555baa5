import { NotFittedError } from '../errors/forecast-error';
import { expectAllClose, expectForecastError, throughJsonText } from '../testing/test-helpers';
import { MinMaxScaler } from './min-max-scaler';
import { inverseTransformForecast } from './scaler';
import { scalerFromJSON } from './scaler-from-json';
import { StandardScaler } from './standard-scaler';

describe('StandardScaler', () => {
  it('standardises with the training mean and population sd only', () => {
    // mean 5, population variance (9+1+1+9)/4 = 5
    const scaler = new StandardScaler().fit([2, 4, 6, 8]);
    expect(scaler.toJSON()).toEqual({ kind: 'standard', mean: 5, scale: Math.sqrt(5) });
    // Later (test) values use the training statistics, whatever their own spread.
    expectAllClose(scaler.transform([5, 10]), [0, 5 / Math.sqrt(5)], 1e-15);
    expectAllClose(scaler.inverseTransform(scaler.transform([1, 100, -3])), [1, 100, -3], 1e-12);
  });

  it('keeps scale 1 for a constant training series', () => {
    expect(new StandardScaler().fit([3, 3, 3]).transform([4])).toEqual(Float64Array.from([1]));
  });

  it('round-trips through JSON text with identical outputs', () => {
    const scaler = new StandardScaler().fit([0.1, 0.7, 1.3, 2.9]);
    const restored = scalerFromJSON(throughJsonText(scaler.toJSON()));
    expect(restored).toBeInstanceOf(StandardScaler);
    expect(restored.transform([0.3, 5])).toEqual(scaler.transform([0.3, 5]));
  });

  it('refuses use before fit, bad training data and malformed JSON', () => {
    expect(() => new StandardScaler().transform([1])).toThrow(NotFittedError);
    expectForecastError(() => new StandardScaler().inverseTransform([1]), 'NOT_FITTED', 'inverseTransform');
    expectForecastError(() => new StandardScaler().fit([]), 'INVALID_ARGUMENT', 'values');
    expectForecastError(() => new StandardScaler().fit([1, Number.NaN]), 'NON_FINITE', 'values', /element 1/);
    expectForecastError(() => StandardScaler.fromJSON({ kind: 'standard', mean: 0, scale: 0 }), 'INVALID_JSON', 'scaler.scale');
    expectForecastError(() => StandardScaler.fromJSON({ kind: 'standard', scale: 1 }), 'INVALID_JSON', 'scaler.mean');
    expectForecastError(() => scalerFromJSON({ kind: 'robust' }), 'INVALID_JSON', 'scaler.kind');
  });
});

describe('MinMaxScaler', () => {
  it('maps the training range onto the feature range without clipping later values', () => {
    const scaler = new MinMaxScaler({ featureRange: [-1, 1] }).fit([10, 20, 30]);
    expectAllClose(scaler.transform([10, 20, 30, 40]), [-1, 0, 1, 2], 1e-15);
    expectAllClose(scaler.inverseTransform([-1, 2]), [10, 40], 1e-12);
  });

  it('maps a constant training series to the low end with unit slope', () => {
    expect(new MinMaxScaler().fit([5, 5]).transform([5, 6])).toEqual(Float64Array.from([0, 1]));
  });

  it('round-trips through JSON text with identical outputs', () => {
    const scaler = new MinMaxScaler({ featureRange: [0.1, 0.9] }).fit([3.3, -1.7, 8.2]);
    const restored = scalerFromJSON(throughJsonText(scaler.toJSON()));
    expect(restored).toBeInstanceOf(MinMaxScaler);
    expect(restored.transform([0, 1, 100])).toEqual(scaler.transform([0, 1, 100]));
    expect(restored.inverseTransform([0.5])).toEqual(scaler.inverseTransform([0.5]));
  });

  it('rejects a bad feature range, use before fit and malformed JSON', () => {
    expectForecastError(() => new MinMaxScaler({ featureRange: [1, 0] }), 'INVALID_ARGUMENT', 'featureRange');
    expectForecastError(() => new MinMaxScaler().toJSON(), 'NOT_FITTED', 'toJSON');
    expectForecastError(
      () => MinMaxScaler.fromJSON({ kind: 'min_max', featureRange: [0, 1], dataMin: 2, dataMax: 1 }),
      'INVALID_JSON',
      'scaler.dataMax',
    );
    expectForecastError(
      () => MinMaxScaler.fromJSON({ kind: 'min_max', featureRange: [0], dataMin: 0, dataMax: 1 }),
      'INVALID_JSON',
      'scaler.featureRange',
    );
  });
});

describe('inverseTransformForecast', () => {
  it('maps the mean and every quantile back and keeps the times', () => {
    const scaler = new StandardScaler().fit([0, 10]); // mean 5, sd 5
    const forecast = inverseTransformForecast(
      { times: ['a'], mean: Float64Array.from([1]), quantiles: { '0.1': Float64Array.from([-1]) } },
      scaler,
    );
    expect(forecast).toEqual({ times: ['a'], mean: Float64Array.from([10]), quantiles: { '0.1': Float64Array.from([0]) } });
  });
});
