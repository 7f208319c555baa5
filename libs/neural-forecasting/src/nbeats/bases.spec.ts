import { maxHarmonic, seasonalityBackcastBasis, seasonalityForecastBasis, trendBasis, type BasisMatrix } from './bases';

function row(basis: BasisMatrix, index: number): number[] {
  return Array.from(basis.values.subarray(index * basis.length, (index + 1) * basis.length));
}

describe('trendBasis', () => {
  it('has degree + 1 rows t^k over t = i / length', () => {
    const basis = trendBasis(3, 5);
    expect(basis.rows).toBe(4);
    expect(basis.length).toBe(5);
    expect(basis.values).toHaveLength(20);
    for (let power = 0; power <= 3; power++) {
      row(basis, power).forEach((value, i) => expect(value).toBeCloseTo((i / 5) ** power, 6));
    }
    expect(row(basis, 0)).toEqual([1, 1, 1, 1, 1]);
  });

  it('normalises the backcast over its own length (the lookback)', () => {
    const backcast = trendBasis(1, 8);
    expect(row(backcast, 1)[4]).toBeCloseTo(0.5, 6);
  });
});

describe('seasonalityBasis', () => {
  it('has cos rows for harmonics 0..floor(H/2 - 1) and sin rows for 1..floor(H/2 - 1)', () => {
    const horizon = 12;
    expect(maxHarmonic(horizon)).toBe(5);
    const basis = seasonalityForecastBasis(horizon);
    expect(basis.rows).toBe(11);
    expect(basis.length).toBe(horizon);
    expect(row(basis, 0)).toEqual(new Array(horizon).fill(1));
    row(basis, 2).forEach((value, h) => expect(value).toBeCloseTo(Math.cos((2 * Math.PI * 2 * h) / horizon), 6));
    // sin rows follow the 6 cos rows: row 5 + i is sin(2 pi i t).
    row(basis, 6).forEach((value, h) => expect(value).toBeCloseTo(Math.sin((2 * Math.PI * h) / horizon), 6));
    row(basis, 10).forEach((value, h) => expect(value).toBeCloseTo(Math.sin((2 * Math.PI * 5 * h) / horizon), 6));
  });

  it('keeps only the constant for tiny horizons', () => {
    expect(seasonalityForecastBasis(1).rows).toBe(1);
    expect(seasonalityForecastBasis(3).rows).toBe(1);
    expect(seasonalityForecastBasis(4).rows).toBe(3);
  });

  it('measures the backcast in horizons so its periods match the forecast', () => {
    const horizon = 6;
    const lookback = 12;
    const backcast = seasonalityBackcastBasis(horizon, lookback);
    const forecast = seasonalityForecastBasis(horizon);
    expect(backcast.rows).toBe(forecast.rows);
    expect(backcast.length).toBe(lookback);
    // Period H / 1 = 6 steps: the backcast is the forecast pattern repeated.
    for (let index = 0; index < backcast.rows; index++) {
      row(backcast, index).forEach((value, j) => expect(value).toBeCloseTo(row(forecast, index)[j % horizon], 5));
    }
  });
});
