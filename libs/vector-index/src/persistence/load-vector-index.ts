import { type ArtifactManifest, loadArtifact } from '@tethys/artifacts';
import { HierarchicalNSW } from 'hnswlib-node';
import { FlatIndex } from '../flat/flat-index';
import { HnswIndex } from '../hnsw/hnsw-index';
import { checkIdentity } from '../shared/validation';
import { VectorIndexError } from '../shared/vector-index-error';
import type { HnswTuningRecord } from '../tuning/tuning-record';
import type { VectorIndexIdentity } from '../vector-index';
import { assertLittleEndian, float32FromBytes, float64FromBytes } from './typed-bytes';
import {
  FLAT_FILES,
  HNSW_FILES,
  VECTOR_INDEX_ARTIFACT_KIND,
  type VectorIndexParams,
  vectorIndexParamsSchema,
} from './vector-index-manifest';

export interface LoadedVectorIndex {
  index: FlatIndex | HnswIndex;
  manifest: ArtifactManifest;
  tuning: HnswTuningRecord | null;
}

/**
 * Loads a saved index after loadArtifact has verified every file hash, and
 * refuses it (IDENTITY_MISMATCH, naming both values) unless it was built from
 * the expected embedder, dimension and metric: vectors from another embedder
 * would search without error and return nonsense.
 */
export function loadVectorIndex(dir: string, expected: VectorIndexIdentity): LoadedVectorIndex {
  const want = checkIdentity(expected, 'expected');
  assertLittleEndian();
  const artifact = loadArtifact(dir, { kind: VECTOR_INDEX_ARTIFACT_KIND });
  const parsed = vectorIndexParamsSchema.safeParse(artifact.manifest.params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new VectorIndexError('MALFORMED_INDEX', `${dir}: manifest.params.${issue?.path.join('.') ?? ''}`, issue?.message ?? 'invalid');
  }
  const params = parsed.data as VectorIndexParams;
  checkIdentityMatches(dir, params.identity, want);

  if (params.indexKind === 'flat') {
    const ids = float64FromBytes(artifact.readBytes(FLAT_FILES.ids), FLAT_FILES.ids);
    const vectors = float32FromBytes(artifact.readBytes(FLAT_FILES.vectors), FLAT_FILES.vectors);
    const index = FlatIndex.restore(params.identity, ids, vectors);
    checkSize(dir, index.size, params.size);
    return { index, manifest: artifact.manifest, tuning: params.tuning };
  }

  const hnswParams = params.hnsw;
  if (hnswParams === null) throw new VectorIndexError('MALFORMED_INDEX', `${dir}: manifest.params.hnsw`, 'is missing for an hnsw index');
  const graph = new HierarchicalNSW(params.identity.metric, params.identity.dim);
  graph.readIndexSync(artifact.filePath(HNSW_FILES.graph));
  const labelIds = float64FromBytes(artifact.readBytes(HNSW_FILES.labels), HNSW_FILES.labels);
  // fromGraph sets ef again: hnswlib does not persist it.
  const index = HnswIndex.fromGraph(params.identity, hnswParams, graph, { labelIds });
  checkSize(dir, index.size, params.size);
  return { index, manifest: artifact.manifest, tuning: params.tuning };
}

function checkIdentityMatches(dir: string, saved: VectorIndexIdentity, expected: VectorIndexIdentity): void {
  for (const field of ['embedderHash', 'dim', 'metric'] as const) {
    if (saved[field] !== expected[field]) {
      throw new VectorIndexError(
        'IDENTITY_MISMATCH',
        field,
        `the index in ${dir} was built with ${field} ${JSON.stringify(saved[field])}, expected ${JSON.stringify(expected[field])}; rebuild it for this embedder`,
      );
    }
  }
}

function checkSize(dir: string, actual: number, recorded: number): void {
  if (actual !== recorded) {
    throw new VectorIndexError('MALFORMED_INDEX', `${dir}: manifest.params.size`, `records ${recorded} vectors, the files hold ${actual}`);
  }
}
