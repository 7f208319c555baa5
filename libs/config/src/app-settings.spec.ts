import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAppSettings } from './app-settings';

describe('loadAppSettings', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tethys-app-settings-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const settingsFile = (content: unknown, name = 'settings.json'): string => {
    const file = join(dir, name);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };

  it('gives the defaults with no file and no variables', () => {
    expect(loadAppSettings({ env: {} })).toEqual({
      environment: 'development',
      logLevel: 'info',
      paths: { dataDir: 'data', modelsDir: 'models' },
      memory: { store: 'sqlite', sqlitePath: 'data/memory.sqlite', firestore: { projectId: null, collection: 'users' } },
      tensorflow: { backend: 'auto' },
    });
  });

  it('returns deeply frozen settings', () => {
    const settings = loadAppSettings({ env: {} });
    expect(Object.isFrozen(settings)).toBe(true);
    expect(Object.isFrozen(settings.memory.firestore)).toBe(true);
    expect(() => {
      (settings.memory as { store: string }).store = 'firestore';
    }).toThrow(TypeError);
  });

  it('merges a partial file over the defaults, keeping sibling defaults', () => {
    const file = settingsFile({ environment: 'production', memory: { firestore: { projectId: 'tethys-prod' } } });
    const settings = loadAppSettings({ env: {}, file });
    expect(settings.environment).toBe('production');
    expect(settings.memory).toEqual({
      store: 'sqlite',
      sqlitePath: 'data/memory.sqlite',
      firestore: { projectId: 'tethys-prod', collection: 'users' },
    });
  });

  it('finds the file through TETHYS_CONFIG_FILE, and options.file wins over it', () => {
    const fromEnv = settingsFile({ logLevel: 'debug' }, 'env.json');
    const explicit = settingsFile({ logLevel: 'warn' }, 'explicit.json');
    expect(loadAppSettings({ env: { TETHYS_CONFIG_FILE: fromEnv } }).logLevel).toBe('debug');
    expect(loadAppSettings({ env: { TETHYS_CONFIG_FILE: fromEnv }, file: explicit }).logLevel).toBe('warn');
  });

  it('lets environment variables override nested keys of the file', () => {
    const file = settingsFile({ memory: { store: 'firestore', sqlitePath: 'file.sqlite' } });
    const settings = loadAppSettings({
      file,
      env: { TETHYS_APP__MEMORY__SQLITE_PATH: '/var/tethys/memory.sqlite', TETHYS_APP__MEMORY__FIRESTORE__COLLECTION: 'people' },
    });
    expect(settings.memory).toEqual({
      store: 'firestore',
      sqlitePath: '/var/tethys/memory.sqlite',
      firestore: { projectId: null, collection: 'people' },
    });
  });

  it('parses JSON values in variables (null, quoted strings)', () => {
    const file = settingsFile({ memory: { firestore: { projectId: 'from-file' } } });
    expect(loadAppSettings({ file, env: { TETHYS_APP__MEMORY__FIRESTORE__PROJECT_ID: 'null' } }).memory.firestore.projectId).toBeNull();
    expect(loadAppSettings({ env: { TETHYS_APP__MEMORY__FIRESTORE__PROJECT_ID: '"p-123"' } }).memory.firestore.projectId).toBe('p-123');
  });

  it('ignores other TETHYS_* variables and empty values', () => {
    const settings = loadAppSettings({
      env: { TETHYS_ML__SEED: '7', TETHYS_APPLICATION: 'x', TETHYS_APP_LOG_LEVEL: 'debug', TETHYS_APP__LOG_LEVEL: '' },
    });
    expect(settings.logLevel).toBe('info');
  });

  it('refuses an unknown key in the file, naming the file and the key', () => {
    const file = settingsFile({ paths: { dataDir: 'data', modelDir: 'models' } });
    expect(() => loadAppSettings({ env: {}, file })).toThrow(
      expect.objectContaining({
        code: 'UNKNOWN_KEY',
        source: file,
        key: 'paths.modelDir',
        message: `${file}: paths.modelDir: unknown key (known keys in paths: dataDir, modelsDir)`,
      }),
    );
  });

  it('refuses an unknown key in the environment, naming the variable', () => {
    expect(() => loadAppSettings({ env: { TETHYS_APP__MEMORY__SQLITE_FILE: 'x.db' } })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_KEY', source: 'TETHYS_APP__MEMORY__SQLITE_FILE', key: 'memory.sqliteFile' }),
    );
  });

  it('reports malformed JSON naming the file', () => {
    const file = settingsFile('{ "environment": "test", }');
    expect(() => loadAppSettings({ env: {}, file })).toThrow(
      expect.objectContaining({ code: 'MALFORMED_JSON', source: file, message: expect.stringContaining(`${file}: not valid JSON`) }),
    );
  });

  it('reports a missing settings file', () => {
    expect(() => loadAppSettings({ env: { TETHYS_CONFIG_FILE: join(dir, 'absent.json') } })).toThrow(
      expect.objectContaining({ code: 'FILE_NOT_FOUND', source: join(dir, 'absent.json') }),
    );
  });

  it('refuses a file that is not an object', () => {
    const file = settingsFile('["production"]');
    expect(() => loadAppSettings({ env: {}, file })).toThrow(`${file}: expected a JSON object of settings, got ["production"]`);
  });

  it('names the key and the value of an invalid setting, blaming the layer that set it', () => {
    const file = settingsFile({ memory: { store: 'postgres' } });
    expect(() => loadAppSettings({ env: {}, file })).toThrow(
      `${file}: memory.store: expected one of "sqlite", "firestore", got "postgres"`,
    );
    expect(() => loadAppSettings({ env: { TETHYS_APP__ENVIRONMENT: 'staging' }, file: settingsFile({}) })).toThrow(
      expect.objectContaining({
        code: 'INVALID_VALUE',
        source: 'TETHYS_APP__ENVIRONMENT',
        key: 'environment',
        message: 'TETHYS_APP__ENVIRONMENT: environment: expected one of "development", "test", "production", got "staging"',
      }),
    );
  });

  it('blames a variable that set a whole group for a bad key inside it', () => {
    expect(() => loadAppSettings({ env: { TETHYS_APP__PATHS: '{"dataDir":"d","cacheDir":"c"}' } })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_KEY', source: 'TETHYS_APP__PATHS', key: 'paths.cacheDir' }),
    );
  });

  describe('TETHYS_TF_BACKEND alias', () => {
    it('sets tensorflow.backend, over the file', () => {
      const file = settingsFile({ tensorflow: { backend: 'cpu' } });
      expect(loadAppSettings({ file, env: { TETHYS_TF_BACKEND: 'wasm' } }).tensorflow.backend).toBe('wasm');
    });

    it('loses to the explicit TETHYS_APP__TENSORFLOW__BACKEND', () => {
      const env = { TETHYS_TF_BACKEND: 'wasm', TETHYS_APP__TENSORFLOW__BACKEND: 'cpu' };
      expect(loadAppSettings({ env }).tensorflow.backend).toBe('cpu');
    });

    it('is named when its value is invalid', () => {
      expect(() => loadAppSettings({ env: { TETHYS_TF_BACKEND: 'tpu' } })).toThrow(
        expect.objectContaining({ code: 'INVALID_VALUE', source: 'TETHYS_TF_BACKEND', key: 'tensorflow.backend' }),
      );
    });
  });

  it('takes the memory database path from TETHYS_MEMORY_DB, below the explicit variable', () => {
    expect(loadAppSettings({ env: { TETHYS_MEMORY_DB: '/tmp/scratch.sqlite' } }).memory.sqlitePath).toBe('/tmp/scratch.sqlite');
    const env = { TETHYS_MEMORY_DB: '/tmp/a.sqlite', TETHYS_APP__MEMORY__SQLITE_PATH: '/tmp/b.sqlite' };
    expect(loadAppSettings({ env }).memory.sqlitePath).toBe('/tmp/b.sqlite');
  });

  it('reads process.env by default', () => {
    const saved = process.env.TETHYS_APP__LOG_LEVEL;
    process.env.TETHYS_APP__LOG_LEVEL = 'error';
    try {
      expect(loadAppSettings().logLevel).toBe('error');
    } finally {
      if (saved === undefined) delete process.env.TETHYS_APP__LOG_LEVEL;
      else process.env.TETHYS_APP__LOG_LEVEL = saved;
    }
  });
});
