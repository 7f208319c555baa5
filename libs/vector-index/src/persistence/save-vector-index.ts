import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ArtifactManifest, writeArtifact } from '@tethys/artifacts';
import { FlatIndex } from '../flat/flat-index';
import { HnswIndex } from '../hnsw/hnsw-index';
import { VectorIndexError } from '../shared/vector-index-error';
import type { HnswTuningRecord } from '../tuning/tuning-record';
import type { VectorIndex } from '../vector-index';
import { assertLittleEndian, typedBytes } from './typed-bytes';
import {
  FLAT_FILES,
  HNSW_FILES,
  VECTOR_INDEX_ARTIFACT_KIND,
  VECTOR_INDEX_FORMAT_VERSION,
  type VectorIndexParams,
} from './vector-index-manifest';

export interface SaveVectorIndexExtra {
  /** The tuning record from tuneHnsw, stored in the manifest params. */
  tuning?: HnswTuningRecord;
  /** Who produced the index (default @tethys/vector-index). */
  producer?: { package: string; version: string };
  /** Files the vectors came from, hashed into the manifest. */
  inputs?: string[];
  /** Input paths are recorded relative to this directory (default: process.cwd()). */
  root?: string;
  /** Extra metrics (size and tuning figures are added automatically). */
  metrics?: Record<string, unknown>;
  createdAt?: string;
}

const DEFAULT_PRODUCER = { package: '@tethys/vector-index', version: '0.1.0' };

/**
 * Writes a FlatIndex or HnswIndex as an artifact directory: raw little-endian
 * index files plus a manifest recording the embedder hash, dimension, metric,
 * index params and tuning record. writeArtifact swaps the directory in
 * atomically, so a failed save leaves the previous index intact.
 */
export function saveVectorIndex(index: VectorIndex, dir: string, extra: SaveVectorIndexExtra = {}): ArtifactManifest {
  assertLittleEndian();
  const { files, params } = serialise(index, extra.tuning ?? null);
  const tuningMetrics =
    extra.tuning === undefined
      ? {}
      : {
          recallAt10: extra.tuning.chosen.recallAt10,
          queriesPerSecond: extra.tuning.chosen.queriesPerSecond,
          reachedTarget: extra.tuning.reachedTarget,
        };
  return writeArtifact({
    dir,
    kind: VECTOR_INDEX_ARTIFACT_KIND,
    producer: extra.producer ?? DEFAULT_PRODUCER,
    seed: params.hnsw === null ? null : params.hnsw.randomSeed,
    params,
    inputs: extra.inputs ?? [],
    ...(extra.root === undefined ? {} : { root: extra.root }),
    files,
    metrics: { size: index.size, ...tuningMetrics, ...extra.metrics },
    ...(extra.createdAt === undefined ? {} : { createdAt: extra.createdAt }),
  });
}

function serialise(index: VectorIndex, tuning: HnswTuningRecord | null): { files: Record<string, Uint8Array>; params: VectorIndexParams } {
  const base = {
    formatVersion: VECTOR_INDEX_FORMAT_VERSION,
    identity: { ...index.identity },
    size: index.size,
    byteOrder: 'LE' as const,
    tuning,
  };
  if (index instanceof FlatIndex) {
    const { ids, vectors } = index.exportData();
    return {
      files: { [FLAT_FILES.ids]: typedBytes(ids), [FLAT_FILES.vectors]: typedBytes(vectors) },
      params: { ...base, indexKind: 'flat', hnsw: null },
    };
  }
  if (index instanceof HnswIndex) {
    const { graph, labels } = index.exportState();
    return {
      files: { [HNSW_FILES.graph]: graphBytes(graph), [HNSW_FILES.labels]: typedBytes(labels.labelIds) },
      params: { ...base, indexKind: 'hnsw', hnsw: { ...index.params } },
    };
  }
  throw new VectorIndexError('INVALID_ARGUMENT', 'index', `saving is supported for FlatIndex and HnswIndex, not "${index.kind}"`);
}

/** hnswlib only writes to a path: write to a private temp dir, read the bytes back, clean up. */
function graphBytes(graph: { writeIndexSync(path: string): void }): Uint8Array {
  const scratch = mkdtempSync(join(tmpdir(), 'tethys-hnsw-'));
  try {
    const path = join(scratch, HNSW_FILES.graph);
    graph.writeIndexSync(path);
    return readFileSync(path);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
