import { normalCdf as standardNormalCdf } from '../risk/normal';
import {
  autocorrelationPenalty,
  probabilisticSharpe,
  sharpe,
  smartSharpe,
  smartSortino,
  sortino,
} from './ratios';
import { expectMetricError, expectRelativelyClose, SERIES_A } from './test-helpers.fixture';

const STD_A = Math.sqrt(0.00633);

describe('sharpe', () => {
  it('is mean / std * sqrt(periods) on SERIES_A (mean 0.004)', () => {
    expectRelativelyClose(sharpe(SERIES_A, { periods: 1 }), 0.004 / STD_A, 1e-12);
    expectRelativelyClose(sharpe(SERIES_A, { annualize: false }), 0.004 / STD_A, 1e-12);
    expectRelativelyClose(sharpe(SERIES_A, { periods: 4 }), (2 * 0.004) / STD_A, 1e-12);
  });

  it('subtracts the de-annualised risk-free rate (1 + rf)^(1/periods) - 1', () => {
    // 1.01^4 - 1 de-annualises over 4 periods to exactly 1% per period.
    const riskFreeRate = 1.01 ** 4 - 1;
    expectRelativelyClose(sharpe(SERIES_A, { periods: 4, riskFreeRate }), (2 * (0.004 - 0.01)) / STD_A, 1e-10);
  });

  it('scales with sqrt(periods) and is invariant to scaling the returns', () => {
    const monthly = sharpe(SERIES_A, { periods: 12 });
    expectRelativelyClose(sharpe(SERIES_A, { periods: 252 }) / monthly, Math.sqrt(21), 1e-12);
    expectRelativelyClose(sharpe(SERIES_A.map((r) => r * 0.3)), sharpe(SERIES_A), 1e-12);
  });

  it('refuses zero volatility, a single observation and a bad risk-free rate', () => {
    expectMetricError(() => sharpe([0.01, 0.01, 0.01]), 'ZERO_VOLATILITY', 'returns');
    expectMetricError(() => sharpe([0.01]), 'INSUFFICIENT_DATA', 'returns');
    expectMetricError(() => sharpe(SERIES_A, { riskFreeRate: -1 }), 'INVALID_PARAMETER', 'options.riskFreeRate');
    expectMetricError(() => sharpe(SERIES_A, { riskFreeRate: NaN }), 'INVALID_PARAMETER', 'options.riskFreeRate');
  });
});

describe('sortino', () => {
  it('divides the mean by sqrt(sum of squared negative returns / n): 0.004 / sqrt(0.0125 / 5) = 0.08', () => {
    expectRelativelyClose(sortino(SERIES_A, { periods: 1 }), 0.08, 1e-12);
    expectRelativelyClose(sortino(SERIES_A, { periods: 4 }), 0.16, 1e-12);
  });

  it('refuses a series with no return below the risk-free rate', () => {
    expectMetricError(() => sortino([0.01, 0.02, 0]), 'ZERO_VOLATILITY', 'returns');
  });
});

describe('autocorrelation penalty and the smart ratios', () => {
  it('is sqrt(1 + 2 sum (n-k)/n |rho|^k): 2 for a perfectly (anti-)correlated series of 4', () => {
    // rho = 1: sqrt(1 + 2 (3/4 + 2/4 + 1/4)) = 2.
    expectRelativelyClose(autocorrelationPenalty([0.01, 0.02, 0.03, 0.04]), 2, 1e-12);
    expectRelativelyClose(autocorrelationPenalty([0.01, -0.01, 0.01, -0.01]), 2, 1e-12);
  });

  it('is 1 when the lag-1 correlation is undefined (fewer than 3 points, constant series)', () => {
    expect(autocorrelationPenalty([0.01, 0.02])).toBe(1);
    expect(autocorrelationPenalty([0.01, 0.01, 0.01, 0.01])).toBe(1);
  });

  it('divides Sharpe and Sortino by the penalty', () => {
    const trending = [0.01, 0.02, 0.03, -0.04];
    const p = autocorrelationPenalty(trending);
    expect(p).toBeGreaterThan(1);
    expectRelativelyClose(smartSharpe(trending), sharpe(trending) / p, 1e-12);
    expectRelativelyClose(smartSortino(trending), sortino(trending) / p, 1e-12);
  });
});

describe('probabilisticSharpe', () => {
  // [1, 2, 3, 4, 10] / 100: per-period Sharpe 0.04 / sqrt(0.00125) = 0.8 sqrt 2, skew 1.2 sqrt 2, excess kurtosis 3.152.
  const SKEWED = [0.01, 0.02, 0.03, 0.04, 0.1];
  const SR = 0.8 * Math.SQRT2;

  it('is Phi(SR sqrt(n - 1) / sqrt(1 - g3 SR + (g4 + 2) / 4 SR^2)) against 0', () => {
    const variance = 1 - 1.2 * Math.SQRT2 * SR + ((3.152 + 2) / 4) * SR * SR;
    expectRelativelyClose(probabilisticSharpe(SKEWED), standardNormalCdf((SR * 2) / Math.sqrt(variance)), 1e-12);
  });

  it('is 1/2 when the benchmark equals the observed (annualised) Sharpe, and falls as the benchmark rises', () => {
    const observed = sharpe(SKEWED, { periods: 12 });
    expectRelativelyClose(probabilisticSharpe(SKEWED, { periods: 12, benchmarkSharpe: observed }), 0.5, 1e-12);
    const low = probabilisticSharpe(SERIES_A, { benchmarkSharpe: -1 });
    const high = probabilisticSharpe(SERIES_A, { benchmarkSharpe: 1 });
    expect(low).toBeGreaterThan(high);
  });

  it('needs 4 observations and a finite benchmark', () => {
    expectMetricError(() => probabilisticSharpe([0.01, 0.02, 0.03]), 'INSUFFICIENT_DATA', 'returns');
    expectMetricError(
      () => probabilisticSharpe(SERIES_A, { benchmarkSharpe: Infinity }),
      'INVALID_PARAMETER',
      'options.benchmarkSharpe',
    );
  });
});

describe('zero volatility beneath floating-point noise', () => {
  it('treats a constant series whose mean does not round-trip as zero volatility', () => {
    for (const level of [0.1, 0.07, -0.003, 0.3]) {
      const constant = new Array(7).fill(level);
      expectMetricError(() => sharpe(constant), 'ZERO_VOLATILITY', 'returns');
      expectMetricError(() => smartSharpe(constant), 'ZERO_VOLATILITY', 'returns');
    }
  });
});
