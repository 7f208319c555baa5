import { kurtosis, skew } from './moments';
import { expectMetricError, expectRelativelyClose } from './test-helpers.fixture';

// [1, 2, 3, 4, 10] / 100: deviations (x 0.01) -3, -2, -1, 0, 6; S2 = 50, S3 = 180, S4 = 1394.
const SKEWED = [0.01, 0.02, 0.03, 0.04, 0.1];

describe('skew (pandas, bias-corrected)', () => {
  it('matches sqrt(n(n-1))/(n-2) * m3 / m2^1.5 by hand: sqrt(20)/3 * 36 / 10^1.5 = 1.2 sqrt(2)', () => {
    expectRelativelyClose(skew(SKEWED), 1.2 * Math.SQRT2, 1e-12);
  });

  it('is 0 for a symmetric series and flips sign with the series', () => {
    expect(Math.abs(skew([0.01, 0.02, 0.03]))).toBeLessThan(1e-12);
    expectRelativelyClose(skew(SKEWED.map((x) => -x)), -1.2 * Math.SQRT2, 1e-12);
  });

  it('needs 3 observations and some variation', () => {
    expectMetricError(() => skew([0.01, 0.02]), 'INSUFFICIENT_DATA', 'returns');
    expectMetricError(() => skew([0.01, 0.01, 0.01]), 'ZERO_VOLATILITY', 'returns');
  });
});

describe('kurtosis (pandas excess, bias-corrected)', () => {
  it('matches n(n+1)(n-1) S4 / ((n-2)(n-3) S2^2) - 3 (n-1)^2 / ((n-2)(n-3)) by hand: 11.152 - 8', () => {
    expectRelativelyClose(kurtosis(SKEWED), (5 * 6 * 4 * 1394) / (3 * 2 * 2500) - 8, 1e-12);
  });

  it('is -1.2 for four equally spaced points (flat distribution)', () => {
    // Deviations (x 0.01) +-0.5, +-1.5: S2 = 5, S4 = 10.25; n = 4: 60 * 10.25 / (2 * 25) - 27 / 2 = -1.2.
    expectRelativelyClose(kurtosis([0.01, 0.02, 0.03, 0.04]), -1.2, 1e-12);
  });

  it('needs 4 observations and some variation', () => {
    expectMetricError(() => kurtosis([0.01, 0.02, 0.03]), 'INSUFFICIENT_DATA', 'returns');
    expectMetricError(() => kurtosis([0, 0, 0, 0]), 'ZERO_VOLATILITY', 'returns');
  });
});
