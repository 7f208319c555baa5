import path from 'node:path';
import { priceReturns, readPricePanel } from '@tethys/data';
import { detectRiskAnomalies } from './risk-anomalies';

const DOW = path.join(__dirname, '../../../data/prices/dowjones30_daily_1990_2001.csv');

describe('detectRiskAnomalies on the Dow 30, 1991-2000', () => {
  const returns = priceReturns(readPricePanel(DOW), { kind: 'simple', missing: 'error' });
  const result = detectRiskAnomalies(
    returns,
    { shortWindow: 21, longWindow: 63, frequency: 252 },
    { nEstimators: 100, contamination: 0.01, seed: 1 },
  );

  it('flags about 1% of days, most anomalous first', () => {
    expect(result.flagged.length).toBeGreaterThanOrEqual(Math.floor(result.dates.length * 0.01) - 1);
    expect(result.flagged.length).toBeLessThanOrEqual(Math.ceil(result.dates.length * 0.01) + 1);
    for (let i = 1; i < result.flagged.length; i++) {
      expect(result.flagged[i - 1].anomalyScore).toBeGreaterThanOrEqual(result.flagged[i].anomalyScore);
    }
  });

  it('flags the 27 October 1997 mini-crash (Dow -7.2%) and the 31 August 1998 sell-off', () => {
    const dates = result.flagged.map((f) => f.date);
    expect(dates).toContain('1997-10-27');
    expect(dates).toContain('1998-08-31');
    const crash = result.flagged.find((f) => f.date === '1997-10-27');
    expect(crash?.features.market_return).toBeLessThan(-0.05);
    expect(crash?.topReasons).toHaveLength(3);
  });

  it('is deterministic for a seed', () => {
    const again = detectRiskAnomalies(returns, { shortWindow: 21, longWindow: 63, frequency: 252 }, { nEstimators: 100, contamination: 0.01, seed: 1 });
    expect(again.flagged).toEqual(result.flagged);
  });
});
