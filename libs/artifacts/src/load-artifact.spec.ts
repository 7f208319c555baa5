import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadArtifact } from './load-artifact';
import { ARTIFACT_SCHEMA_VERSION } from './manifest';
import { writeArtifact } from './write-artifact';

describe('loadArtifact', () => {
  let work: string;
  let dir: string;

  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'tethys-load-'));
    dir = join(work, 'anomaly_detector');
    writeFileSync(join(work, 'params.json'), '{"trees":3}');
    writeArtifact({
      dir,
      kind: 'anomaly-detector',
      producer: { package: '@tethys/trainer-anomaly', version: '0.1.0' },
      seed: 7,
      params: { trees: 3 },
      inputs: [join(work, 'params.json')],
      root: work,
      files: { 'model.json': '{"trees":[1,2,3]}', 'weights/w.bin': new Uint8Array([9, 8, 7]) },
      metrics: { auc: 0.91 },
      createdAt: '2024-01-01T00:00:00.000Z',
    });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  const editManifest = (edit: (manifest: Record<string, unknown>) => void): void => {
    const path = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    edit(manifest);
    writeFileSync(path, JSON.stringify(manifest));
  };
  const expectRefusal = (code: string, pattern: RegExp, kind?: string): void => {
    expect(() => loadArtifact(dir, kind === undefined ? {} : { kind })).toThrow(
      expect.objectContaining({ name: 'ArtifactError', code, dir, message: expect.stringMatching(pattern) }),
    );
  };

  it('round-trips files, metrics and the manifest', () => {
    const artifact = loadArtifact(dir, { kind: 'anomaly-detector' });
    expect(artifact.manifest).toMatchObject({ kind: 'anomaly-detector', seed: 7, params: { trees: 3 }, metrics: { auc: 0.91 } });
    expect(artifact.manifest.inputs.map((input) => input.path)).toEqual(['params.json']);
    expect(artifact.readJson<{ trees: number[] }>('model.json').trees).toEqual([1, 2, 3]);
    expect(artifact.readText('model.json')).toBe('{"trees":[1,2,3]}');
    expect([...artifact.readBytes('weights/w.bin')]).toEqual([9, 8, 7]);
    expect(artifact.readJson('metrics.json')).toEqual({ auc: 0.91 });
    expect(readFileSync(artifact.filePath('weights/w.bin'))).toEqual(Buffer.from([9, 8, 7]));
  });

  it('refuses reading a file the manifest does not list', () => {
    const artifact = loadArtifact(dir);
    for (const path of ['other.json', 'manifest.json', '../anomaly_detector/model.json']) {
      expect(() => artifact.readText(path)).toThrow(expect.objectContaining({ code: 'NOT_LISTED', file: path }));
      expect(() => artifact.filePath(path)).toThrow(expect.objectContaining({ code: 'NOT_LISTED' }));
    }
  });

  it('refuses a tampered file, naming it and both short hashes', () => {
    writeFileSync(join(dir, 'model.json'), '{"trees":[1,2,4]}'); // same size, different bytes
    expectRefusal(
      'HASH_MISMATCH',
      /anomaly_detector: model\.json: sha256 mismatch \(manifest [0-9a-f]{8}…, file [0-9a-f]{8}…\) — the artifact was modified or corrupted; retrain it$/,
    );
  });

  it('refuses a truncated file by its size', () => {
    writeFileSync(join(dir, 'weights', 'w.bin'), new Uint8Array([9]));
    expectRefusal('HASH_MISMATCH', /weights\/w\.bin: size mismatch \(manifest 3 bytes, file 1 bytes\)/);
  });

  it('notices a file changed after loading when it is read', () => {
    const artifact = loadArtifact(dir);
    writeFileSync(join(dir, 'model.json'), '{"trees":[0,0,0]}');
    expect(() => artifact.readJson('model.json')).toThrow(expect.objectContaining({ code: 'HASH_MISMATCH', file: 'model.json' }));
  });

  it('refuses a deleted file', () => {
    unlinkSync(join(dir, 'weights', 'w.bin'));
    expectRefusal('FILE_MISSING', /weights\/w\.bin: listed in the manifest but missing/);
  });

  it('refuses an extra file, also in a subfolder', () => {
    mkdirSync(join(dir, 'weights', 'extra'));
    writeFileSync(join(dir, 'weights', 'extra', 'x.bin'), 'x');
    expectRefusal('UNEXPECTED_FILE', /weights\/extra\/x\.bin: not listed in the manifest/);
  });

  it('refuses another schema version, saying found and supported', () => {
    editManifest((manifest) => {
      manifest.schemaVersion = ARTIFACT_SCHEMA_VERSION + 1;
      manifest.somethingNew = true; // a future shape must still get the version message
    });
    expectRefusal('SCHEMA_VERSION', /schema version 2 found, this library supports version 1/);
  });

  it('refuses the wrong kind', () => {
    expectRefusal('KIND_MISMATCH', /expected an artifact of kind "embedding-stats", found "anomaly-detector"/, 'embedding-stats');
  });

  it.each<[string, (manifest: Record<string, unknown>) => void, RegExp]>([
    ['a missing field', (m) => delete m.kind, /kind/],
    ['a bad hash', (m) => ((m.outputs as Array<{ sha256: string }>)[0].sha256 = 'xyz'), /outputs\[0\]\.sha256: expected 64 lower-case hex digits/],
    ['an escaping output path', (m) => ((m.outputs as Array<{ path: string }>)[0].path = '../x'), /outputs\[0\]\.path: .*inside the artifact directory/],
    ['no schemaVersion', (m) => delete m.schemaVersion, /schemaVersion is missing/],
    ['an unknown field', (m) => (m.extra = 1), /extra/],
  ])('refuses a malformed manifest: %s', (_label, edit, pattern) => {
    editManifest(edit);
    expectRefusal('MANIFEST_MALFORMED', pattern);
  });

  it('refuses a manifest that is not JSON', () => {
    writeFileSync(join(dir, 'manifest.json'), '{ not json');
    expectRefusal('MANIFEST_MALFORMED', /manifest\.json: not valid JSON/);
  });

  it('refuses a missing manifest and a missing directory', () => {
    unlinkSync(join(dir, 'manifest.json'));
    expectRefusal('MANIFEST_MISSING', /no manifest\.json/);
    rmSync(dir, { recursive: true });
    expectRefusal('NOT_FOUND', /artifact directory not found/);
  });
});
