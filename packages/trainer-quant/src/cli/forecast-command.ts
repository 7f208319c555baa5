import { formatTable, optionalString, requiredString, UsageError, optionalInteger, type CliIo, type CommandSpec, type OptionValues } from '@tethys/cli';
import { quantileKey, readSeriesCsv, type Forecast } from '@tethys/forecasting';
import { initTf } from '@tethys/tf-runtime';
import { forecastAfter } from '../forecasting/forecast-after';
import { artifactSeries, loadForecaster } from '../forecasting/forecaster-artifact';
import { BASELINE_KINDS, isNeuralForecaster } from '../forecasting/models';
import { choiceOption } from './option-parsing';

export interface SeriesForecastJson {
  series: string;
  times: string[] | null;
  mean: number[];
  quantiles: Record<string, number[]>;
}

/** `--quantiles 0.1,0.5,0.9`: levels strictly between 0 and 1; undefined when absent. */
export function quantilesOption(values: OptionValues, name: string): number[] | undefined {
  const text = optionalString(values, name);
  if (text === undefined) return undefined;
  const levels = text.split(',').map((part) => Number(part.trim()));
  if (text.split(',').some((part) => part.trim() === '') || !levels.every((level) => level > 0 && level < 1)) {
    throw new UsageError(`--${name} must be comma-separated levels strictly between 0 and 1 (for example 0.1,0.5,0.9), got "${text}"`);
  }
  return levels;
}

function selectQuantiles(forecast: Forecast, levels: number[] | undefined, model: string): Record<string, number[]> {
  const available = forecast.quantiles ?? {};
  const keys = levels === undefined ? Object.keys(available) : levels.map(quantileKey);
  return Object.fromEntries(
    keys.map((key) => {
      const values = available[key];
      if (values === undefined) {
        const offered = Object.keys(available);
        throw new Error(`${model} does not forecast quantile ${key} (it has ${offered.length === 0 ? 'none' : offered.join(', ')})`);
      }
      return [key, Array.from(values)];
    }),
  );
}

async function run(values: OptionValues, _positionals: string[], io: CliIo): Promise<void> {
  const dir = requiredString(values, 'model');
  const input = requiredString(values, 'input');
  const horizon = optionalInteger(values, 'horizon', { min: 1 });
  if (horizon === undefined) throw new UsageError('--horizon is required');
  const levels = quantilesOption(values, 'quantiles');
  const baseline = values.baseline === undefined ? undefined : choiceOption(values, 'baseline', BASELINE_KINDS);
  // tfjs must run before a neural model is rebuilt; the artifact's index says which model it holds.
  if (artifactSeries(dir).model !== 'baselines') await initTf();
  const loaded = await loadForecaster(dir, optionalString(values, 'series'), { baseline });
  const history = readSeriesCsv(input);
  const label = `${loaded.kind} (trained on ${loaded.series})`;
  const forecasts: SeriesForecastJson[] = history.map((series) => {
    const forecast = forecastAfter(loaded.forecaster, series, horizon);
    return { series: series.name, times: forecast.times ?? null, mean: Array.from(forecast.mean), quantiles: selectQuantiles(forecast, levels, label) };
  });
  if (isNeuralForecaster(loaded.forecaster)) loaded.forecaster.dispose();
  if (values.json) {
    io.stdout(`${JSON.stringify({ model: dir, kind: loaded.kind, trainedOn: loaded.series, input, horizon, forecasts }, null, 2)}\n`);
    return;
  }
  for (const result of forecasts) {
    io.stdout(`${label}: ${horizon}-step forecast of ${result.series} from ${input}\n`);
    const keys = Object.keys(result.quantiles);
    const rows = result.mean.map((mean, step) => [
      result.times?.[step] ?? `+${step + 1}`,
      mean.toPrecision(6),
      ...keys.map((key) => result.quantiles[key][step].toPrecision(6)),
    ]);
    io.stdout(`${formatTable(['time', 'mean', ...keys.map((key) => `q${key}`)], rows)}\n`);
  }
}

export const forecastCommand: CommandSpec = {
  name: 'forecast',
  summary: 'forecast the series in a CSV with a trained models/timeseries_<model>/ artifact',
  usage: `Usage: tethys-quant forecast --model DIR --input FILE.csv --horizon H [--series NAME]
         [--baseline ${BASELINE_KINDS.join('|')}] [--quantiles 0.1,0.5,0.9] [--json]

Loads the forecaster trained on series NAME (default: the artifact's first) from DIR (a
models/timeseries_<model>/ artifact, verified against its manifest) and forecasts the H steps
after every series in FILE.csv (wide: a time column and one column per series; long: series id,
time, value), without refitting. Neural models accept H up to their trained horizon.
LSTM uses forecastAfter; the other models forecast from origin = the series' length by rolling-
origin forecasting (ETS needs the series to start where its training series started).

  --baseline KIND  with a timeseries_baselines artifact: which baseline (default seasonal_naive)
  --quantiles L,.. the quantile levels to print (default: all the model forecasts)
  --json           the forecasts as JSON`,
  options: {
    model: { type: 'string' },
    input: { type: 'string' },
    horizon: { type: 'string' },
    series: { type: 'string' },
    baseline: { type: 'string' },
    quantiles: { type: 'string' },
    json: { type: 'boolean' },
  },
  run,
};
