import { formatTable, optionalInteger, requiredString, UsageError, type CliIo, type CommandSpec, type OptionValues } from '@tethys/cli';
import { readSeriesCsv, type TimeSeries } from '@tethys/forecasting';
import { initTf, onTrainingEpoch, ttyProgressBar } from '@tethys/tf-runtime';
import { evaluateForecaster, testStartIndex, type Evaluation, type ForecastMetrics, type TestSplit } from '../forecasting/evaluate';
import { buildBaseline, buildNeural, isNeuralKind, MODEL_KINDS, type AnyForecaster, type ModelKind } from '../forecasting/models';
import { choiceOption, refuseUnless } from './option-parsing';

const QUANTILES = [0.1, 0.5, 0.9];
const DEFAULTS = { season: 1, testWindows: 1, epochs: 50, seed: 0, patience: 5, validationFraction: 0.1 } as const;

export interface BacktestSettings {
  model: ModelKind;
  horizon: number;
  season: number;
  testWindows: number;
  /** Neural models only (null for baselines). */
  lookback: number | null;
  epochs: number | null;
  seed: number;
}

interface ModelRun extends ForecastMetrics {
  fitSeconds: number;
  samplesPerSecond: number | null;
  epochs: number | null;
}

export interface BacktestSeriesResult {
  series: string;
  trainLength: number;
  model: ModelRun;
  seasonalNaive: ModelRun;
  beatsSeasonalNaive: boolean;
}

export interface BacktestResult extends BacktestSettings {
  input: string;
  seconds: number;
  series: BacktestSeriesResult[];
}

/** Default lookback: two horizons (the short end of N-BEATS' 2H..7H), at least one season. */
export function defaultLookback(horizon: number, season: number): number {
  return Math.max(2 * horizon, season > 1 ? season : 0);
}

function buildModel(settings: BacktestSettings, trainLength: number): AnyForecaster {
  const { model, horizon, season, seed } = settings;
  if (!isNeuralKind(model)) return buildBaseline(model, { season, quantiles: QUANTILES, seed, trainLength, etsSeasonal: 'additive' });
  const lookback = settings.lookback ?? defaultLookback(horizon, season);
  const shared = { lookback, epochs: settings.epochs ?? DEFAULTS.epochs, patience: DEFAULTS.patience, batchSize: 32, validationFraction: DEFAULTS.validationFraction };
  const common = { horizon, quantiles: QUANTILES, seed };
  switch (model) {
    case 'lstm':
      return buildNeural({ kind: 'lstm', settings: { ...shared, hiddenSize: 32 } }, common);
    case 'nbeats':
      return buildNeural({ kind: 'nbeats', settings: { ...shared, stacks: 'generic', blocksPerStack: 3, layerWidth: 128 } }, common);
    case 'tft':
      return buildNeural({ kind: 'tft', settings: { ...shared, hiddenSize: 16, heads: 4 } }, common);
  }
}

const run = (evaluation: Evaluation): ModelRun => ({
  ...evaluation.metrics,
  fitSeconds: evaluation.fitSeconds,
  samplesPerSecond: evaluation.samplesPerSecond,
  epochs: evaluation.epochs,
});

async function backtestSeries(series: TimeSeries, settings: BacktestSettings, input: string): Promise<BacktestSeriesResult> {
  const split: TestSplit = { horizon: settings.horizon, testWindows: settings.testWindows, stride: settings.horizon, season: settings.season };
  const where = `${input}: series ${JSON.stringify(series.name)}`;
  try {
    const trainLength = testStartIndex(series.values.length, split);
    const reference = run(
      await evaluateForecaster(buildBaseline('seasonal_naive', { ...settings, quantiles: QUANTILES, trainLength, etsSeasonal: 'additive' }), series, split, QUANTILES),
    );
    const model = buildModel(settings, trainLength);
    try {
      const own = run(await evaluateForecaster(model, series, split, QUANTILES));
      return { series: series.name, trainLength, model: own, seasonalNaive: reference, beatsSeasonalNaive: own.mae < reference.mae };
    } finally {
      if ('dispose' in model) model.dispose();
    }
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`, { cause: error });
  }
}

/** Trains `settings.model` on everything before the last test windows of each series in `input` and scores those windows. */
export async function backtest(input: string, settings: BacktestSettings): Promise<BacktestResult> {
  const began = performance.now();
  const all = readSeriesCsv(input);
  if (isNeuralKind(settings.model)) await initTf();
  const series: BacktestSeriesResult[] = [];
  for (const one of all) series.push(await backtestSeries(one, settings, input));
  return { input, ...settings, seconds: (performance.now() - began) / 1000, series };
}

const fixed = (value: number | null, digits: number): string => (value === null ? '-' : value.toFixed(digits));

function printResult(result: BacktestResult, io: CliIo): void {
  const lookback = result.lookback === null ? '' : `, lookback ${result.lookback}, epochs ${result.epochs}`;
  io.stdout(
    `${result.model} backtest on ${result.input}: ${result.testWindows} test window(s) of ${result.horizon} step(s) per series, ` +
      `season ${result.season}${lookback}, seed ${result.seed}; MASE scaled by the in-sample seasonal naive MAE\n\n`,
  );
  const row = (series: string, name: string, r: ModelRun, beats: string): string[] => [
    series,
    name,
    fixed(r.mae, 4),
    fixed(r.rmse, 4),
    fixed(r.smape, 2),
    fixed(r.mase, 3),
    fixed(Object.keys(r.pinball).length === 0 ? null : Object.values(r.pinball).reduce((a, b) => a + b, 0) / Object.keys(r.pinball).length, 4),
    fixed(r.coverage80, 2),
    fixed(r.width80, 4),
    beats,
    fixed(r.samplesPerSecond, 0),
    fixed(r.fitSeconds, 2),
  ];
  const rows = result.series.flatMap((s) => [
    row(s.series, result.model, s.model, s.beatsSeasonalNaive ? 'yes' : 'NO'),
    row(s.series, 'seasonal_naive', s.seasonalNaive, '(ref)'),
  ]);
  io.stdout(
    formatTable(['series', 'model', 'MAE', 'RMSE', 'sMAPE%', 'MASE', 'pinball', 'cov80', 'width80', 'beats SN', 'samples/s', 'fit s'], rows),
  );
  io.stdout(`\nwall time ${result.seconds.toFixed(1)} s\n`);
}

async function runCommand(values: OptionValues, _positionals: string[], io: CliIo): Promise<void> {
  const model = choiceOption(values, 'model', MODEL_KINDS);
  const input = requiredString(values, 'input');
  const horizon = optionalInteger(values, 'horizon', { min: 1, max: 100_000 });
  if (horizon === undefined) throw new UsageError('--horizon is required');
  const neural = isNeuralKind(model);
  refuseUnless(values, 'lookback', neural, 'to the neural models (lstm, nbeats, tft)');
  refuseUnless(values, 'epochs', neural, 'to the neural models (lstm, nbeats, tft)');
  const season = optionalInteger(values, 'season', { min: 1, max: 100_000 }) ?? DEFAULTS.season;
  const settings: BacktestSettings = {
    model,
    horizon,
    season,
    testWindows: optionalInteger(values, 'test-windows', { min: 1, max: 100_000 }) ?? DEFAULTS.testWindows,
    lookback: neural ? (optionalInteger(values, 'lookback', { min: 1, max: 100_000 }) ?? defaultLookback(horizon, season)) : null,
    epochs: neural ? (optionalInteger(values, 'epochs', { min: 1, max: 100_000 }) ?? DEFAULTS.epochs) : null,
    seed: optionalInteger(values, 'seed', { min: 0 }) ?? DEFAULTS.seed,
  };
  // A progress bar on a terminal (stderr); silent in logs and pipes.
  const stopProgress = onTrainingEpoch(ttyProgressBar());
  let result: BacktestResult;
  try {
    result = await backtest(input, settings);
  } finally {
    stopProgress();
  }
  if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else printResult(result, io);
}

export const backtestCommand: CommandSpec = {
  name: 'backtest',
  summary: 'train a forecaster on your series and score it on the last windows against seasonal naive',
  usage: `Usage: tethys-quant backtest --model ${MODEL_KINDS.join('|')} --input FILE.csv --horizon H
         [--lookback L] [--season S] [--test-windows N] [--epochs E] [--seed N] [--json]

FILE.csv holds one or more series: wide (a time column, then one column per series) or long
(series id, time, value). For each series the model is trained on everything before the last N
windows of H steps (neural models stop early on the end of that training part) and forecasts
each window once, without refitting. Prints MAE, RMSE, sMAPE, MASE (scaled by the in-sample
seasonal naive MAE with season S), mean pinball loss over the quantiles 0.1, 0.5, 0.9, 80%
interval coverage and width, training samples/s and fit time, beside seasonal naive.

  --season S        season length for seasonal naive, Holt-Winters ETS and MASE; default ${DEFAULTS.season}
  --test-windows N  default ${DEFAULTS.testWindows}
  --lookback L      neural models: input window; default max(2H, S when S > 1)
  --epochs E        neural models: most epochs (early stopping, patience ${DEFAULTS.patience}); default ${DEFAULTS.epochs}
  --seed N          neural models and ETS simulation; default ${DEFAULTS.seed}
  --json            the result as JSON`,
  options: {
    model: { type: 'string' },
    input: { type: 'string' },
    horizon: { type: 'string' },
    lookback: { type: 'string' },
    season: { type: 'string' },
    'test-windows': { type: 'string' },
    epochs: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  },
  run: runCommand,
};
