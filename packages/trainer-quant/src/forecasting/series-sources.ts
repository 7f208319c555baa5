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

/** Daily simple returns of every asset of a wide price file, on the dates all assets trade. */
function assetReturns(pricesFile: string): { dates: string[]; assets: string[]; returns: Float64Array[] } {
  const panel = priceReturns(readPricePanel(pricesFile), { kind: 'simple', missing: 'drop-dates' });
  return { dates: panel.dates, assets: [...panel.assets], returns: panel.returns };
}

/** Daily simple returns of the equal-weight portfolio rebalanced every day: the mean of the assets' returns. */
export function equalWeightReturns(pricesFile: string): { dates: string[]; returns: Float64Array } {
  return equalWeight(assetReturns(pricesFile));
}

function equalWeight(panel: { dates: string[]; returns: Float64Array[] }): { dates: string[]; returns: Float64Array } {
  const returns = new Float64Array(panel.dates.length);
  for (const column of panel.returns) for (let t = 0; t < returns.length; t++) returns[t] += column[t];
  for (let t = 0; t < returns.length; t++) returns[t] /= panel.returns.length;
  return { dates: panel.dates, returns };
}

/** What a params entry loads: the series scored, extra series the neural models may train on, and the files read. */
export interface ParamsSeries {
  /** The series every model is trained and scored on, named after the entry. */
  series: TimeSeries;
  /** Same times as `series`, named `<entry>:<asset>`: extra training series for the neural models (empty unless asked). */
  companions: TimeSeries[];
  /** The data files read (for the manifest). */
  inputs: string[];
}

/** The series a params entry names, named after the entry; its companions; and the data files it read. */
export function loadParamsSeries(params: ForecastSeriesParams): ParamsSeries {
  const { source } = params;
  if (source.kind === 'csv') {
    const all = readSeriesCsv(source.file);
    const chosen = source.series === undefined ? all[0] : all.find((series) => series.name === source.series);
    if (chosen === undefined) {
      const names = all.map((series) => JSON.stringify(series.name)).join(', ');
      throw new Error(`${source.file}: no series ${JSON.stringify(source.series)} (found ${names})`);
    }
    return { series: { ...chosen, name: params.name }, companions: [], inputs: [source.file] };
  }
  const panel = assetReturns(source.prices);
  const { dates, returns } = equalWeight(panel);
  const series = realisedVolatility(returns, dates, { ...source, name: params.name });
  const companions: TimeSeries[] = [];
  if (source.trainOnAssets === true) {
    panel.assets.forEach((asset, index) => {
      companions.push(realisedVolatility(panel.returns[index], panel.dates, { ...source, name: `${params.name}:${asset}` }));
    });
  }
  return { series, companions, inputs: [source.prices] };
}
