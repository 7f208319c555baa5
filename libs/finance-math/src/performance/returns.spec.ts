import { cagr, compoundReturn, volatility } from './returns';
import { expectMetricError, expectRelativelyClose, SERIES_A } from './test-helpers.fixture';

// SERIES_A compounds to 1.1 * 0.95 * 1.02 * 0.9 * 1.05 = 1.0072755.
const WEALTH_A = 1.0072755;

describe('compoundReturn', () => {
  it('is prod(1 + r) - 1', () => {
    expectRelativelyClose(compoundReturn(SERIES_A), WEALTH_A - 1, 1e-13);
    expect(compoundReturn([0.25])).toBe(0.25);
    expect(compoundReturn([0.5, -1, 0.5])).toBe(-1);
  });

  it('accepts typed arrays and rejects empty, NaN, infinite and < -1 returns', () => {
    expectRelativelyClose(compoundReturn(Float64Array.from(SERIES_A)), WEALTH_A - 1, 1e-13);
    expectMetricError(() => compoundReturn([]), 'EMPTY_SERIES', 'returns');
    expectMetricError(() => compoundReturn([0.01, NaN]), 'INVALID_VALUE', 'returns');
    expectMetricError(() => compoundReturn([Infinity]), 'INVALID_VALUE', 'returns');
    expectMetricError(() => compoundReturn([-1.5]), 'INVALID_VALUE', 'returns');
  });
});

describe('cagr', () => {
  it('takes years = n / periods: one year when n = periods, half a year when periods = 2n', () => {
    expectRelativelyClose(cagr(SERIES_A, { periods: 5 }), WEALTH_A - 1, 1e-13);
    expectRelativelyClose(cagr(SERIES_A, { periods: 10 }), WEALTH_A ** 2 - 1, 1e-13);
  });

  it('defaults to 252 periods a year', () => {
    expectRelativelyClose(cagr(SERIES_A), WEALTH_A ** (252 / 5) - 1, 1e-12);
  });

  it('rejects a non-positive or non-finite periods', () => {
    expectMetricError(() => cagr(SERIES_A, { periods: 0 }), 'INVALID_PARAMETER', 'options.periods');
    expectMetricError(() => cagr(SERIES_A, { periods: NaN }), 'INVALID_PARAMETER', 'options.periods');
  });
});

describe('volatility', () => {
  // Sum of squared deviations from the mean 0.004 is 0.02532, so the sample variance is 0.00633.
  it('is the ddof-1 standard deviation times sqrt(periods)', () => {
    expectRelativelyClose(volatility(SERIES_A, { annualize: false }), Math.sqrt(0.00633), 1e-13);
    expectRelativelyClose(volatility(SERIES_A, { periods: 4 }), 2 * Math.sqrt(0.00633), 1e-13);
    expectRelativelyClose(volatility(SERIES_A), Math.sqrt(252 * 0.00633), 1e-13);
  });

  it('is 0 for a constant series and needs two observations', () => {
    expect(volatility([0.01, 0.01, 0.01])).toBe(0);
    expectMetricError(() => volatility([0.01]), 'INSUFFICIENT_DATA', 'returns');
  });
});
