import { loadArtifact, type LoadedArtifact } from '@tethys/artifacts';
import { baselineFromJSON, type BaselineKind } from '@tethys/forecasting';
import { LstmForecaster, NBeatsForecaster, TftForecaster } from '@tethys/neural-forecasting';
import { BASELINE_KINDS, type AnyForecaster, type ModelKind, type NeuralKind } from './models';

/** The manifest kind of every models/timeseries_<model>/ artifact. */
export const FORECASTER_ARTIFACT_KIND = 'timeseries-forecaster';
/** The artifact's index: which model, and per series its settings and files. */
export const FORECASTER_INDEX_FILE = 'forecaster.json';
export const FORECASTER_INDEX_VERSION = 1;

export type ArtifactModel = NeuralKind | 'baselines';

export interface ForecasterIndexSeries {
  horizon: number;
  season: number;
  quantiles: number[];
  /** Neural: the model's lookback; baselines: null. */
  lookback: number | null;
  /** Baselines artifact: the baselines saved (as `<series>/<kind>.json`). */
  baselines?: BaselineKind[];
}

export interface ForecasterIndex {
  version: number;
  model: ArtifactModel;
  series: Record<string, ForecasterIndexSeries>;
}

export interface LoadedForecaster {
  forecaster: AnyForecaster;
  kind: ModelKind;
  series: string;
  settings: ForecasterIndexSeries;
  artifact: LoadedArtifact;
}

function readIndex(artifact: LoadedArtifact): ForecasterIndex {
  const index = artifact.readJson<ForecasterIndex>(FORECASTER_INDEX_FILE);
  const models: readonly string[] = ['lstm', 'nbeats', 'tft', 'baselines'];
  if (
    index.version !== FORECASTER_INDEX_VERSION ||
    !models.includes(index.model) ||
    typeof index.series !== 'object' ||
    index.series === null
  ) {
    throw new Error(`${artifact.dir}/${FORECASTER_INDEX_FILE}: unsupported forecaster index (version ${JSON.stringify(index.version)})`);
  }
  return index;
}

/** The series names a forecaster artifact holds, in training order. */
export function artifactSeries(dir: string): { model: ArtifactModel; series: string[] } {
  const index = readIndex(loadArtifact(dir, { kind: FORECASTER_ARTIFACT_KIND }));
  return { model: index.model, series: Object.keys(index.series) };
}

/**
 * Verifies a models/timeseries_<model>/ artifact (every byte against its
 * manifest) and rebuilds the forecaster trained on `series` (default: the
 * first). Neural models come back through `fromFiles` reading the verified
 * bytes; baselines through their `fromJSON` (`baseline` picks which one of a
 * baselines artifact; default seasonal_naive).
 */
export async function loadForecaster(
  dir: string,
  series?: string,
  options: { baseline?: BaselineKind } = {},
): Promise<LoadedForecaster> {
  const artifact = loadArtifact(dir, { kind: FORECASTER_ARTIFACT_KIND });
  const index = readIndex(artifact);
  const names = Object.keys(index.series);
  const name = series ?? names[0];
  const settings = index.series[name];
  if (settings === undefined) {
    throw new Error(`${dir}: no series ${JSON.stringify(name)} in this artifact (it holds ${names.map((n) => JSON.stringify(n)).join(', ')})`);
  }
  const readFile = (relativePath: string): Uint8Array => artifact.readBytes(`${name}/${relativePath}`);
  if (index.model === 'baselines') {
    const kind = options.baseline ?? 'seasonal_naive';
    if (!BASELINE_KINDS.includes(kind) || !(settings.baselines ?? []).includes(kind)) {
      throw new Error(`${dir}: no baseline ${JSON.stringify(kind)} for series ${JSON.stringify(name)} (it holds ${(settings.baselines ?? []).join(', ')})`);
    }
    const forecaster = baselineFromJSON(artifact.readJson(`${name}/${kind}.json`));
    return { forecaster, kind, series: name, settings, artifact };
  }
  if (options.baseline !== undefined) throw new Error(`${dir}: a baseline can only be chosen from a baselines artifact; this one holds ${index.model}`);
  const forecaster =
    index.model === 'lstm'
      ? await LstmForecaster.fromFiles(readFile)
      : index.model === 'nbeats'
        ? await NBeatsForecaster.fromFiles(readFile)
        : await TftForecaster.fromFiles(readFile);
  return { forecaster, kind: index.model, series: name, settings, artifact };
}
