import { createRng } from '@tethys/data';
import { checkPositiveInteger } from '../shared/validation';
import { VectorIndexError } from '../shared/vector-index-error';

export interface ClusteredVectorsOptions {
  count: number;
  dim: number;
  clusters: number;
  seed: number;
  /** Standard deviation of each point around its centre, per component; centres are N(0, 1) per component. */
  spread: number;
}

export interface ClusteredVectors {
  /** count x dim, row-major. */
  readonly data: Float32Array;
  /** Row views into `data` (no copies), handy for addBatch. */
  readonly vectors: Float32Array[];
  /** The cluster each row was drawn around. */
  readonly labels: Int32Array;
  /** clusters x dim, row-major. */
  readonly centers: Float32Array;
}

/**
 * Seeded Gaussian clusters: the shape of real embedding sets (many tight
 * topics) that makes ANN indexes work for their recall. Centres and points come
 * from separate forks of one seeded Rng, so changing `count` keeps the centres.
 */
export function clusteredVectors(options: ClusteredVectorsOptions): ClusteredVectors {
  const count = checkPositiveInteger(options.count, 'count');
  const dim = checkPositiveInteger(options.dim, 'dim');
  const clusters = checkPositiveInteger(options.clusters, 'clusters');
  if (!Number.isFinite(options.spread) || options.spread < 0) {
    throw new VectorIndexError('INVALID_ARGUMENT', 'spread', `must be a finite number >= 0, got ${options.spread}`);
  }
  const rng = createRng(options.seed);
  const centerRng = rng.fork('centers');
  const pointRng = rng.fork('points');

  const centers = new Float32Array(clusters * dim);
  for (let i = 0; i < centers.length; i++) centers[i] = centerRng.normal();

  const data = new Float32Array(count * dim);
  const labels = new Int32Array(count);
  const vectors: Float32Array[] = new Array(count);
  for (let row = 0; row < count; row++) {
    const cluster = pointRng.int(clusters);
    labels[row] = cluster;
    const base = row * dim;
    const centerBase = cluster * dim;
    for (let j = 0; j < dim; j++) data[base + j] = centers[centerBase + j] + options.spread * pointRng.normal();
    vectors[row] = data.subarray(base, base + dim);
  }
  return { data, vectors, labels, centers };
}
