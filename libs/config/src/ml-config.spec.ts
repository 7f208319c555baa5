import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMlConfig, mlConfigSchema } from './ml-config';

describe('loadMlConfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tethys-ml-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the defaults', () => {
    expect(loadMlConfig({ env: {} })).toEqual({
      seed: 42,
      periodsPerYear: 252,
      riskFreeRate: 0.02,
      anomaly: { contamination: 'auto' },
      forecasting: { defaultHorizon: 5, quantiles: [0.1, 0.5, 0.9] },
      memory: { embedder: 'student', index: 'hnsw', recallTarget: 0.95 },
    });
    expect(Object.isFrozen(loadMlConfig({ env: {} }).forecasting.quantiles)).toBe(true);
  });

  it('layers defaults < TETHYS_ML_CONFIG_FILE < TETHYS_ML__ variables', () => {
    const file = join(dir, 'ml.json');
    writeFileSync(file, JSON.stringify({ seed: 7, anomaly: { contamination: 0.05 }, forecasting: { defaultHorizon: 10 } }));
    const config = loadMlConfig({
      env: { TETHYS_ML_CONFIG_FILE: file, TETHYS_ML__FORECASTING__DEFAULT_HORIZON: '20', TETHYS_APP__LOG_LEVEL: 'debug' },
    });
    expect(config.seed).toBe(7);
    expect(config.anomaly.contamination).toBe(0.05);
    expect(config.forecasting).toEqual({ defaultHorizon: 20, quantiles: [0.1, 0.5, 0.9] });
  });

  it('takes arrays whole from a variable', () => {
    const config = loadMlConfig({ env: { TETHYS_ML__FORECASTING__QUANTILES: '[0.05, 0.5, 0.95]' } });
    expect(config.forecasting.quantiles).toEqual([0.05, 0.5, 0.95]);
  });

  it.each([
    ['TETHYS_ML__ANOMALY__CONTAMINATION', '0.7', 'anomaly.contamination: expected a number in (0, 0.5], got 0.7'],
    ['TETHYS_ML__ANOMALY__CONTAMINATION', 'often', 'anomaly.contamination: expected "auto" or a number, got "often"'],
    ['TETHYS_ML__FORECASTING__QUANTILES', '[0.9, 0.1]', 'forecasting.quantiles: expected quantile levels in strictly increasing order, got [0.9,0.1]'],
    ['TETHYS_ML__FORECASTING__QUANTILES', '[0.5, 1]', 'forecasting.quantiles[1]: expected a number in (0, 1), got 1'],
    ['TETHYS_ML__FORECASTING__QUANTILES', '[]', 'forecasting.quantiles: expected a non-empty list, got []'],
    ['TETHYS_ML__FORECASTING__DEFAULT_HORIZON', '-3', 'forecasting.defaultHorizon: expected a positive integer, got -3'],
    ['TETHYS_ML__SEED', '1.5', 'seed: expected an integer, got 1.5'],
    ['TETHYS_ML__SEED', '9007199254740993', 'seed: expected a safe integer (magnitude at most 9007199254740991), got 9007199254740992'],
    ['TETHYS_ML__RISK_FREE_RATE', '2', 'riskFreeRate: expected a number in (-1, 1), got 2'],
    ['TETHYS_ML__MEMORY__RECALL_TARGET', '0', 'memory.recallTarget: expected a number in (0, 1], got 0'],
  ])('refuses %s=%s', (variable, value, message) => {
    expect(() => loadMlConfig({ env: { [variable]: value } })).toThrow(
      expect.objectContaining({ code: 'INVALID_VALUE', source: variable, message: expect.stringContaining(`${variable}: ${message}`) }),
    );
  });

  it('exports a schema whose defaults are themselves valid', () => {
    expect(mlConfigSchema.parse({})).toEqual(loadMlConfig({ env: {} }));
  });
});
