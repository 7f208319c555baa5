import { calmar, drawdownPeriods, drawdownSeries, maxDrawdown, ulcerIndex } from './drawdown';
import { expectMetricError, expectRelativelyClose, SERIES_A } from './test-helpers.fixture';

// SERIES_A wealth: 1.1, 1.045, 1.0659, 0.95931, 1.0072755; the peak stays 1.1 after the first period.
const DRAWDOWNS_A = [0, 1.045 / 1.1 - 1, 1.0659 / 1.1 - 1, 0.95931 / 1.1 - 1, 1.0072755 / 1.1 - 1];

describe('drawdownSeries', () => {
  it('is wealth / running peak - 1', () => {
    const drawdowns = drawdownSeries(SERIES_A);
    DRAWDOWNS_A.forEach((expected, t) => expectRelativelyClose(drawdowns[t], expected, 1e-13));
  });

  it('counts a first-period loss against the starting wealth 1 (quantstats phantom baseline)', () => {
    expectRelativelyClose(drawdownSeries([-0.1, 0.05])[0], -0.1, 1e-15);
    expectRelativelyClose(maxDrawdown([-0.1, 0.05]), -0.1, 1e-15);
  });
});

describe('maxDrawdown', () => {
  it('is the deepest drawdown, a negative fraction', () => {
    expectRelativelyClose(maxDrawdown(SERIES_A), 0.95931 / 1.1 - 1, 1e-13);
    expect(maxDrawdown([-1, 0.5])).toBe(-1);
  });

  it('is 0 for a monotone non-decreasing series', () => {
    expect(maxDrawdown([0.01, 0, 0.02, 0.03])).toBe(0);
    expect(Object.is(maxDrawdown([0.01, 0.02]), 0)).toBe(true);
  });
});

describe('drawdownPeriods', () => {
  it('reports start, valley, end (last period under water), length, depth and recovery', () => {
    // Wealth 1.1, 0.99, 1.0395, 1.1434..., then 1.0291..., 1.0805...: two spells, the second unrecovered.
    const periods = drawdownPeriods([0.1, -0.1, 0.05, 0.1, -0.1, 0.05]);
    expect(periods).toHaveLength(2);
    expect(periods[0]).toMatchObject({ start: 1, valley: 1, end: 2, length: 2, recovery: 3 });
    expectRelativelyClose(periods[0].depth, -0.1, 1e-13);
    expect(periods[1]).toMatchObject({ start: 4, valley: 4, end: 5, length: 2, recovery: null });
    expectRelativelyClose(periods[1].depth, -0.1, 1e-13);
  });

  it('finds the valley inside one long spell (SERIES_A)', () => {
    const [spell, ...rest] = drawdownPeriods(SERIES_A);
    expect(rest).toHaveLength(0);
    expect(spell).toMatchObject({ start: 1, valley: 3, end: 4, length: 4, recovery: null });
    expectRelativelyClose(spell.depth, maxDrawdown(SERIES_A), 0);
  });

  it('opens a spell at index 0 when the first period loses, and is empty for a monotone series', () => {
    expect(drawdownPeriods([-0.05, 0.1])).toEqual([
      { start: 0, valley: 0, end: 0, length: 1, depth: expect.closeTo(-0.05, 15), recovery: 1 },
    ]);
    expect(drawdownPeriods([0.01, 0.02, 0])).toEqual([]);
  });
});

describe('calmar', () => {
  it('is cagr / |max drawdown|', () => {
    expectRelativelyClose(calmar(SERIES_A, { periods: 5 }), (1.0072755 - 1) / (1 - 0.95931 / 1.1), 1e-12);
  });

  it('is undefined without a drawdown', () => {
    expectMetricError(() => calmar([0.01, 0.02]), 'UNDEFINED_RATIO', 'returns');
  });
});

describe('ulcerIndex', () => {
  it('is sqrt(sum dd^2 / (n - 1)), as quantstats', () => {
    const squares = DRAWDOWNS_A.reduce((sum, dd) => sum + dd * dd, 0);
    expectRelativelyClose(ulcerIndex(SERIES_A), Math.sqrt(squares / 4), 1e-13);
  });

  it('is 0 without a drawdown and needs two observations', () => {
    expect(ulcerIndex([0.01, 0.02])).toBe(0);
    expectMetricError(() => ulcerIndex([0.01]), 'INSUFFICIENT_DATA', 'returns');
  });
});
