import { expectForecastError } from '../testing/test-helpers';
import { intervalCoverage, intervalWidth, mae, mase, pinballLoss, rmse, smape } from './metrics';

const actual = [1, 2, 3, 4];
const predicted = [2, 2, 1, 4];

describe('point metrics (hand-checked)', () => {
  it('mae and rmse', () => {
    expect(mae(actual, predicted)).toBe(0.75); // (1 + 0 + 2 + 0) / 4
    expect(rmse(actual, predicted)).toBeCloseTo(Math.sqrt(5 / 4), 15); // (1 + 0 + 4 + 0) / 4
  });

  it('smape in percent, M4 definition', () => {
    // 100/4 * (2*1/3 + 0 + 2*2/4 + 0) = 25 * (2/3 + 1)
    expect(smape(actual, predicted)).toBeCloseTo(25 * (2 / 3 + 1), 12);
    expect(smape([0, 1], [0, -1])).toBe(100); // 0/0 counts as perfect; |1-(-1)|*2/2 = 2 -> 200/2
    expect(smape([5], [5])).toBe(0);
  });

  it('mase scales by the in-sample seasonal naive MAE', () => {
    // seasonal naive with m = 2 on [1, 3, 2, 6, 4]: |2-1| + |6-3| + |4-2| = 6 over 3 -> 2
    expect(mase(actual, predicted, [1, 3, 2, 6, 4], 2)).toBe(0.75 / 2);
    // m = 1: |3-1| + |2-3| + |6-2| + |4-6| = 9 over 4
    expect(mase(actual, predicted, [1, 3, 2, 6, 4])).toBeCloseTo(0.75 / (9 / 4), 15);
  });

  it('mase refuses a zero scale and a too short in-sample series', () => {
    expectForecastError(() => mase(actual, predicted, [1, 2, 1, 2], 2), 'ZERO_SCALE', 'insample');
    expectForecastError(() => mase(actual, predicted, [1, 2], 2), 'INVALID_ARGUMENT', 'insample');
    expectForecastError(() => mase(actual, predicted, [1, 2, 3], 0), 'INVALID_ARGUMENT', 'seasonPeriod');
  });
});

describe('probabilistic metrics (hand-checked)', () => {
  it('pinball loss weighs under- and over-prediction by tau and 1 - tau', () => {
    // tau 0.9: y - q = [-1, 0, 2, 0] -> [0.1, 0, 1.8, 0] / 4
    expect(pinballLoss(actual, predicted, 0.9)).toBeCloseTo(1.9 / 4, 15);
    // tau 0.5 is half the MAE.
    expect(pinballLoss(actual, predicted, 0.5)).toBeCloseTo(mae(actual, predicted) / 2, 15);
  });

  it('interval coverage counts the bounds as inside; width is the mean width', () => {
    const lower = [0, 2, 3.5, 0];
    const upper = [1, 3, 5, 10];
    expect(intervalCoverage(actual, lower, upper)).toBe(0.75); // 3 is outside [3.5, 5]
    expect(intervalWidth(lower, upper)).toBe((1 + 1 + 1.5 + 10) / 4);
  });
});

describe('metric input errors', () => {
  it('names the argument of a length mismatch, a NaN or an empty input', () => {
    expectForecastError(() => mae([1, 2], [1]), 'LENGTH_MISMATCH', 'predicted', /1 elements but actual has 2/);
    expectForecastError(() => rmse([1, Number.NaN], [1, 2]), 'NON_FINITE', 'actual', /element 1/);
    expectForecastError(() => smape([1], [Infinity]), 'NON_FINITE', 'predicted');
    expectForecastError(() => mae([], []), 'INVALID_ARGUMENT', 'actual');
    expectForecastError(() => mase([1], [1], [1, Number.NaN, 3]), 'NON_FINITE', 'insample');
    expectForecastError(() => pinballLoss([1], [1, 2], 0.5), 'LENGTH_MISMATCH', 'quantile');
    expectForecastError(() => pinballLoss([1], [1], 1), 'INVALID_ARGUMENT', 'tau');
    expectForecastError(() => intervalCoverage([1, 2], [0], [2]), 'LENGTH_MISMATCH', 'actual');
    expectForecastError(() => intervalCoverage([1, 2], [0, 0], [2, 2, 2]), 'LENGTH_MISMATCH', 'upper');
    expectForecastError(() => intervalCoverage([1], [0, 0], [2, 2]), 'LENGTH_MISMATCH', 'actual');
    expectForecastError(() => intervalWidth([0, 3], [1, 2]), 'INVALID_ARGUMENT', 'upper', /element 1/);
    expectForecastError(() => intervalWidth([0, Number.NaN], [1, 2]), 'NON_FINITE', 'lower');
  });
});
