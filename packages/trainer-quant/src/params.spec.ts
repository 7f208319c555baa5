import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '@tethys/config';
import { loadQuantTrainerParams } from './params';

const committed = path.join(__dirname, '../params.json');

type Params = { profiles: Record<string, Record<string, unknown>>; estimation: Record<string, unknown> };

function withChange(change: (p: Params) => void): string {
  const params = JSON.parse(readFileSync(committed, 'utf8'));
  change(params);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'quant-params-')), 'params.json');
  writeFileSync(file, JSON.stringify(params));
  return file;
}

describe('quant trainer params', () => {
  it('accepts the committed params.json with three documented profiles', () => {
    const params = loadQuantTrainerParams(committed);
    expect(Object.keys(params.profiles)).toEqual(['conservative', 'moderate', 'aggressive']);
    for (const profile of Object.values(params.profiles)) expect(profile.description.length).toBeGreaterThan(20);
  });

  it.each([
    ['an unknown objective', (p: Params) => (p.profiles.moderate.objective = 'max_fun'), /profiles\.moderate/],
    ['a profile key its objective does not take', (p: Params) => (p.profiles.conservative.riskAversion = 2), /profiles\.conservative/],
    ['inverted bounds', (p: Params) => (p.profiles.moderate.weightBounds = [0.5, 0.1]), /weightBounds/],
    ['an unknown risk model', (p: Params) => (p.estimation.riskModel = { method: 'magic', span: 180 }), /estimation\.riskModel\.method/],
  ])('refuses %s, naming the key', (_what, change, key) => {
    const file = withChange(change);
    expect(() => loadQuantTrainerParams(file)).toThrow(ConfigError);
    expect(() => loadQuantTrainerParams(file)).toThrow(key);
  });
});
