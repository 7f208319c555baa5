import type { z } from 'zod';
import { ConfigError } from './config-error';
import { formatKeyPath } from './key-path';
import { childSchema, objectKeys } from './schema-shape';

/** One environment variable that sets one key. */
export interface EnvOverride {
  /** The variable's name: the `source` of any error about it. */
  variable: string;
  /** The camelCase key path it sets. */
  path: string[];
  /** The value: parsed as JSON when it parses, otherwise the raw string. */
  value: unknown;
}

const SEGMENT = /^[A-Z0-9]+(?:_[A-Z0-9]+)*$/;

/** `SQLITE_PATH` -> `sqlitePath`, `N_ESTIMATORS` -> `nEstimators`. */
export function screamingSnakeToCamel(segment: string): string {
  const [first, ...rest] = segment.toLowerCase().split('_');
  return first + rest.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

/**
 * `true`, `3`, `null`, `[0.1,0.9]` and `"text"` are JSON; anything that does not
 * parse (`sqlite`, `data/x.db`) is taken as the string itself.
 */
export function parseEnvValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/**
 * The overrides in `env` for variables named `<prefix><PATH>` where PATH
 * segments are SCREAMING_SNAKE_CASE separated by `__`
 * (`TETHYS_APP__MEMORY__SQLITE_PATH` -> `memory.sqlitePath`). Aliases are
 * extra variable names for one key path; they come first in the result so
 * that an explicit `<prefix>` variable for the same key, applied later, wins.
 * Empty values count as unset. Every path is checked against the schema:
 * a key it does not have is UNKNOWN_KEY naming the variable.
 *
 * The result is in application order: aliases, then explicit variables from
 * shallow to deep (so `MEMORY='{...}'` is refined by `MEMORY__STORE=...`).
 */
export function collectEnvOverrides(
  env: NodeJS.ProcessEnv,
  prefix: string,
  schema: z.ZodType,
  aliases: Readonly<Record<string, readonly string[]>> = {},
): EnvOverride[] {
  const aliasOverrides: EnvOverride[] = [];
  for (const [variable, path] of Object.entries(aliases).sort(([a], [b]) => compareText(a, b))) {
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    aliasOverrides.push({ variable, path: [...path], value: parseEnvValue(raw) });
  }

  const explicit: EnvOverride[] = [];
  for (const variable of Object.keys(env).sort(compareText)) {
    const raw = env[variable];
    if (!variable.startsWith(prefix) || raw === undefined || raw === '') continue;
    const segments = variable.slice(prefix.length).split('__');
    if (!segments.every((segment) => SEGMENT.test(segment))) {
      throw new ConfigError(
        'UNKNOWN_KEY',
        variable,
        `malformed variable name: after ${prefix}, write the key path in SCREAMING_SNAKE_CASE with __ between keys (for example ${prefix}SECTION__KEY_NAME for section.keyName)`,
      );
    }
    const path = segments.map(screamingSnakeToCamel);
    checkPathInSchema(schema, path, variable);
    explicit.push({ variable, path, value: parseEnvValue(raw) });
  }
  explicit.sort((a, b) => a.path.length - b.path.length || compareText(a.variable, b.variable));
  return [...aliasOverrides, ...explicit];
}

function checkPathInSchema(schema: z.ZodType, path: readonly string[], variable: string): void {
  let current = schema;
  for (let depth = 0; depth < path.length; depth++) {
    const child = childSchema(current, path[depth]);
    // Only objects and records have string-named children: arrays are set whole.
    if (child !== null) {
      current = child;
      continue;
    }
    const parentPath = path.slice(0, depth);
    const known = objectKeys(current);
    const detail =
      known === null
        ? `unknown key: ${formatKeyPath(parentPath)} is a single setting, not a group; set it whole with a JSON value`
        : `unknown key (known keys${parentPath.length > 0 ? ` in ${formatKeyPath(parentPath)}` : ''}: ${known.join(', ')})`;
    throw new ConfigError('UNKNOWN_KEY', variable, detail, { key: formatKeyPath(path) });
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
