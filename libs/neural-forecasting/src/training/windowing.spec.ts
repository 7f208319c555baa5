import { createTimeSeries, ForecastError, StandardScaler } from '@tethys/forecasting';
import { chronologicalSplit, originRange } from './chronological-split';
import { seriesEntries, selectFittedSeries } from './series-input';
import { fitScalerSets } from './series-scalers';
import { concatWindowBatches } from './window-batches';

describe('chronologicalSplit', () => {
  it('holds out the last round(fraction * length) observations: training targets end before them', () => {
    const split = chronologicalSplit(50, 6, 3, 0.2, 'series');
    expect(split.trainEnd).toBe(40);
    expect(split.train).toEqual(originRange(6, 37)); // last training target: 37 + 2 = 39
    expect(split.validation).toEqual(originRange(40, 47)); // last validation target: 47 + 2 = 49
    expect(chronologicalSplit(50, 6, 3, 0, 'series')).toEqual({ trainEnd: 50, train: originRange(6, 47), validation: [] });
  });

  it('names the series and the option that make a split impossible', () => {
    expect(() => chronologicalSplit(8, 6, 3, 0, 'series[1]')).toThrow('series[1]: has 8 observations; the model needs at least lookback + horizon = 9');
    expect(() => chronologicalSplit(12, 6, 3, 0.5, 'series')).toThrow(/too short to hold out the last 6 .*validationFraction: 0/);
    expect(() => chronologicalSplit(20, 6, 3, 0.1, 'series')).toThrow(
      expect.objectContaining({ parameter: 'options.validationFraction', message: expect.stringContaining('fewer than one horizon (3)') }),
    );
  });
});

describe('concatWindowBatches', () => {
  it('stacks the buffers of several series row-wise and keeps absent fields absent', () => {
    const a = { count: 2, inputs: Float32Array.from([1, 2, 3, 4]), future: null, targets: Float32Array.from([5, 6]) };
    const b = { count: 1, inputs: Float32Array.from([7, 8]), future: null, targets: Float32Array.from([9]) };
    expect(concatWindowBatches([a, b])).toEqual({ count: 3, inputs: Float32Array.from([1, 2, 3, 4, 7, 8]), future: null, targets: Float32Array.from([5, 6, 9]) });
    expect(concatWindowBatches([a])).toBe(a);
    expect(() => concatWindowBatches([a, { ...b, future: Float32Array.from([1]) }])).toThrow('field future');
  });
});

describe('multi-series inputs', () => {
  const x = createTimeSeries('x', [1, 2, 3, 4]);
  const y = createTimeSeries('y', [10, 20, 30, 40]);

  it('pairs series with their covariates and refuses ambiguous input', () => {
    expect(seriesEntries(x, { past: { p: new Float64Array(4) } }).map((entry) => entry.parameter)).toEqual(['series']);
    expect(seriesEntries([x, y], [undefined, {}]).map((entry) => [entry.parameter, entry.covariatesParameter])).toEqual([
      ['series[0]', 'covariates[0]'],
      ['series[1]', 'covariates[1]'],
    ]);
    expect(() => seriesEntries([], undefined)).toThrow('series: is an empty list');
    expect(() => seriesEntries([x, x], undefined)).toThrow('series[1].name: "x" is also the name of series[0]');
    expect(() => seriesEntries([x, y], {})).toThrow('covariates: must be a list with one entry per series (2)');
    expect(() => seriesEntries([x, y], [{}])).toThrow(ForecastError);
  });

  it('selects a fitted series by index, by name, as the only one, or by the name of the series passed', () => {
    const fitted = [{ name: 'x' }, { name: 'y' }];
    expect(selectFittedSeries(fitted, 1, undefined, 'series')).toBe(fitted[1]);
    expect(selectFittedSeries(fitted, 'x', undefined, 'series')).toBe(fitted[0]);
    expect(selectFittedSeries(fitted, undefined, 'y', 'series')).toBe(fitted[1]);
    expect(selectFittedSeries([fitted[0]], undefined, 'other', 'series')).toBe(fitted[0]);
    expect(() => selectFittedSeries(fitted, undefined, 'z', 'options.fittedSeries')).toThrow(/fitted on 2 series \("x", "y"\)/);
    expect(() => selectFittedSeries(fitted, 2, undefined, 'series')).toThrow('index 2');
  });

  it("fits scalers on each series' training part, or pooled ones with scaling 'global'", () => {
    const parts = [
      { target: x.values, past: [], future: [], end: 3 },
      { target: y.values, past: [], future: [], end: 2 },
    ];
    const [ownX, ownY] = fitScalerSets(parts, 'per-series');
    expect(ownX.target.toJSON()).toEqual(new StandardScaler().fit([1, 2, 3]).toJSON());
    expect(ownY.target.toJSON()).toEqual(new StandardScaler().fit([10, 20]).toJSON());
    const [globalX, globalY] = fitScalerSets(parts, 'global');
    expect(globalX).toBe(globalY);
    expect(globalX.target.toJSON()).toEqual(new StandardScaler().fit([1, 2, 3, 10, 20]).toJSON());
  });
});
