import { IsolationForestParamError } from './errors';
import { DEFAULT_ISOLATION_FOREST_PARAMS, resolveMaxFeatures, resolveMaxSamples, resolveParams } from './params';

describe('resolveParams', () => {
  it('fills scikit-learn defaults', () => {
    expect(resolveParams({})).toEqual({
      nEstimators: 100,
      maxSamples: 'auto',
      maxFeatures: 1,
      contamination: 'auto',
      bootstrap: false,
      seed: 0,
    });
    expect(DEFAULT_ISOLATION_FOREST_PARAMS.nEstimators).toBe(100);
  });

  it.each([
    [{ nEstimators: 0 }, 'nEstimators', /integer >= 1/],
    [{ nEstimators: 2.5 }, 'nEstimators', /integer >= 1/],
    [{ maxSamples: 0 }, 'maxSamples', /fraction in \(0, 1\] or an integer count >= 2/],
    [{ maxSamples: 1.5 }, 'maxSamples', /fraction in \(0, 1\]/],
    [{ maxSamples: 'all' }, 'maxSamples', /'auto'/],
    [{ maxFeatures: -1 }, 'maxFeatures', /fraction in \(0, 1\]/],
    [{ contamination: 0.6 }, 'contamination', /\(0, 0.5\]/],
    [{ contamination: 0 }, 'contamination', /\(0, 0.5\]/],
    [{ bootstrap: 'yes' }, 'bootstrap', /true or false/],
    [{ seed: 0.5 }, 'seed', /safe integer/],
    [{ nTrees: 10 }, 'nTrees', /unknown parameter/],
  ])('rejects %j naming the parameter and its range', (overrides, parameter, message) => {
    let error: unknown;
    try {
      resolveParams(overrides);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(IsolationForestParamError);
    expect(error).toBeInstanceOf(RangeError);
    expect((error as IsolationForestParamError).parameter).toBe(parameter);
    expect((error as Error).message).toContain(`parameter ${parameter}`);
    expect((error as Error).message).toMatch(message);
  });
});

describe('resolveMaxSamples', () => {
  it("'auto' is min(256, n)", () => {
    expect(resolveMaxSamples('auto', 1000)).toEqual({ count: 256 });
    expect(resolveMaxSamples('auto', 100)).toEqual({ count: 100 });
  });

  it('takes an integer count, clipping it to n with a recorded note', () => {
    expect(resolveMaxSamples(50, 100)).toEqual({ count: 50 });
    expect(resolveMaxSamples(500, 100)).toEqual({
      count: 100,
      warning: 'maxSamples (500) is greater than the number of samples (100): using 100',
    });
  });

  it('takes a fraction of n, rounded down, and refuses one that draws nothing', () => {
    expect(resolveMaxSamples(0.25, 103)).toEqual({ count: 25 });
    expect(resolveMaxSamples(1, 103)).toEqual({ count: 103 });
    expect(() => resolveMaxSamples(0.001, 100)).toThrow(IsolationForestParamError);
  });
});

describe('resolveMaxFeatures', () => {
  it('takes a fraction (at least one feature) or a count up to the column count', () => {
    expect(resolveMaxFeatures(1, 10)).toBe(10);
    expect(resolveMaxFeatures(0.5, 9)).toBe(4);
    expect(resolveMaxFeatures(0.01, 9)).toBe(1);
    expect(resolveMaxFeatures(3, 9)).toBe(3);
    expect(() => resolveMaxFeatures(12, 9)).toThrow(/allowed range is \[1, 9\]/);
  });
});
