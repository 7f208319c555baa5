import { ForecastError } from '../errors/forecast-error';
import { asRecord, finiteArrayField } from '../json/json-fields';
import { resolveQuantileLevels } from './quantile-levels';

/** The `options` and `state` of a saved model, after checking its kind and format version. */
export function readModelJson(
  json: unknown,
  kind: string,
  version: number,
): { options: Record<string, unknown>; state: Record<string, unknown> } {
  const record = asRecord(json, 'model');
  if (record.kind !== kind) {
    throw new ForecastError(
      'INVALID_JSON',
      'model.kind',
      `expected ${JSON.stringify(kind)}, got ${JSON.stringify(record.kind)}`,
    );
  }
  if (record.version !== version) {
    throw new ForecastError(
      'INVALID_JSON',
      'model.version',
      `this code reads ${kind} format version ${version}, got ${JSON.stringify(record.version)}`,
    );
  }
  return { options: asRecord(record.options, 'model.options'), state: asRecord(record.state, 'model.state') };
}

export function quantileLevelsFromJSON(options: Record<string, unknown>): number[] {
  return resolveQuantileLevels(finiteArrayField(options, 'quantiles', 'model.options'), 'model.options.quantiles');
}
