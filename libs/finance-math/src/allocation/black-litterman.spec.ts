import { AllocationError } from './allocation-error';
import { annualSampleCovariance, expectRelClose, MARKET_CAPS, performance, spyPrices, stockData } from './allocation-data.fixture';
import { blackLitterman, impliedWeights, marketImpliedPriorReturns, marketImpliedRiskAversion } from './black-litterman';

const identity = (n: number): number[][] => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
const FIVE = ['0', '1', '2', '3', '4'];
const constantViews = Object.fromEntries(FIVE.map((a) => [a, 0.3]));

describe('blackLitterman (hand cases, identity covariance)', () => {
  const base = { assets: FIVE, covariance: identity(5), prior: [0.1, 0.1, 0.1, 0.1, 0.1], views: { absolute: constantViews } };

  it('moves linearly from prior to view as Idzorek confidence goes 0 -> 1', () => {
    for (const confidence of [0, 0.2, 0.4, 0.5, 0.6, 0.8, 1]) {
      const result = blackLitterman({ ...base, omega: 'idzorek', viewConfidences: FIVE.map(() => confidence) });
      expect(result.posteriorReturns[0]).toBeCloseTo(0.1 + 0.2 * confidence, 6);
    }
    const sure = blackLitterman({ ...base, omega: 'idzorek', viewConfidences: [1, 1, 1, 1, 1] });
    expect(sure.omega[0][0]).toBe(0);
    const unsure = blackLitterman({ ...base, omega: 'idzorek', viewConfidences: [0, 0, 0, 0, 0] });
    expect(unsure.omega[2][2]).toBe(1e6);
  });

  it('with default omega = tau * diag(P S P\'), views on all assets give the midpoint', () => {
    const result = blackLitterman(base);
    expect(result.omega[0][0]).toBeCloseTo(0.05, 15);
    // tau S (tau S + tau S)^-1 = 1/2, so mu = 0.1 + (0.3 - 0.1) / 2.
    result.posteriorReturns.forEach((r) => expect(r).toBeCloseTo(0.2, 12));
    // S_BL = S + tau S - tau S / 2 = 1.025 I
    expect(result.posteriorCovariance[0][0]).toBeCloseTo(1.025, 12);
    expect(result.posteriorCovariance[0][1]).toBeCloseTo(0, 12);
  });

  it('reaches the views exactly with a zero omega', () => {
    const result = blackLitterman({ ...base, omega: identity(5).map((row) => row.map(() => 0)) });
    result.posteriorReturns.forEach((r) => expect(r).toBeCloseTo(0.3, 12));
  });

  it('builds P from absolute views in the order given', () => {
    // Object key order is insertion order for non-integer names (integer-like keys sort numerically in JS).
    const result = blackLitterman({ ...base, assets: ['A', 'B', 'C', 'D', 'E'], views: { absolute: { D: 0.2, A: -0.1 } } });
    expect(result.picking).toEqual([
      [0, 0, 0, 1, 0],
      [1, 0, 0, 0, 0],
    ]);
    expect(Array.from(result.viewReturns)).toEqual([0.2, -0.1]);
  });

  it('rejects bad input with typed errors', () => {
    const expectCode = (fn: () => unknown, code: string, parameter: string): void => {
      try {
        fn();
        throw new Error('should have thrown');
      } catch (error) {
        expect(error).toBeInstanceOf(AllocationError);
        expect(error).toMatchObject({ code, parameter });
      }
    };
    expectCode(() => blackLitterman({ ...base, views: { absolute: { fail: 0.1 } } }), 'UNKNOWN_ASSET', 'views.absolute');
    expectCode(() => blackLitterman({ ...base, tau: -0.1 }), 'INVALID_ARGUMENT', 'tau');
    expectCode(() => blackLitterman({ ...base, omega: 'idzorek' }), 'INVALID_ARGUMENT', 'viewConfidences');
    expectCode(() => blackLitterman({ ...base, omega: 'idzorek', viewConfidences: [0.2, 0.2, 0.2, 0.2] }), 'DIMENSION_MISMATCH', 'viewConfidences');
    expectCode(() => blackLitterman({ ...base, omega: 'idzorek', viewConfidences: [1.1, 1, 1, 1, 1] }), 'INVALID_ARGUMENT', 'viewConfidences[0]');
    expectCode(() => blackLitterman({ ...base, omega: identity(4) }), 'DIMENSION_MISMATCH', 'omega');
    expectCode(() => blackLitterman({ ...base, prior: [0.1, 0.1] }), 'DIMENSION_MISMATCH', 'prior');
    expectCode(
      () => blackLitterman({ ...base, views: { picking: [[1, 0, 0, 0, 0]], viewReturns: [0.1, 0.2] } }),
      'DIMENSION_MISMATCH',
      'views.picking',
    );
    // Two identical certain views make P tau S P' + Omega singular.
    expectCode(
      () => blackLitterman({ ...base, views: { picking: [[1, 0, 0, 0, 0], [1, 0, 0, 0, 0]], viewReturns: [0.1, 0.2] }, omega: [[0, 0], [0, 0]] }),
      'NOT_POSITIVE_DEFINITE',
      'views',
    );
    expectCode(() => impliedWeights([0.1, 0.2], [[1, 1], [1, 1]]), 'NOT_POSITIVE_DEFINITE', 'covariance');
  });
});

describe('Black-Litterman (PyPortfolioOpt parity on stock_prices.csv / spy_prices.csv)', () => {
  const { returns } = stockData();
  const assets = returns.assets;
  const S = annualSampleCovariance(returns.returns);
  const delta = marketImpliedRiskAversion(spyPrices());

  it('market-implied risk aversion rounds to 2.68549', () => {
    expect(Math.round(delta * 1e5) / 1e5).toBe(2.68549);
  });

  it('market-implied prior returns match the asserted values', () => {
    const pi = marketImpliedPriorReturns({ assets, marketCaps: MARKET_CAPS, riskAversion: delta, covariance: S });
    const expected = [
      0.14933293, 0.2168623, 0.11219185, 0.10362374, 0.28416295, 0.12196098, 0.19036819, 0.08860159, 0.17724273, 0.08779627,
      0.0791797, 0.16460474, 0.12854665, 0.08657863, 0.11230036, 0.13875465, 0.15017163, 0.09066484, 0.1696369, 0.13270213,
    ];
    expected.forEach((value, i) => expect(Math.abs(pi[i] - value)).toBeLessThan(1.5e-8));
  });

  it('bl weights match the asserted rounded weights', () => {
    const views = { AAPL: 0.2, BBY: -0.3, BAC: 0, SBUX: -0.2, T: 0.131321 };
    const bl = blackLitterman({ assets, covariance: S, views: { absolute: views } });
    const w = impliedWeights(bl.posteriorReturns, S, delta);
    const expected: Record<string, number> = { AAPL: 1.40675, BAC: 0.02651, T: 2.81117, BBY: -1.44667, SBUX: -1.79776 };
    assets.forEach((asset, i) => expect(Math.abs(w[i] - (expected[asset] ?? 0))).toBeLessThan(1e-4 / 2 + (asset in expected ? 0 : 1e-4)));
    Object.entries(expected).forEach(([asset, value]) => expect(Math.round(w[assets.indexOf(asset)] * 1e5) / 1e5).toBe(value));
  });

  it('market prior + absolute views: posterior between prior and view, asserted performance', () => {
    const prior = marketImpliedPriorReturns({ assets, marketCaps: MARKET_CAPS, riskAversion: delta, covariance: S });
    const views: Record<string, number> = { GOOG: 0.4, AAPL: -0.3, FB: 0.3, BABA: 0 };
    const bl = blackLitterman({ assets, covariance: S, prior, views: { absolute: views } });
    for (const [asset, view] of Object.entries(views)) {
      const i = assets.indexOf(asset);
      expect(bl.posteriorReturns[i]).toBeGreaterThanOrEqual(Math.min(prior[i], view));
      expect(bl.posteriorReturns[i]).toBeLessThanOrEqual(Math.max(prior[i], view));
    }
    const w = impliedWeights(bl.posteriorReturns, S, delta);
    const perf = performance(w, bl.posteriorReturns, bl.posteriorCovariance);
    [0.2580693114409672, 0.265445955488424, 0.8968654692926723].forEach((value, k) => expectRelClose(perf[k], value, 1e-7));
  });

  it('equal prior (1/n) matches the asserted performance', () => {
    const views = { AAPL: 0.2, BBY: -0.3, BAC: 0, SBUX: -0.2, T: 0.131321 };
    const bl = blackLitterman({ assets, covariance: S, prior: assets.map(() => 1 / assets.length), views: { absolute: views } });
    const perf = performance(impliedWeights(bl.posteriorReturns, S), bl.posteriorReturns, bl.posteriorCovariance);
    [0.1877432247395778, 0.3246889329226965, 0.5166274785827545].forEach((value, k) => expectRelClose(perf[k], value, 1e-7));
  });

  it("Idzorek confidences with a market prior (delta 1, r_f 0) match the asserted performance", () => {
    const prior = marketImpliedPriorReturns({ assets, marketCaps: MARKET_CAPS, riskAversion: 1, covariance: S, riskFreeRate: 0 });
    const bl = blackLitterman({
      assets,
      covariance: S,
      prior,
      views: { absolute: { GOOG: 0.4, AAPL: -0.3, FB: 0.3, BABA: 0 } },
      omega: 'idzorek',
      viewConfidences: [1, 1, 0.25, 0.25],
    });
    expect(bl.omega[0][0]).toBe(0);
    expect(bl.posteriorReturns[assets.indexOf('AAPL')]).toBeCloseTo(-0.3, 7);
    const perf = performance(impliedWeights(bl.posteriorReturns, S), bl.posteriorReturns, bl.posteriorCovariance);
    [0.943431295405105, 0.5361412623208567, 1.722365653051476].forEach((value, k) => expectRelClose(perf[k], value, 1e-7));
  });

  it('relative views move returns in the stated directions', () => {
    const row = (entries: Record<string, number>): number[] => assets.map((a) => entries[a] ?? 0);
    const bl = blackLitterman({
      assets,
      covariance: S,
      views: {
        picking: [row({ SBUX: 1 }), row({ GOOG: 1, FB: -1 }), row({ BAC: 0.5, JPM: 0.5, T: -0.5, GE: -0.5 })],
        viewReturns: [-0.2, 0.1, 0.15],
      },
    });
    const r = (a: string): number => bl.posteriorReturns[assets.indexOf(a)];
    expect(r('SBUX')).toBeLessThan(0);
    expect(r('GOOG')).toBeGreaterThan(r('FB'));
    expect(r('BAC')).toBeGreaterThan(r('T'));
    expect(r('JPM')).toBeGreaterThan(r('GE'));
  });

  it('rejects market caps for unknown assets and a flat market', () => {
    expect(() => marketImpliedPriorReturns({ assets, marketCaps: { ...MARKET_CAPS, XYZ: 1 }, riskAversion: delta, covariance: S })).toThrow(
      /XYZ/,
    );
    expect(() => marketImpliedRiskAversion([100, 100, 100])).toThrow(AllocationError);
  });
});
