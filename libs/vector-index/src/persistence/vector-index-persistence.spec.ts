import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArtifactError } from '@tethys/artifacts';
import { FlatIndex } from '../flat/flat-index';
import { HnswIndex } from '../hnsw/hnsw-index';
import { VectorIndexError } from '../shared/vector-index-error';
import { clusteredVectors } from '../synthetic/clustered-vectors';
import { tuneHnsw } from '../tuning/tune-hnsw';
import type { VectorIndexIdentity } from '../vector-index';
import { loadVectorIndex } from './load-vector-index';
import { saveVectorIndex } from './save-vector-index';
import { HNSW_FILES } from './vector-index-manifest';

const identity: VectorIndexIdentity = { embedderHash: 'embedder-abc', dim: 12, metric: 'cosine' };
const { vectors } = clusteredVectors({ count: 400, dim: 12, clusters: 10, seed: 21, spread: 0.3 });
const queries = clusteredVectors({ count: 25, dim: 12, clusters: 10, seed: 21, spread: 0.5 }).vectors;
const ids = vectors.map((_, i) => 5000 + i);

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'vector-index-spec-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('saveVectorIndex / loadVectorIndex', () => {
  it('round-trips a FlatIndex with identical results', () => {
    const flat = new FlatIndex(identity);
    flat.addBatch(ids, vectors);
    flat.remove(ids[3]);
    saveVectorIndex(flat, join(root, 'flat'));
    const { index, manifest, tuning } = loadVectorIndex(join(root, 'flat'), identity);
    expect(index).toBeInstanceOf(FlatIndex);
    expect(index.size).toBe(399);
    expect(index.has(ids[3])).toBe(false);
    expect(tuning).toBeNull();
    expect(manifest.params).toMatchObject({ indexKind: 'flat', identity, size: 399 });
    for (const q of queries) expect(index.search(q, 10)).toEqual(flat.search(q, 10));
  });

  it('round-trips an HnswIndex (deletes, ef and tuning record included) with identical results', () => {
    const { index: hnsw, record } = tuneHnsw(vectors, ids, queries, {
      identity,
      targetRecallAt10: 0.9,
      grid: { M: [8], efConstruction: [40], efSearch: [12, 48] },
      seed: 9,
    });
    hnsw.remove(ids[0]);
    const dir = join(root, 'hnsw');
    saveVectorIndex(hnsw, dir, { tuning: record });
    const loaded = loadVectorIndex(dir, identity);
    expect(loaded.index).toBeInstanceOf(HnswIndex);
    const restored = loaded.index as HnswIndex;
    expect(restored.params).toEqual(hnsw.params);
    // hnswlib does not persist ef (a read index searches with ef 10); load sets it again.
    expect(restored.exportState().graph.getEf()).toBe(record.chosen.efSearch);
    expect(restored.size).toBe(399);
    expect(restored.has(ids[0])).toBe(false);
    expect(loaded.tuning).toEqual(record);
    expect(loaded.manifest.metrics).toMatchObject({ size: 399, recallAt10: record.chosen.recallAt10 });
    for (const q of queries) expect(restored.search(q, 10)).toEqual(hnsw.search(q, 10));
    // The restored index keeps working: add past the old capacity, remove, compact.
    restored.addBatch([1, 2], [vectors[0], vectors[1]]);
    expect(restored.search(vectors[0], 1)[0].id).toBe(1);
    restored.compact();
    expect(restored.size).toBe(401);
  });

  it('writes byte-identical graphs for the same seed and insertion order (deterministic build)', () => {
    const build = (dir: string, seed: number) => {
      const hnsw = new HnswIndex(identity, { M: 6, efConstruction: 30, efSearch: 20, randomSeed: seed });
      hnsw.addBatch(ids, vectors);
      saveVectorIndex(hnsw, join(root, dir));
      return readFileSync(join(root, dir, HNSW_FILES.graph));
    };
    const first = build('a', 123);
    expect(build('b', 123).equals(first)).toBe(true);
    expect(build('c', 124).equals(first)).toBe(false); // the seed does reach the graph
  });

  it.each([
    ['embedderHash', { ...identity, embedderHash: 'other-embedder' }, /embedderHash "embedder-abc", expected "other-embedder"/],
    ['dim', { ...identity, dim: 384 }, /dim 12, expected 384/],
    ['metric', { ...identity, metric: 'l2' as const }, /metric "cosine", expected "l2"/],
  ])('refuses a mismatched %s, naming both values', (field, expected, message) => {
    const flat = new FlatIndex(identity);
    flat.add(1, vectors[0]);
    saveVectorIndex(flat, join(root, 'x'));
    let caught: unknown;
    try {
      loadVectorIndex(join(root, 'x'), expected);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(VectorIndexError);
    expect(caught).toMatchObject({ code: 'IDENTITY_MISMATCH', parameter: field });
    expect((caught as Error).message).toMatch(message);
  });

  it('refuses tampered index files through the artifact hash check', () => {
    const flat = new FlatIndex(identity);
    flat.addBatch(ids.slice(0, 5), vectors.slice(0, 5));
    const dir = join(root, 't');
    saveVectorIndex(flat, dir);
    const path = join(dir, 'vectors.f32');
    const bytes = readFileSync(path);
    bytes[0] ^= 0xff;
    writeFileSync(path, bytes);
    expect(() => loadVectorIndex(dir, identity)).toThrow(ArtifactError);
  });

  it('leaves the previous index in place when a save fails', () => {
    const dir = join(root, 'keep');
    const flat = new FlatIndex(identity);
    flat.add(1, vectors[0]);
    saveVectorIndex(flat, dir);
    expect(() => saveVectorIndex(flat, dir, { inputs: [join(root, 'missing.csv')] })).toThrow(ArtifactError);
    expect(loadVectorIndex(dir, identity).index.size).toBe(1);
  });
});
