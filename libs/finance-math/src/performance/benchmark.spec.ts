import { alpha, beta, informationRatio, rSquared, treynor } from './benchmark';
import { expectMetricError, expectRelativelyClose, SERIES_A } from './test-helpers.fixture';

// Means 0.01 and 0.005; deviations r: .01 -.02 .02 -.01, b: .005 -.015 .015 -.005.
// Sums: cross 0.0007, b squares 0.0005, r squares 0.001.
const R = [0.02, -0.01, 0.03, 0];
const B = [0.01, -0.01, 0.02, 0];

describe('beta and alpha (quantstats greeks)', () => {
  it('beta = cov / var(b) = 0.0007 / 0.0005; alpha = (mean r - beta mean b) * periods', () => {
    expectRelativelyClose(beta(R, B), 1.4, 1e-13);
    expectRelativelyClose(alpha(R, B), (0.01 - 1.4 * 0.005) * 252, 1e-12);
    expectRelativelyClose(alpha(R, B, { periods: 12 }), 0.003 * 12, 1e-12);
  });

  it('of a series against itself: beta 1, alpha 0; against a scaled copy: beta scales', () => {
    expectRelativelyClose(beta(SERIES_A, SERIES_A), 1, 1e-13);
    expect(Math.abs(alpha(SERIES_A, SERIES_A))).toBeLessThan(1e-13);
    expectRelativelyClose(beta(SERIES_A.map((r) => 2 * r), SERIES_A), 2, 1e-13);
  });

  it('refuses a constant benchmark and mismatched lengths', () => {
    expectMetricError(() => beta(R, [0.01, 0.01, 0.01, 0.01]), 'ZERO_VOLATILITY', 'benchmark');
    expectMetricError(() => alpha(R, B.slice(1)), 'LENGTH_MISMATCH', 'benchmark');
    expectMetricError(() => beta(R, [0.01, NaN, 0, 0]), 'INVALID_VALUE', 'benchmark');
  });
});

describe('informationRatio', () => {
  it('is mean(r - b) / std(r - b), per period: active .01 0 .01 0 gives sqrt(3) / 2', () => {
    expectRelativelyClose(informationRatio(R, B), Math.sqrt(3) / 2, 1e-12);
  });

  it('refuses a zero tracking error', () => {
    expectMetricError(() => informationRatio(R, R.map((r) => r - 0.001)), 'ZERO_VOLATILITY', 'returns');
  });
});

describe('rSquared', () => {
  it('is the squared correlation: 0.0007^2 / (0.0005 * 0.001) = 0.98', () => {
    expectRelativelyClose(rSquared(R, B), 0.98, 1e-12);
    expectRelativelyClose(rSquared(SERIES_A, SERIES_A.map((r) => 0.5 * r - 0.001)), 1, 1e-12);
  });

  it('refuses a constant strategy or benchmark', () => {
    expectMetricError(() => rSquared([0, 0, 0, 0], B), 'ZERO_VOLATILITY', 'returns');
    expectMetricError(() => rSquared(R, [0, 0, 0, 0]), 'ZERO_VOLATILITY', 'benchmark');
  });
});

describe('treynor', () => {
  it('is (compound return - annual rf) / beta, as quantstats', () => {
    const total = 1.02 * 0.99 * 1.03 - 1;
    expectRelativelyClose(treynor(R, B), total / 1.4, 1e-12);
    expectRelativelyClose(treynor(R, B, { riskFreeRate: 0.02 }), (total - 0.02) / 1.4, 1e-12);
  });

  it('is undefined for a zero beta', () => {
    // Covariance 0 with a varying benchmark: r is symmetric around the point where b is antisymmetric.
    expectMetricError(() => treynor([0.01, 0, 0.01], [-0.01, 0, 0.01]), 'UNDEFINED_RATIO', 'benchmark');
  });
});
