import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '@tethys/config';
import { loadAnomalyTrainerParams } from './params';

const committed = path.join(__dirname, '../params.json');

// Loose JSON shape for editing the committed file in tests.
type Params = { seed: number; split: Record<string, number>; forest: Record<string, unknown> };

function withChange(change: (p: Params) => void): string {
  const params = JSON.parse(readFileSync(committed, 'utf8'));
  change(params);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'anomaly-params-')), 'params.json');
  writeFileSync(file, JSON.stringify(params));
  return file;
}

describe('anomaly trainer params', () => {
  it('accepts the committed params.json', () => {
    const params = loadAnomalyTrainerParams(committed);
    expect(params.forest.nEstimators).toBeGreaterThan(0);
    expect(params.output).toBe('models/anomaly_detector');
  });

  it.each([
    ['an unknown key', (p: Params) => (p.forest.trees = 5), /forest\.trees/],
    ['a bad tree count', (p: Params) => (p.forest.nEstimators = -3), /forest\.nEstimators/],
    ['a contamination above 0.5', (p: Params) => (p.forest.contamination = 0.7), /forest\.contamination/],
    ['split fractions not summing to 1', (p: Params) => (p.split.test = 0.5), /split/],
    ['a non-integer seed', (p: Params) => (p.seed = 1.5), /seed/],
  ])('refuses %s with a ConfigError naming the key', (_what, change, key) => {
    const file = withChange(change);
    expect(() => loadAnomalyTrainerParams(file)).toThrow(ConfigError);
    expect(() => loadAnomalyTrainerParams(file)).toThrow(key);
  });
});
