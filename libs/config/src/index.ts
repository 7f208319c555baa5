export { ConfigError, type ConfigErrorCode } from './config-error';
export { loadParams, parseParams } from './params';
export type { DeepReadonly } from './deep-freeze';
export type { LoadSettingsOptions } from './layered-settings';
export {
  APP_CONFIG_FILE_VARIABLE,
  APP_ENV_PREFIX,
  type AppSettings,
  appSettingsSchema,
  loadAppSettings,
  MEMORY_DB_ALIAS_VARIABLE,
  TF_BACKEND_ALIAS_VARIABLE,
} from './app-settings';
export { loadMlConfig, ML_CONFIG_FILE_VARIABLE, ML_ENV_PREFIX, type MlConfig, mlConfigSchema } from './ml-config';
