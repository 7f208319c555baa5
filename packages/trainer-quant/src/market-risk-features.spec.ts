import type { ReturnPanel } from '@tethys/data';
import { marketRiskFeatures } from './market-risk-features';

function panelOf(columns: number[][]): ReturnPanel {
  return { dates: columns[0].map((_, i) => `d${i}`), assets: columns.map((_, i) => `A${i}`), returns: columns.map((c) => Float64Array.from(c)) };
}

describe('marketRiskFeatures', () => {
  it('computes each feature by hand on a tiny panel', () => {
    // Three assets, 4 rows; short window 2, long window 3 -> rows from d2 on.
    const panel = panelOf([
      [0.01, 0.02, -0.03, 0.01],
      [0.01, 0.02, -0.03, 0.03],
      [-0.01, -0.02, 0.03, -0.01],
    ]);
    const f = marketRiskFeatures(panel, { shortWindow: 2, longWindow: 3, frequency: 252 });
    expect(f.dates).toEqual(['d2', 'd3']);
    const row = (r: number) => Object.fromEntries(f.names.map((n, c) => [n, f.data[r * f.cols + c]]));
    const d2 = row(0);
    expect(d2.market_return).toBeCloseTo(-0.01, 15);
    expect(d2.worst_asset_return).toBe(-0.03);
    expect(d2.breadth_down).toBeCloseTo(2 / 3, 15);
    // Returns -0.03, -0.03, 0.03: mean -0.01, sample sd sqrt((0.0004 + 0.0004 + 0.0016) / 2).
    expect(d2.dispersion).toBeCloseTo(Math.sqrt(0.0012), 15);
    // Over d1..d2 assets 0 and 1 move together, asset 2 opposite: correlations +1, -1, -1 -> mean -1/3.
    expect(d2.average_correlation).toBeCloseTo(-1 / 3, 12);
    // Market returns d1 = 0.02/3, d2 = -0.01: short sd of two points = |diff| / sqrt(2).
    expect(d2.market_volatility).toBeCloseTo((Math.abs(0.02 / 3 + 0.01) / Math.SQRT2) * Math.sqrt(252), 12);
  });

  it('sees perfectly correlated assets as correlation 1', () => {
    const base = [0.01, -0.02, 0.015, 0.003, -0.007, 0.02];
    const f = marketRiskFeatures(panelOf([base, base.map((x) => 2 * x), base.map((x) => x + 0.001)]), {
      shortWindow: 4,
      longWindow: 5,
      frequency: 252,
    });
    expect(f.data[3]).toBeCloseTo(1, 12);
  });

  it('refuses windows that do not fit and missing returns', () => {
    const panel = panelOf([[0.1, 0.2, 0.3], [0.1, 0.2, 0.3]]);
    expect(() => marketRiskFeatures(panel, { shortWindow: 2, longWindow: 3, frequency: 252 })).toThrow(/longWindow < 3/);
    const gappy = panelOf([[0.1, NaN, 0.3, 0.1], [0.1, 0.2, 0.3, 0.1]]);
    expect(() => marketRiskFeatures(gappy, { shortWindow: 2, longWindow: 2, frequency: 252 })).toThrow(/A0 has no finite return on d1/);
  });
});
