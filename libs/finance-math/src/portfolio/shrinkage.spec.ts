import type { ReturnPanel } from '@tethys/data';
import { Matrix } from 'ml-matrix';
import { isPositiveSemidefinite } from './psd';
import { sampleCov } from './risk-models';
import { ledoitWolf, shrunkCovariance, type LedoitWolfResult, type ShrinkageTarget } from './shrinkage';
import { expectRelativelyClose, stockReturns } from './pypfopt-data.fixture';

const flat = (matrix: Matrix) => matrix.to1DArray();

let sampleCache: Matrix | undefined;
const sample252 = () => (sampleCache ??= sampleCov(stockReturns()));

describe('shrunkCovariance', () => {
  it('test_shrunk_covariance: delta 0.2 default, 20x20, PSD', () => {
    const shrunk = shrunkCovariance(stockReturns());
    const sample = sample252();
    const target = (sample.trace() / 20) * 0.2;
    expect(isPositiveSemidefinite(shrunk)).toBe(true);
    expect(shrunk.get(0, 1)).toBeCloseTo(0.8 * sample.get(0, 1), 14);
    expect(shrunk.get(3, 3)).toBeCloseTo(0.8 * sample.get(3, 3) + target, 14);
  });

  it('test_shrunk_covariance_extreme_delta and _frequency', () => {
    expectRelativelyClose(flat(shrunkCovariance(stockReturns(), { delta: 0 })), flat(sample252()), 1e-12);
    const full = shrunkCovariance(stockReturns(), { delta: 1 });
    const averageVariance = sample252().trace() / 20;
    expectRelativelyClose(flat(full), flat(Matrix.eye(20).mul(averageVariance)), 1e-12);
    expectRelativelyClose(
      flat(shrunkCovariance(stockReturns(), { delta: 0, frequency: 52 })),
      flat(sampleCov(stockReturns(), { frequency: 52 })),
      1e-12,
    );
  });

  it.each([-0.1, 1.5, Number.NaN])('rejects delta %p', (delta) => {
    expect(() => shrunkCovariance(stockReturns(), { delta })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', parameter: 'options.delta' }),
    );
  });
});

describe('ledoitWolf', () => {
  const results = new Map<ShrinkageTarget, LedoitWolfResult>();
  const run = (target: ShrinkageTarget) => {
    if (!results.has(target)) results.set(target, ledoitWolf(stockReturns(), { shrinkageTarget: target }));
    return results.get(target) as LedoitWolfResult;
  };

  it.each<ShrinkageTarget>(['constant_variance', 'single_factor', 'constant_correlation'])(
    'test_ledoit_wolf (%s): 0 < delta < 1, 20x20, PSD',
    (target) => {
      const { covariance, shrinkage } = run(target);
      expect(shrinkage).toBeGreaterThan(0);
      expect(shrinkage).toBeLessThan(1);
      expect([covariance.rows, covariance.columns]).toEqual([20, 20]);
      expect(isPositiveSemidefinite(covariance)).toBe(true);
    },
  );

  // References: PyPortfolioOpt's formulas re-run in numpy on the same file (its tests assert only 0 < delta < 1).
  it('constant_variance = scikit-learn ledoit_wolf on zero-filled returns', () => {
    const { covariance, shrinkage } = run('constant_variance');
    expectRelativelyClose([shrinkage], [0.0062561033675371065], 1e-10);
    expectRelativelyClose([covariance.get(0, 0), covariance.get(0, 1)], [0.04552887001847864, 0.022142793443999265], 1e-10);
  });

  it('single_factor', () => {
    const { covariance, shrinkage } = run('single_factor');
    expectRelativelyClose([shrinkage], [0.018506888954080883], 1e-10);
    expectRelativelyClose(
      [covariance.get(0, 0), covariance.get(0, 1), covariance.get(4, 7)],
      [0.04498241853996269, 0.022313672126931954, 0.02774522737164221],
      1e-10,
    );
  });

  it('constant_correlation (pairwise S, zero-filled moments)', () => {
    const { covariance, shrinkage } = run('constant_correlation');
    expectRelativelyClose([shrinkage], [0.017955063987226214], 1e-10);
    expectRelativelyClose([covariance.get(0, 1), covariance.get(4, 7)], [0.046002102325263416, 0.037519457451199605], 1e-10);
    const sample = sample252();
    expect(covariance.get(3, 3)).toBeCloseTo(sample.get(3, 3), 14);
  });

  it('hand check: one asset is not shrunk (constant_variance gives the biased variance)', () => {
    const returns: ReturnPanel = { dates: ['1', '2', '3'], assets: ['A'], returns: [new Float64Array([1, 2, 6])] };
    const { covariance, shrinkage } = ledoitWolf(returns, { frequency: 1 });
    expect(shrinkage).toBe(0);
    expect(covariance.get(0, 0)).toBeCloseTo((4 + 1 + 9) / 3, 14);
  });

  it('rejects an unknown target, a single asset for factor targets, a single date', () => {
    const one: ReturnPanel = { dates: ['1', '2'], assets: ['A'], returns: [new Float64Array([1, 2])] };
    expect(() => ledoitWolf(one, { shrinkageTarget: 'identity' as ShrinkageTarget })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', parameter: 'options.shrinkageTarget' }),
    );
    expect(() => ledoitWolf(one, { shrinkageTarget: 'single_factor' })).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_DATA', parameter: 'panel.assets' }),
    );
    const short: ReturnPanel = { dates: ['1'], assets: ['A', 'B'], returns: [new Float64Array([1]), new Float64Array([2])] };
    expect(() => ledoitWolf(short)).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_DATA', parameter: 'panel' }));
  });

  it('rejects a zero-variance asset for the constant-correlation target', () => {
    const returns: ReturnPanel = {
      dates: ['1', '2', '3'],
      assets: ['A', 'FLAT'],
      returns: [new Float64Array([1, 2, 6]), new Float64Array([0.5, 0.5, 0.5])],
    };
    expect(() => ledoitWolf(returns, { shrinkageTarget: 'constant_correlation' })).toThrow(
      expect.objectContaining({ code: 'DEGENERATE', asset: 'FLAT' }),
    );
  });
});
