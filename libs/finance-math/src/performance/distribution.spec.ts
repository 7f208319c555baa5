import { gainToPain, kelly, omega, payoffRatio, profitFactor, tailRatio, winRate } from './distribution';
import { expectMetricError, expectRelativelyClose, SERIES_A } from './test-helpers.fixture';

// SERIES_A: gains 0.1 + 0.02 + 0.05 = 0.17 over 3 periods, losses 0.05 + 0.1 = 0.15 over 2.

describe('omega', () => {
  it('is gains over losses around the threshold', () => {
    expectRelativelyClose(omega(SERIES_A), 0.17 / 0.15, 1e-13);
    // periods = 1: the required return is the per-period threshold itself: gains 0.08 + 0.03, losses 0.07 + 0.12.
    expectRelativelyClose(omega(SERIES_A, { periods: 1, requiredReturn: 0.02 }), 0.11 / 0.19, 1e-13);
  });

  it('de-annualises the required return and the risk-free rate like quantstats', () => {
    // (1.01^4 - 1) over 4 periods is a 1% threshold: gains 0.09 + 0.01 + 0.04, losses 0.06 + 0.11.
    const annual = 1.01 ** 4 - 1;
    expectRelativelyClose(omega(SERIES_A, { periods: 4, requiredReturn: annual }), 0.14 / 0.17, 1e-10);
    expectRelativelyClose(omega(SERIES_A, { periods: 4, riskFreeRate: annual }), 0.14 / 0.17, 1e-10);
  });

  it('is undefined with nothing below the threshold and rejects a required return <= -1', () => {
    expectMetricError(() => omega([0.01, 0.02]), 'UNDEFINED_RATIO', 'returns');
    expectMetricError(() => omega(SERIES_A, { requiredReturn: -1 }), 'INVALID_PARAMETER', 'options.requiredReturn');
  });
});

describe('tailRatio', () => {
  it('is |Q(0.95) / Q(0.05)| with linear quantiles', () => {
    // Sorted -0.02, -0.01, 0, 0.01, 0.05: Q(0.95) = 0.01 + 0.8 * 0.04 = 0.042, Q(0.05) = -0.02 + 0.2 * 0.01 = -0.018.
    expectRelativelyClose(tailRatio([0.05, -0.02, 0, 0.01, -0.01]), 0.042 / 0.018, 1e-12);
    // cutoff 0.75: Q(0.75) = 0.01, Q(0.25) = -0.01.
    expectRelativelyClose(tailRatio([0.05, -0.02, 0, 0.01, -0.01], { cutoff: 0.75 }), 1, 1e-12);
  });

  it('refuses a zero lower quantile and a cutoff outside (0, 1)', () => {
    expectMetricError(() => tailRatio([0, 0, 0.01]), 'UNDEFINED_RATIO', 'returns');
    expectMetricError(() => tailRatio(SERIES_A, { cutoff: 1 }), 'INVALID_PARAMETER', 'options.cutoff');
  });
});

describe('gainToPain', () => {
  it('is sum(r) / |sum of negative r|', () => {
    expectRelativelyClose(gainToPain(SERIES_A), 0.02 / 0.15, 1e-12);
  });

  it('is undefined without a negative return', () => {
    expectMetricError(() => gainToPain([0.01, 0]), 'UNDEFINED_RATIO', 'returns');
  });
});

describe('winRate, payoffRatio, profitFactor, kelly', () => {
  it('count periods: wins / non-zero periods, ignoring zero returns', () => {
    expect(winRate(SERIES_A)).toBe(0.6);
    expect(winRate([0.01, 0, 0, -0.01])).toBe(0.5);
  });

  it('payoff is average win / |average loss|; profit factor is total win / |total loss|', () => {
    expectRelativelyClose(payoffRatio(SERIES_A), 0.17 / 3 / (0.15 / 2), 1e-13);
    expectRelativelyClose(profitFactor(SERIES_A), 0.17 / 0.15, 1e-13);
  });

  it('kelly is p - (1 - p) / b = 0.6 - 0.4 * 0.075 * 3 / 0.17 = 1.2 / 17', () => {
    expectRelativelyClose(kelly(SERIES_A), 1.2 / 17, 1e-13);
    // Fixed-odds Kelly depends only on the odds: scaling every return leaves it unchanged.
    expectRelativelyClose(kelly(SERIES_A.map((r) => r / 10)), 1.2 / 17, 1e-12);
  });

  it('are undefined when the series has no losses (or no wins, or no non-zero period)', () => {
    expectMetricError(() => profitFactor([0.01, 0.02]), 'UNDEFINED_RATIO', 'returns');
    expectMetricError(() => payoffRatio([0.01, 0.02]), 'UNDEFINED_RATIO', 'returns');
    expectMetricError(() => payoffRatio([-0.01, 0]), 'UNDEFINED_RATIO', 'returns');
    expectMetricError(() => kelly([0.01, 0.02]), 'UNDEFINED_RATIO', 'returns');
    expectMetricError(() => winRate([0, 0]), 'UNDEFINED_RATIO', 'returns');
  });
});
