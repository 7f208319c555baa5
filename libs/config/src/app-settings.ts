import { z } from 'zod';
import type { DeepReadonly } from './deep-freeze';
import { loadLayeredSettings, type LoadSettingsOptions } from './layered-settings';

const nonEmptyPath = z.string().min(1);

/**
 * Application settings (the Python seed's config/app_settings.py). Every key
 * has a default, so an empty file or no file at all is valid.
 */
export const appSettingsSchema = z.strictObject({
  environment: z.enum(['development', 'test', 'production']).default('development'),
  logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  paths: z
    .strictObject({
      dataDir: nonEmptyPath.default('data'),
      modelsDir: nonEmptyPath.default('models'),
    })
    .prefault({}),
  memory: z
    .strictObject({
      store: z.enum(['sqlite', 'firestore']).default('sqlite'),
      sqlitePath: nonEmptyPath.default('data/memory.sqlite'),
      firestore: z
        .strictObject({
          /** null: take the project from the environment (emulator or application default credentials). */
          projectId: z.string().min(1).nullable().default(null),
          collection: z.string().min(1).default('users'),
        })
        .prefault({}),
    })
    .prefault({}),
  tensorflow: z
    .strictObject({
      /** `auto` picks the fastest backend that loads (tfjs-node-gpu, tfjs-node, wasm, cpu). */
      backend: z.enum(['auto', 'gpu', 'webgpu', 'wasm', 'cpu']).default('auto'),
    })
    .prefault({}),
});

/** Validated, deeply frozen application settings. */
export type AppSettings = DeepReadonly<z.infer<typeof appSettingsSchema>>;

/** Prefix of the variables that override app settings: TETHYS_APP__MEMORY__SQLITE_PATH -> memory.sqlitePath. */
export const APP_ENV_PREFIX = 'TETHYS_APP__';
/** Variable naming the app settings JSON file (when `options.file` is not given). */
export const APP_CONFIG_FILE_VARIABLE = 'TETHYS_CONFIG_FILE';
/**
 * Short alias for TETHYS_APP__TENSORFLOW__BACKEND (named in DESIGN.md). When
 * both are set, the explicit TETHYS_APP__TENSORFLOW__BACKEND wins.
 */
export const TF_BACKEND_ALIAS_VARIABLE = 'TETHYS_TF_BACKEND';
/** Short alias for TETHYS_APP__MEMORY__SQLITE_PATH: point the memory CLI at a scratch database. */
export const MEMORY_DB_ALIAS_VARIABLE = 'TETHYS_MEMORY_DB';

/**
 * Loads app settings: defaults < JSON file (`options.file`, else
 * $TETHYS_CONFIG_FILE) < TETHYS_APP__* variables (and the TETHYS_TF_BACKEND
 * alias). Throws ConfigError naming the file or variable and the key.
 */
export function loadAppSettings(options: LoadSettingsOptions = {}): AppSettings {
  return loadLayeredSettings(
    {
      schema: appSettingsSchema,
      envPrefix: APP_ENV_PREFIX,
      fileVariable: APP_CONFIG_FILE_VARIABLE,
      aliases: { [TF_BACKEND_ALIAS_VARIABLE]: ['tensorflow', 'backend'], [MEMORY_DB_ALIAS_VARIABLE]: ['memory', 'sqlitePath'] },
    },
    options,
  );
}
