import { priceReturns, readPricePanel } from '@tethys/data';
import { createTimeSeries, readSeriesCsv, type TimeSeries } from '@tethys/forecasting';
import type { ForecastSeriesParams } from './forecast-params';

/**
 * Rolling annualised realised volatility of one return series: the sample
 * standard deviation (n - 1) of the `window` returns ending at t, times
 * sqrt(periodsPerYear), kept at every `sampleEvery`-th window end starting
 * with the first full window.
 */
export function realisedVolatility(
  returns: Float64Array,
  dates: readonly string[],
  options: { window: number; sampleEvery: number; periodsPerYear: number; name: string },
): TimeSeries {
  const { window, sampleEvery, periodsPerYear, name } = options;
  if (returns.length < window) {
    throw new Error(`realised volatility of ${name}: ${returns.length} returns are fewer than the window ${window}`);
  }
  const values: number[] = [];
  const times: string[] = [];
  for (let end = window - 1; end < returns.length; end += sampleEvery) {
    let mean = 0;
    for (let t = end - window + 1; t <= end; t++) mean += returns[t];
    mean /= window;
    let squares = 0;
    for (let t = end - window + 1; t <= end; t++) squares += (returns[t] - mean) ** 2;
    values.push(Math.sqrt((squares / (window - 1)) * periodsPerYear));
    times.push(dates[end]);
  }
  return createTimeSeries(name, values, times);
}

/** Daily simple returns of the equal-weight portfolio rebalanced every day: the mean of the assets' returns. */
export function equalWeightReturns(pricesFile: string): { dates: string[]; returns: Float64Array } {
  const panel = priceReturns(readPricePanel(pricesFile), { kind: 'simple', missing: 'drop-dates' });
  const returns = new Float64Array(panel.dates.length);
  for (const assetReturns of panel.returns) for (let t = 0; t < returns.length; t++) returns[t] += assetReturns[t];
  for (let t = 0; t < returns.length; t++) returns[t] /= panel.returns.length;
  return { dates: panel.dates, returns };
}

/** The series a params entry names, named after the entry; and the data files it read (for the manifest). */
export function loadParamsSeries(params: ForecastSeriesParams): { series: TimeSeries; inputs: string[] } {
  const { source } = params;
  if (source.kind === 'csv') {
    const all = readSeriesCsv(source.file);
    const chosen = source.series === undefined ? all[0] : all.find((series) => series.name === source.series);
    if (chosen === undefined) {
      const names = all.map((series) => JSON.stringify(series.name)).join(', ');
      throw new Error(`${source.file}: no series ${JSON.stringify(source.series)} (found ${names})`);
    }
    return { series: { ...chosen, name: params.name }, inputs: [source.file] };
  }
  const { dates, returns } = equalWeightReturns(source.prices);
  const series = realisedVolatility(returns, dates, { ...source, name: params.name });
  return { series, inputs: [source.prices] };
}
