import path from 'node:path';
import { loadParamsSeries, realisedVolatility } from './series-sources';

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

describe('loadParamsSeries with trainOnAssets', () => {
  const PRICES = path.join(__dirname, '../../../../data/prices/dowjones30_daily_1990_2001.csv');
  const entry = (trainOnAssets: boolean | undefined): Parameters<typeof loadParamsSeries>[0] => ({
    name: 'vol',
    source: { kind: 'realised_volatility', prices: PRICES, window: 21, sampleEvery: 5, periodsPerYear: 252, ...(trainOnAssets === undefined ? {} : { trainOnAssets }) },
    season: 1,
    horizon: 2,
    testWindows: 1,
    stride: 2,
    etsSeasonal: 'additive',
    lstm: { lookback: 2, hiddenSize: 2, epochs: 1, patience: 0, batchSize: 4, validationFraction: 0 },
    nbeats: { lookback: 2, stacks: 'generic', blocksPerStack: 1, layerWidth: 2, epochs: 1, patience: 0, batchSize: 4, validationFraction: 0 },
    tft: { lookback: 2, hiddenSize: 2, heads: 1, epochs: 1, patience: 1, batchSize: 4, validationFraction: 0 },
  });

  it("adds each asset's realised volatility on the portfolio's times, and nothing unless asked", () => {
    const plain = loadParamsSeries(entry(undefined));
    expect(plain.companions).toEqual([]);
    const { series, companions } = loadParamsSeries(entry(true));
    expect(series.values).toEqual(plain.series.values);
    expect(companions).toHaveLength(30);
    expect(companions[0].name).toBe('vol:AA');
    companions.forEach((companion) => expect(companion.times).toEqual(series.times));
    // The equal-weight portfolio is diversified: its volatility lies below the average asset's.
    const averageAsset = companions.reduce((sum, companion) => sum + companion.values[0], 0) / companions.length;
    expect(series.values[0]).toBeLessThan(averageAsset);
  });
});
