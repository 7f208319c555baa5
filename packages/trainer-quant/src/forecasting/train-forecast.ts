import path from 'node:path';
import { reproducibleTimestamp, writeArtifact } from '@tethys/artifacts';
import { formatTable } from '@tethys/cli';
import type { Forecast, TimeSeries } from '@tethys/forecasting';
import packageJson from '../../package.json';
import { evaluateForecaster, testStartIndex, type ForecastMetrics, type TestSplit } from './evaluate';
import type { ForecastParams, ForecastSeriesParams } from './forecast-params';
import {
  FORECASTER_ARTIFACT_KIND,
  FORECASTER_INDEX_FILE,
  FORECASTER_INDEX_VERSION,
  type ArtifactModel,
  type ForecasterIndex,
} from './forecaster-artifact';
import { BASELINE_KINDS, buildBaseline, buildNeural, type ModelKind, type NeuralKind } from './models';
import { loadParamsSeries } from './series-sources';

export const TRAIN_FORECAST_MODELS = ['lstm', 'nbeats', 'tft', 'baselines'] as const satisfies readonly ArtifactModel[];

export interface ModelScore extends ForecastMetrics {
  /** MAE below seasonal naive's on the same test windows. */
  beatsSeasonalNaive: boolean;
  fitSeconds: number;
  epochs: number | null;
  samplesPerSecond: number | null;
}

export interface SeriesResult {
  series: string;
  trainLength: number;
  testLength: number;
  /** Every model scored on this series: the trained one(s) and, for reference, seasonal naive. */
  scores: Partial<Record<ModelKind, ModelScore>>;
  /** The trained model's test forecasts (baselines: each baseline's), for checks against a reloaded artifact. */
  forecasts: Partial<Record<ModelKind, Forecast[]>>;
}

export interface TrainForecastResult {
  model: ArtifactModel;
  dir: string;
  series: SeriesResult[];
  seconds: number;
}

function splitOf(entry: ForecastSeriesParams): TestSplit {
  return { horizon: entry.horizon, testWindows: entry.testWindows, stride: entry.stride, season: entry.season };
}

function score(evaluation: Awaited<ReturnType<typeof evaluateForecaster>>, reference: ForecastMetrics | null): ModelScore {
  return {
    ...evaluation.metrics,
    beatsSeasonalNaive: reference === null ? false : evaluation.metrics.mae < reference.mae,
    fitSeconds: evaluation.fitSeconds,
    epochs: evaluation.epochs,
    samplesPerSecond: evaluation.samplesPerSecond,
  };
}

/** Seasonal naive on the series' test windows: every model's reference. */
async function seasonalNaiveReference(series: TimeSeries, entry: ForecastSeriesParams, params: ForecastParams): Promise<ModelScore> {
  const trainLength = testStartIndex(series.values.length, splitOf(entry));
  const model = buildBaseline('seasonal_naive', { ...entry, quantiles: params.quantiles, seed: params.seed, trainLength });
  const evaluation = await evaluateForecaster(model, series, splitOf(entry), params.quantiles);
  return score(evaluation, null);
}

const fixed = (value: number | null, digits: number): string => (value === null ? '-' : value.toFixed(digits));

/** One row per series and model: the accuracy table train-forecast prints. */
export function formatScoreTable(results: readonly SeriesResult[]): string {
  const rows = results.flatMap((result) =>
    Object.entries(result.scores).map(([kind, s]) => [
      result.series,
      kind,
      fixed(s.mae, 4),
      fixed(s.rmse, 4),
      fixed(s.smape, 2),
      fixed(s.mase, 3),
      fixed(s.pinball['0.5'] ?? null, 4),
      fixed(s.coverage80, 2),
      kind === 'seasonal_naive' ? '(ref)' : s.beatsSeasonalNaive ? 'yes' : 'NO',
      fixed(s.fitSeconds, 1),
    ]),
  );
  return formatTable(['series', 'model', 'MAE', 'RMSE', 'sMAPE%', 'MASE', 'pinball.5', 'cov80', 'beats SN', 'fit s'], rows);
}

/**
 * Trains `model` (a neural model, or every baseline) on each series of
 * params, evaluates it on the held-out test windows against seasonal naive,
 * and writes models/timeseries_<model>/: forecaster.json (index), per
 * series the model files (neural: model.json, weights.bin and the state JSON
 * with scalers and config; baselines: <kind>.json), metrics.json and the
 * manifest. Paths in params are relative to `root`.
 */
export async function trainForecast(
  params: ForecastParams,
  model: ArtifactModel,
  options: { root?: string; modelsDir?: string; paramsFile?: string; log?: (line: string) => void } = {},
): Promise<TrainForecastResult> {
  const began = performance.now();
  const root = options.root ?? process.cwd();
  const log = options.log ?? (() => undefined);
  const dir = path.resolve(root, options.modelsDir ?? 'models', `timeseries_${model}`);
  const files: Record<string, string | Uint8Array> = {};
  const inputs = new Set<string>(options.paramsFile === undefined ? [] : [path.resolve(root, options.paramsFile)]);
  const index: ForecasterIndex = { version: FORECASTER_INDEX_VERSION, model, series: {} };
  const results: SeriesResult[] = [];

  for (const entry of params.series) {
    const resolved = entry.source.kind === 'csv'
      ? { ...entry, source: { ...entry.source, file: path.resolve(root, entry.source.file) } }
      : { ...entry, source: { ...entry.source, prices: path.resolve(root, entry.source.prices) } };
    const { series, companions, inputs: read } = loadParamsSeries(resolved);
    read.forEach((file) => inputs.add(file));
    const split = splitOf(entry);
    const trainLength = testStartIndex(series.values.length, split);
    const reference = await seasonalNaiveReference(series, entry, params);
    const scores: SeriesResult['scores'] = { seasonal_naive: reference };
    const forecasts: SeriesResult['forecasts'] = {};
    const common = { season: entry.season, quantiles: [...params.quantiles], horizon: entry.horizon };
    if (model === 'baselines') {
      for (const kind of BASELINE_KINDS) {
        const baseline = buildBaseline(kind, { ...entry, quantiles: params.quantiles, seed: params.seed, trainLength });
        const evaluation = await evaluateForecaster(baseline, series, split, params.quantiles);
        if (kind !== 'seasonal_naive') scores[kind] = score(evaluation, reference);
        forecasts[kind] = evaluation.forecasts;
        files[`${entry.name}/${kind}.json`] = JSON.stringify(baseline.toJSON());
      }
      index.series[entry.name] = { ...common, lookback: null, baselines: [...BASELINE_KINDS] };
    } else {
      const neural = buildNeural(neuralSpec(model, entry), { horizon: entry.horizon, quantiles: params.quantiles, seed: params.seed });
      try {
        const alongside = companions.length === 0 ? '' : ` (and the same span of ${companions.length} companion series)`;
        log(`${model} on ${entry.name}: training on ${trainLength} points${alongside}, testing ${split.testWindows} windows of ${split.horizon}`);
        const evaluation = await evaluateForecaster(neural, series, split, params.quantiles, { fitPoints: entry.neuralTrainPoints, companions });
        scores[model] = score(evaluation, reference);
        forecasts[model] = evaluation.forecasts;
        for (const [file, content] of Object.entries(await neural.toFiles())) files[`${entry.name}/${file}`] = content;
        index.series[entry.name] = { ...common, lookback: neural.options.lookback };
      } finally {
        neural.dispose();
      }
    }
    results.push({ series: entry.name, trainLength, testLength: series.values.length - trainLength, scores, forecasts });
  }
  files[FORECASTER_INDEX_FILE] = JSON.stringify(index, null, 2);

  const metrics = {
    model,
    series: Object.fromEntries(
      results.map((result) => {
        const own = model === 'baselines' ? undefined : result.scores[model];
        return [
          result.series,
          {
            trainLength: result.trainLength,
            testLength: result.testLength,
            seasonalNaiveMase: result.scores.seasonal_naive?.mase ?? null,
            ...(own === undefined ? {} : { mase: own.mase, beatsSeasonalNaive: own.beatsSeasonalNaive }),
            // Wall-clock figures vary from run to run: printed, never stored (artifacts are byte-identical).
            models: Object.fromEntries(
              Object.entries(result.scores).map(([kind, { fitSeconds: _fit, samplesPerSecond: _rate, ...stable }]) => [kind, stable]),
            ),
          },
        ];
      }),
    ),
  };
  const relative = (file: string): string => path.relative(root, file).split(path.sep).join('/');
  writeArtifact({
    dir,
    kind: FORECASTER_ARTIFACT_KIND,
    producer: { package: packageJson.name, version: packageJson.version },
    seed: params.seed,
    params: { model, ...params },
    inputs: [...inputs],
    root,
    files,
    metrics,
    createdAt: reproducibleTimestamp(process.env, root),
  });
  const seconds = (performance.now() - began) / 1000;
  log(formatScoreTable(results));
  log(`wrote ${relative(dir)} in ${seconds.toFixed(1)} s`);
  return { model, dir, series: results, seconds };
}

function neuralSpec(model: NeuralKind, entry: ForecastSeriesParams): Parameters<typeof buildNeural>[0] {
  switch (model) {
    case 'lstm':
      return { kind: 'lstm', settings: entry.lstm };
    case 'nbeats':
      return { kind: 'nbeats', settings: entry.nbeats };
    case 'tft':
      return { kind: 'tft', settings: entry.tft };
  }
}
