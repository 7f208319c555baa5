import type { z } from 'zod';
import { ConfigError } from './config-error';
import { deepFreeze, type DeepReadonly } from './deep-freeze';
import { describeValue } from './describe-value';
import { collectEnvOverrides, type EnvOverride } from './env-overrides';
import { type KeyPath, startsWithPath } from './key-path';
import { readJsonFile } from './read-json-file';
import { parseWithConfigErrors } from './zod-issues';

/** Where one kind of settings comes from. */
export interface SettingsLayers<S extends z.ZodType> {
  /** Full schema with a default for every key, so `{}` parses to the defaults. */
  schema: S;
  /** Prefix of the override variables, for example `TETHYS_APP__`. */
  envPrefix: string;
  /** Variable that may name the JSON settings file, for example `TETHYS_CONFIG_FILE`. */
  fileVariable: string;
  /** Extra variable names for single keys (lower precedence than the explicit prefix variable). */
  aliases?: Readonly<Record<string, readonly string[]>>;
}

export interface LoadSettingsOptions {
  /** Environment to read (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** JSON settings file; default the path in the layer's file variable, if set. */
  file?: string;
}

/** Label for values nobody set; only seen if a default itself were invalid. */
const DEFAULTS_SOURCE = '(defaults)';

/**
 * defaults < JSON file < environment overrides, validated as a whole, then
 * deeply frozen. Errors name the layer the bad value came from: the file
 * path, or the variable that set (or contains) the offending key.
 */
export function loadLayeredSettings<S extends z.ZodType>(
  layers: SettingsLayers<S>,
  options: LoadSettingsOptions = {},
): DeepReadonly<z.output<S>> {
  const env = options.env ?? process.env;
  const fileFromEnv = env[layers.fileVariable];
  const file = options.file ?? (fileFromEnv === undefined || fileFromEnv === '' ? undefined : fileFromEnv);

  let merged: Record<string, unknown> = {};
  if (file !== undefined) {
    const content = readJsonFile(file);
    if (!isPlainObject(content)) {
      throw new ConfigError('INVALID_VALUE', file, `expected a JSON object of settings, got ${describeValue(content)}`);
    }
    merged = content;
  }
  const overrides = collectEnvOverrides(env, layers.envPrefix, layers.schema, layers.aliases);
  for (const override of overrides) merged = mergeAt(merged, override.path, override.value);

  const sourceOf = (path: KeyPath): string => blame(overrides, path) ?? file ?? DEFAULTS_SOURCE;
  return deepFreeze(parseWithConfigErrors(layers.schema, merged, sourceOf));
}

/**
 * The override responsible for the value at `path`: the last-applied one that
 * set the key itself or one of its ancestors; failing that, one that set
 * something beneath it (for checks on a whole object).
 */
function blame(overrides: readonly EnvOverride[], path: KeyPath): string | undefined {
  for (let i = overrides.length - 1; i >= 0; i--) {
    if (startsWithPath(path, overrides[i].path)) return overrides[i].variable;
  }
  if (path.length === 0) return undefined;
  for (let i = overrides.length - 1; i >= 0; i--) {
    if (startsWithPath(overrides[i].path, path)) return overrides[i].variable;
  }
  return undefined;
}

/** A copy of `target` with `value` merged in at `path` (objects merge key by key; anything else replaces). */
function mergeAt(target: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  const existing = target[head];
  const next =
    rest.length === 0
      ? isPlainObject(existing) && isPlainObject(value)
        ? mergeDeep(existing, value)
        : value
      : mergeAt(isPlainObject(existing) ? existing : {}, rest, value);
  return { ...target, [head]: next };
}

function mergeDeep(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const merged = isPlainObject(result[key]) && isPlainObject(value) ? mergeDeep(result[key], value) : value;
    // defineProperty, not assignment: a JSON key "__proto__" must stay a key (and be refused as unknown).
    Object.defineProperty(result, key, { value: merged, enumerable: true, writable: true, configurable: true });
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
