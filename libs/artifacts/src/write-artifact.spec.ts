import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArtifactError } from './errors';
import { sha256 } from './hashing';
import { listFilesRecursively } from './relative-paths';
import { type WriteArtifactOptions, writeArtifact } from './write-artifact';

const CREATED_AT = '2024-01-02T03:04:05.000Z';

/** Every file under dir, path -> bytes. */
function snapshot(dir: string): Record<string, Buffer> {
  return Object.fromEntries(listFilesRecursively(dir).sort().map((path) => [path, readFileSync(join(dir, path))]));
}

describe('writeArtifact', () => {
  let work: string;
  let options: WriteArtifactOptions;

  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'tethys-write-'));
    mkdirSync(join(work, 'data'));
    writeFileSync(join(work, 'data', 'prices.csv'), 'date,close\n2020-01-02,10\n');
    writeFileSync(join(work, 'params.json'), '{"trees":3}\n');
    options = {
      dir: join(work, 'models', 'detector'),
      kind: 'anomaly-detector',
      producer: { package: '@tethys/trainer-anomaly', version: '0.1.0' },
      seed: 42,
      params: { trees: 3, sub: { z: 1, a: [1, 2] } },
      inputs: [join(work, 'params.json'), join(work, 'data', 'prices.csv')],
      root: work,
      files: {
        'model.json': '{"trees":[]}',
        'weights/shard1.bin': new Uint8Array([0, 1, 2, 255]),
      },
      metrics: { recall: 0.9, auc: 0.95 },
      createdAt: CREATED_AT,
    };
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('writes the files, metrics.json and a manifest of sorted inputs and outputs', () => {
    const manifest = writeArtifact(options);
    expect(readdirSync(options.dir).sort()).toEqual(['manifest.json', 'metrics.json', 'model.json', 'weights']);
    expect(readFileSync(join(options.dir, 'metrics.json'), 'utf8')).toBe('{\n  "auc": 0.95,\n  "recall": 0.9\n}\n');
    expect(manifest.outputs.map((output) => output.path)).toEqual(['metrics.json', 'model.json', 'weights/shard1.bin']);
    expect(manifest.outputs[2]).toEqual({ path: 'weights/shard1.bin', sha256: sha256(new Uint8Array([0, 1, 2, 255])), bytes: 4 });
    expect(manifest.inputs).toEqual([
      { path: 'data/prices.csv', sha256: sha256('date,close\n2020-01-02,10\n'), bytes: 25 },
      { path: 'params.json', sha256: sha256('{"trees":3}\n'), bytes: 12 },
    ]);
    expect(JSON.parse(readFileSync(join(options.dir, 'manifest.json'), 'utf8'))).toEqual(manifest);
    expect(manifest).toMatchObject({ schemaVersion: 1, kind: 'anomaly-detector', seed: 42, createdAt: CREATED_AT });
  });

  it('gives byte-identical artifacts for identical arguments, whatever the key order', () => {
    writeArtifact(options);
    const first = snapshot(options.dir);
    writeArtifact({
      ...options,
      params: { sub: { a: [1, 2], z: 1 }, trees: 3 },
      metrics: { auc: 0.95, recall: 0.9 },
      files: { 'weights/shard1.bin': new Uint8Array([0, 1, 2, 255]), 'model.json': '{"trees":[]}' },
      inputs: [...options.inputs].reverse(),
    });
    const second = snapshot(options.dir);
    expect(Object.keys(second)).toEqual(Object.keys(first));
    for (const path of Object.keys(first)) expect(second[path].equals(first[path])).toBe(true);
  });

  it('replaces a previous artifact completely and leaves no siblings behind', () => {
    writeArtifact({ ...options, files: { ...options.files, 'old-only.txt': 'old' } });
    writeArtifact(options);
    expect(existsSync(join(options.dir, 'old-only.txt'))).toBe(false);
    expect(readdirSync(join(work, 'models'))).toEqual(['detector']);
  });

  it('refuses a missing input before touching anything', () => {
    writeArtifact(options);
    const before = snapshot(options.dir);
    const missing = join(work, 'data', 'nope.csv');
    const attempt = (): unknown => writeArtifact({ ...options, inputs: [missing], metrics: { auc: 0.1 } });
    expect(attempt).toThrow(ArtifactError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'INPUT_MISSING', file: missing }));
    expect(snapshot(options.dir)).toEqual(before);
  });

  it.each([
    ['../escape.txt', /must stay inside the artifact directory/],
    ['/etc/passwd', /must be relative/],
    ['a//b', /empty segment/],
    ['win\\path', /forward slashes/],
    ['manifest.json', /written by writeArtifact itself/],
    ['metrics.json', /written by writeArtifact itself/],
  ])('refuses the file name %p and keeps the previous artifact', (name, message) => {
    writeArtifact(options);
    const before = snapshot(options.dir);
    const attempt = (): unknown => writeArtifact({ ...options, files: { ...options.files, [name]: 'x' } });
    expect(attempt).toThrow(message);
    expect(attempt).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', file: name }));
    expect(snapshot(options.dir)).toEqual(before);
    expect(readdirSync(join(work, 'models'))).toEqual(['detector']);
  });

  it('refuses a NaN metric naming its key, before touching anything', () => {
    writeArtifact(options);
    const before = snapshot(options.dir);
    expect(() => writeArtifact({ ...options, metrics: { fold: { auc: Number.NaN } } })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/metrics\.fold\.auc is NaN/) }),
    );
    expect(snapshot(options.dir)).toEqual(before);
  });

  it('refuses bad manifest fields', () => {
    expect(() => writeArtifact({ ...options, seed: 1.5 })).toThrow(/seed: .*got 1\.5/);
    expect(() => writeArtifact({ ...options, kind: '' })).toThrow(/kind:/);
    expect(() => writeArtifact({ ...options, createdAt: 'yesterday' })).toThrow(/createdAt:/);
    expect(existsSync(options.dir)).toBe(false);
  });

  it('rolls back a write that fails half-way: previous artifact byte-for-byte intact, no temp dirs', () => {
    writeArtifact(options);
    const before = snapshot(options.dir);
    // "a" is written as a file first (sorted order), so creating the folder "a/" for "a/b" fails inside the temp dir.
    const attempt = (): unknown => writeArtifact({ ...options, files: { a: 'file', 'a/b': 'nested' } });
    expect(attempt).toThrow(expect.objectContaining({ name: 'ArtifactError', code: 'WRITE_FAILED', cause: expect.objectContaining({ message: expect.stringMatching(/^E[A-Z]+: /) }) }));
    expect(attempt).toThrow(/the previous artifact \(if any\) is unchanged/);
    expect(snapshot(options.dir)).toEqual(before);
    expect(readdirSync(join(work, 'models'))).toEqual(['detector']);
  });

  it('leaves nothing behind when a first write fails', () => {
    expect(() => writeArtifact({ ...options, files: { a: 'file', 'a/b': 'nested' } })).toThrow(expect.objectContaining({ code: 'WRITE_FAILED' }));
    expect(readdirSync(join(work, 'models'))).toEqual([]);
  });

  it('records null params when none are given', () => {
    expect(writeArtifact({ ...options, params: undefined }).params).toBeNull();
  });
});
