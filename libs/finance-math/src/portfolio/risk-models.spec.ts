import type { PricePanel, ReturnPanel } from '@tethys/data';
import { Matrix } from 'ml-matrix';
import { isPositiveSemidefinite } from './psd';
import { corrToCov, covToCorr, expCov, sampleCov, semicovariance } from './risk-models';
import { expectRelativelyClose, stockPrices, stockReturns } from './pypfopt-data.fixture';

const NaN_ = Number.NaN;
const flat = (matrix: Matrix) => matrix.to1DArray();
const total = (matrix: Matrix) => matrix.sum();
const maxAbsDifference = (a: Matrix, b: Matrix) => Math.max(...Matrix.sub(a, b).abs().to1DArray());

describe('sampleCov', () => {
  it('test_sample_cov_dummy: the asserted values (/252)', () => {
    const panel: PricePanel = {
      dates: ['d1', 'd2', 'd3', 'd4', 'd5'],
      assets: ['a', 'b', 'c'],
      prices: [
        new Float64Array([4.0, 4.2, 3.9, 4.3, 4.1]),
        new Float64Array([2.0, 2.1, 2.0, 2.1, 2.2]),
        new Float64Array([0.6, 0.59, 0.58, 0.62, 0.63]),
      ],
    };
    const expected = [
      [0.006661687937656102, 0.00264970955585574, 0.0020849735375206195],
      [0.00264970955585574, 0.0023450491307634215, 0.00096770864287974],
      [0.0020849735375206195, 0.00096770864287974, 0.0016396416271856837],
    ];
    expectRelativelyClose(flat(sampleCov(panel).div(252)), expected.flat(), 1e-12);
  });

  it('uses pairwise-complete dates with their own means (pandas .cov())', () => {
    const returns: ReturnPanel = {
      dates: ['1', '2', '3', '4'],
      assets: ['A', 'B'],
      returns: [new Float64Array([1, 2, 3, 10]), new Float64Array([NaN_, 2, 4, 6])],
    };
    const cov = sampleCov(returns, { frequency: 1 });
    expect(cov.get(0, 0)).toBeCloseTo(((1 - 4) ** 2 + (2 - 4) ** 2 + (3 - 4) ** 2 + 36) / 3, 12);
    // Pair over dates 2..4: A = 2, 3, 10 (mean 5), B = 2, 4, 6 (mean 4).
    expect(cov.get(0, 1)).toBeCloseTo(((2 - 5) * -2 + (3 - 5) * 0 + (10 - 5) * 2) / 2, 12);
    expect(cov.get(1, 1)).toBe(4);
  });

  it('names a pair with fewer than 2 shared dates', () => {
    const returns: ReturnPanel = {
      dates: ['1', '2', '3'],
      assets: ['A', 'B'],
      returns: [new Float64Array([1, 2, NaN_]), new Float64Array([NaN_, 2, 4])],
    };
    expect(() => sampleCov(returns)).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_DATA', asset: 'A/B', parameter: 'panel' }),
    );
  });

  describe('on stock_prices.csv', () => {
    let cov: Matrix;
    beforeAll(() => {
      cov = sampleCov(stockPrices()); // the prices path once; the rest uses the cached returns
    });

    it('test_sample_cov_real_data: 20x20, finite, PSD; numpy references of pandas .cov() * 252', () => {
      expect([cov.rows, cov.columns]).toEqual([20, 20]);
      expect(isPositiveSemidefinite(cov)).toBe(true);
      expectRelativelyClose(
        [cov.get(0, 0), cov.get(0, 1), cov.get(4, 7), total(cov)],
        [0.09321113657629164, 0.04620227917174633, 0.03746333848748311, 17.99289795716822],
        1e-10,
      );
    });

    it('test_sample_cov_frequency and test_fix_npd_different_method', () => {
      expectRelativelyClose(flat(sampleCov(stockReturns(), { frequency: 2 })), flat(cov.clone().div(126)), 1e-12);
      expect(isPositiveSemidefinite(sampleCov(stockReturns(), { fixMethod: 'diag' }))).toBe(true);
    });

    it('is the same from returns (returns_data=True)', () => {
      expect(flat(sampleCov(stockReturns()))).toEqual(flat(cov));
    });
  });
});

describe('semicovariance', () => {
  it('averages products of drops below the benchmark over every date; a missing return is no drop', () => {
    const returns: ReturnPanel = {
      dates: ['1', '2', '3', '4'],
      assets: ['A', 'B'],
      returns: [new Float64Array([-0.02, 0.01, -0.01, 0.03]), new Float64Array([NaN_, -0.02, -0.03, 0.01])],
    };
    const semi = semicovariance(returns, { frequency: 1, benchmark: 0 });
    expect(semi.get(0, 0)).toBeCloseTo((0.0004 + 0.0001) / 4, 15);
    expect(semi.get(0, 1)).toBeCloseTo((-0.01 * -0.03) / 4, 15);
    expect(semi.get(1, 1)).toBeCloseTo((0.0004 + 0.0009) / 4, 15);
    const shifted = semicovariance(returns, { frequency: 1, benchmark: 0.02 });
    expect(shifted.get(0, 0)).toBeCloseTo((0.04 ** 2 + 0.01 ** 2 + 0.03 ** 2) / 4, 15);
  });

  describe('on stock_prices.csv', () => {
    let semi: Matrix;
    beforeAll(() => {
      semi = semicovariance(stockReturns(), { benchmark: 0 });
    });

    it('test_semicovariance: 20x20, PSD, frequency scaling; numpy references (benchmark 0 and the default 0.000079)', () => {
      expect([semi.rows, semi.columns]).toEqual([20, 20]);
      expect(isPositiveSemidefinite(semi)).toBe(true);
      expectRelativelyClose(flat(semicovariance(stockReturns(), { frequency: 2, benchmark: 0 })), flat(semi.clone().div(126)), 1e-12);
      expectRelativelyClose(
        [semi.get(0, 0), semi.get(4, 7), total(semi)],
        [0.018774672456035146, 0.021832784430520297, 7.693404938192227],
        1e-10,
      );
      const pypfoptDefault = semicovariance(stockReturns());
      expectRelativelyClose(
        [pypfoptDefault.get(0, 0), pypfoptDefault.get(4, 7), total(pypfoptDefault)],
        [0.018886926214375464, 0.021988159279782767, 7.743946492745524],
        1e-10,
      );
    });

    it('test_semicovariance_benchmark: ~0 for a very negative benchmark, larger for a higher one', () => {
      const none = semicovariance(stockReturns(), { benchmark: -0.5 });
      expect(Math.max(...none.abs().to1DArray())).toBeLessThan(1e-4);
      expect(total(semicovariance(stockReturns(), { benchmark: 1 }))).toBeGreaterThan(total(semi));
    });
  });

  it('rejects a non-finite benchmark', () => {
    expect(() => semicovariance(stockReturns(), { benchmark: Number.NaN })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', parameter: 'options.benchmark' }),
    );
  });
});

describe('expCov', () => {
  it('hand check: ewm of the covariation with each asset’s own mean; missing dates add no weight', () => {
    const returns: ReturnPanel = {
      dates: ['1', '2', '3', '4'],
      assets: ['A', 'B'],
      returns: [new Float64Array([1, 2, 3, 4]), new Float64Array([4, NaN_, 1, 3])],
    };
    // span 3: alpha 0.5, weights by age 0.125, 0.25, 0.5, 1.
    // A deviations (mean 2.5): -1.5, -0.5, 0.5, 1.5; B deviations (own mean 8/3): 4/3, NaN, -5/3, 1/3.
    const cov = expCov(returns, { span: 3, frequency: 1 });
    expect(cov.get(0, 0)).toBeCloseTo((0.125 * 2.25 + 0.25 * 0.25 + 0.5 * 0.25 + 2.25) / 1.875, 14);
    expect(cov.get(0, 1)).toBeCloseTo((0.125 * -2 + 0.5 * (-5 / 6) + 0.5) / 1.625, 14);
    expect(cov.get(1, 1)).toBeCloseTo((0.125 * 16 + 0.5 * 25 + 1) / 9 / 1.625, 14);
  });

  describe('on stock_prices.csv', () => {
    let cov: Matrix;
    beforeAll(() => {
      cov = expCov(stockReturns());
    });

    it('test_exp_cov_matrix: 20x20, PSD, frequency scaling; numpy references (span 180)', () => {
      expect(isPositiveSemidefinite(cov)).toBe(true);
      expectRelativelyClose(
        [cov.get(0, 0), cov.get(4, 7), total(cov)],
        [0.06375440417263943, 0.01809034958296172, 14.506457572594107],
        1e-10,
      );
      expectRelativelyClose(flat(expCov(stockReturns(), { frequency: 2 })), flat(cov.clone().div(126)), 1e-12);
    });

    it('test_exp_cov_limits: differs from the sample covariance, tends to it as span grows', () => {
      const sample = sampleCov(stockReturns());
      expect(maxAbsDifference(cov, sample)).toBeGreaterThan(1e-3);
      expect(maxAbsDifference(expCov(stockReturns(), { span: 1e20 }), sample)).toBeLessThan(1e-3);
    });
  });
});

describe('covToCorr / corrToCov', () => {
  it('hand check', () => {
    const cov = new Matrix([
      [4, 2],
      [2, 9],
    ]);
    const corr = covToCorr(cov);
    expect(corr.to2DArray()).toEqual([
      [1, 1 / 3],
      [1 / 3, 1],
    ]);
    expect(corrToCov(corr, [2, 3]).to2DArray()).toEqual([
      [4, 2],
      [2, 9],
    ]);
  });

  it('test_cov_to_corr / test_corr_to_cov: Pearson correlations of the complete rows, and back', () => {
    const returns = stockReturns();
    const complete = returns.dates.map((_, t) => t).filter((t) => returns.returns.every((s) => !Number.isNaN(s[t])));
    const rows: ReturnPanel = {
      dates: complete.map((t) => returns.dates[t]),
      assets: returns.assets,
      returns: returns.returns.map((s) => Float64Array.from(complete, (t) => s[t])),
    };
    const cov = sampleCov(rows, { frequency: 1 });
    const corr = covToCorr(cov);
    const [x, y] = [rows.returns[0], rows.returns[4]];
    const mean = (s: Float64Array) => s.reduce((a, b) => a + b, 0) / s.length;
    const [mx, my] = [mean(x), mean(y)];
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    x.forEach((value, t) => {
      sxy += (value - mx) * (y[t] - my);
      sxx += (value - mx) ** 2;
      syy += (y[t] - my) ** 2;
    });
    expect(corr.get(0, 4)).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 12);
    expect(corr.diag().every((value) => Math.abs(value - 1) < 1e-14)).toBe(true);
    const stdevs = cov.diag().map(Math.sqrt);
    expectRelativelyClose(flat(corrToCov(corr, stdevs)), flat(cov), 1e-12);
  });

  it('rejects zero variances, mismatched or negative standard deviations', () => {
    expect(() => covToCorr(new Matrix([[0]]))).toThrow(expect.objectContaining({ code: 'DEGENERATE', parameter: 'cov' }));
    expect(() => corrToCov(Matrix.eye(2), [1])).toThrow(expect.objectContaining({ code: 'SHAPE_MISMATCH' }));
    expect(() => corrToCov(Matrix.eye(2), [1, -1])).toThrow(expect.objectContaining({ parameter: 'stdevs' }));
  });
});
