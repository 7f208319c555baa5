// Real-data check: the classic airline series (Box & Jenkins), monthly
// 1949-1960. Train on the first 120 months, test on the last 24.
import { join } from 'node:path';
import { DriftForecaster } from '../baselines/drift';
import { NaiveForecaster } from '../baselines/naive';
import { SeasonalNaiveForecaster } from '../baselines/seasonal-naive';
import { ExponentialSmoothing } from '../ets/exponential-smoothing';
import type { BaselineForecaster } from '../baselines/baseline-from-json';
import { intervalCoverage, mase, pinballLoss, rmse, smape } from '../metrics/metrics';
import { readSeriesCsv } from '../series/read-series-csv';
import { sliceSeries } from '../series/time-series';
import { expectAllClose, FIXTURES } from '../testing/test-helpers';

const [passengers] = readSeriesCsv(join(FIXTURES, 'airpassengers.csv'));
const train = sliceSeries(passengers, 0, 120);
const test = sliceSeries(passengers, 120);
const quantiles = [0.05, 0.5, 0.95];

interface Score {
  mase: number;
  smape: number;
  rmse: number;
  coverage90: number;
  pinball95: number;
}

function score(model: BaselineForecaster): Score {
  const forecast = model.fit(train).predict(24);
  // The file's decimal years carry noise in the 11th decimal; the forecast's are rounded from 1/12 steps.
  expectAllClose(forecast.times!.map(Number), test.times.map(Number), 1e-10);
  const lower = forecast.quantiles!['0.05'];
  const upper = forecast.quantiles!['0.95'];
  return {
    mase: mase(test.values, forecast.mean, train.values, 12),
    smape: smape(test.values, forecast.mean),
    rmse: rmse(test.values, forecast.mean),
    coverage90: intervalCoverage(test.values, lower, upper),
    pinball95: pinballLoss(test.values, upper, 0.95),
  };
}

describe('AirPassengers: train 1949-1958, test 1959-1960', () => {
  const scores: Record<string, Score> = {
    naive: score(new NaiveForecaster({ quantiles })),
    drift: score(new DriftForecaster({ quantiles })),
    seasonal_naive: score(new SeasonalNaiveForecaster({ seasonPeriod: 12, quantiles })),
    holt_winters_additive: score(
      new ExponentialSmoothing({ trend: 'additive', seasonal: 'additive', seasonPeriod: 12, quantiles }),
    ),
    holt_winters_multiplicative: score(
      new ExponentialSmoothing({ trend: 'additive', seasonal: 'multiplicative', seasonPeriod: 12, quantiles }),
    ),
  };

  it('reports the test-period accuracy of every baseline', () => {
    const rows = Object.entries(scores).map(
      ([name, s]) =>
        `${name.padEnd(28)} MASE ${s.mase.toFixed(3)}  sMAPE ${s.smape.toFixed(2)}%  RMSE ${s.rmse.toFixed(1)}  ` +
        `90% coverage ${s.coverage90.toFixed(2)}  pinball(0.95) ${s.pinball95.toFixed(2)}`,
    );
    console.log(`AirPassengers, 24-month test (MASE scaled by in-sample seasonal naive, m = 12)\n${rows.join('\n')}`);
    for (const s of Object.values(scores)) expect(Number.isFinite(s.mase)).toBe(true);
  });

  it('multiplicative Holt-Winters beats seasonal naive (a published fact for this series)', () => {
    expect(scores.holt_winters_multiplicative.mase).toBeLessThan(scores.seasonal_naive.mase);
    // And the seasonal methods beat the non-seasonal ones by far on this strongly seasonal series.
    expect(scores.seasonal_naive.mase).toBeLessThan(Math.min(scores.naive.mase, scores.drift.mase));
  });
});
