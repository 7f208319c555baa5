import { realisedVolatility } from './series-sources';

describe('realisedVolatility', () => {
  it('is the annualised sample sd of each window, sampled every k ends', () => {
    const returns = Float64Array.from([0.01, -0.01, 0.02, 0, 0.01, -0.02]);
    const dates = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'].map((_, i) => `2000-01-0${i + 1}`);
    const series = realisedVolatility(returns, dates, { window: 3, sampleEvery: 2, periodsPerYear: 4, name: 'vol' });
    const sd = (xs: number[]): number => {
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      return Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
    };
    expect(series.times).toEqual(['2000-01-03', '2000-01-05']);
    expect(series.values[0]).toBeCloseTo(sd([0.01, -0.01, 0.02]) * 2, 12);
    expect(series.values[1]).toBeCloseTo(sd([0.02, 0, 0.01]) * 2, 12);
  });

  it('refuses fewer returns than the window', () => {
    expect(() => realisedVolatility(Float64Array.from([0.1]), ['2000-01-01'], { window: 2, sampleEvery: 1, periodsPerYear: 1, name: 'v' })).toThrow(
      /fewer than the window/,
    );
  });
});
