import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ArtifactError } from './errors';
import { loadJsonArtifact, writeJsonArtifact } from './json-artifact';

function setup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'json-artifact-'));
  const input = path.join(dir, 'prices.csv');
  writeFileSync(input, 'date,A\n2020-01-01,1\n');
  const file = path.join(dir, 'models', 'portfolio.json');
  const options = {
    file,
    kind: 'portfolio_opt',
    producer: { package: '@tethys/test', version: '1.0.0' },
    seed: 7,
    params: { objective: 'min_volatility' },
    inputs: [input],
    root: dir,
    content: { weights: { B: 0.25, A: 0.75 }, volatility: 0.12 },
    metrics: { sharpe: 1.5 },
    createdAt: '2024-01-01T00:00:00.000Z',
  };
  return { dir, file, options };
}

function errorOf(fn: () => unknown): ArtifactError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ArtifactError) return error;
    throw error;
  }
  throw new Error('expected an ArtifactError');
}

describe('single-file JSON artifacts', () => {
  it('round-trips content and manifest', () => {
    const { file, options } = setup();
    const manifest = writeJsonArtifact(options);
    expect(manifest.inputs.map((i) => i.path)).toEqual(['prices.csv']);
    expect(manifest.outputs.map((o) => o.path)).toEqual(['content']);
    const loaded = loadJsonArtifact<{ weights: Record<string, number> }>(file, { kind: 'portfolio_opt' });
    expect(loaded.content.weights).toEqual({ A: 0.75, B: 0.25 });
    expect(loaded.manifest.metrics).toEqual({ sharpe: 1.5 });
  });

  it('is byte-identical for identical arguments, keys sorted', () => {
    const { file, options } = setup();
    writeJsonArtifact(options);
    const first = readFileSync(file);
    writeJsonArtifact({ ...options, content: { volatility: 0.12, weights: { A: 0.75, B: 0.25 } } });
    expect(readFileSync(file).equals(first)).toBe(true);
  });

  it('refuses tampered content, another kind, another schema version and a malformed file', () => {
    const { file, options } = setup();
    writeJsonArtifact(options);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"A": 0.75', '"A": 0.76'));
    expect(errorOf(() => loadJsonArtifact(file))).toMatchObject({ code: 'HASH_MISMATCH' });
    writeFileSync(file, text);
    expect(errorOf(() => loadJsonArtifact(file, { kind: 'other' }))).toMatchObject({ code: 'KIND_MISMATCH' });
    writeFileSync(file, text.replace('"schemaVersion": 1', '"schemaVersion": 2'));
    expect(errorOf(() => loadJsonArtifact(file))).toMatchObject({ code: 'SCHEMA_VERSION' });
    writeFileSync(file, '{"content": 1}');
    expect(errorOf(() => loadJsonArtifact(file))).toMatchObject({ code: 'MANIFEST_MALFORMED' });
    expect(errorOf(() => loadJsonArtifact(path.join(path.dirname(file), 'missing.json')))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses NaN content before touching the previous file', () => {
    const { file, options } = setup();
    writeJsonArtifact(options);
    const before = readFileSync(file);
    const error = errorOf(() => writeJsonArtifact({ ...options, content: { volatility: Number.NaN } }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('volatility');
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
