import type { Rng } from '@tethys/data';
import type { DenseMatrix } from './dense-matrix';
import { type ForestArrays, NodePool } from './forest-arrays';

export interface GrowForestOptions {
  nTrees: number;
  /** Samples per tree (already resolved against n). */
  sampleCount: number;
  /** Features per tree (already resolved against the column count). */
  featureCount: number;
  bootstrap: boolean;
  /** Nodes at this depth become leaves: ceil(log2(sampleCount)), as in scikit-learn. */
  maxDepth: number;
}

export interface GrownForest {
  readonly arrays: ForestArrays;
  /** The columns each tree was allowed to split on, ascending. */
  readonly featureSubsets: Int32Array[];
}

/**
 * Grows the isolation trees. Tree t draws everything from `rng.fork('tree-' + t)`,
 * so a tree depends only on the seed, its index and the data.
 */
export function growForest(X: DenseMatrix, rng: Rng, options: GrowForestOptions): GrownForest {
  const { nTrees, sampleCount, featureCount, bootstrap, maxDepth } = options;
  const nSamples = X.rows;
  const nodesPerTree = 2 * sampleCount - 1;
  const pool = new NodePool(nTrees * Math.min(nodesPerTree, 1024));
  const treeOffsets = new Int32Array(nTrees + 1);
  const featureSubsets: Int32Array[] = [];

  const rowSampler = new RowSampler(nSamples, sampleCount, bootstrap);
  const grower = new TreeGrower(X, rowSampler.samples, pool, maxDepth);

  for (let t = 0; t < nTrees; t++) {
    const treeRng = rng.fork(`tree-${t}`);
    const subset =
      featureCount === X.cols
        ? identity(X.cols)
        : treeRng.sampleWithoutReplacement(X.cols, featureCount).sort();
    featureSubsets.push(subset);
    const treeSamples = rowSampler.draw(treeRng);
    pool.reserve(nodesPerTree);
    treeOffsets[t] = pool.count;
    grower.growTree(subset, treeRng, treeSamples);
  }
  treeOffsets[nTrees] = pool.count;
  return { arrays: pool.finish(treeOffsets), featureSubsets };
}

/** Draws each tree's training rows into one reused `samples` buffer, without per-tree allocation. */
class RowSampler {
  readonly samples: Int32Array;
  private readonly swapPartners: Int32Array;
  /** Identity permutation of all rows (sampling without replacement). */
  private readonly indexPool: Int32Array | null;
  /** Row already drawn for this tree (bootstrap). */
  private readonly drawn: Uint8Array | null;

  constructor(
    private readonly nSamples: number,
    private readonly sampleCount: number,
    bootstrap: boolean,
  ) {
    this.samples = new Int32Array(sampleCount);
    this.swapPartners = new Int32Array(bootstrap ? 0 : sampleCount);
    this.indexPool = bootstrap ? null : identity(nSamples);
    this.drawn = bootstrap ? new Uint8Array(nSamples) : null;
  }

  /** Fills `samples` and returns how many of its entries this tree uses. */
  draw(rng: Rng): number {
    return this.drawn === null ? this.drawWithoutReplacement(rng) : this.drawBootstrap(rng, this.drawn);
  }

  /**
   * Partial Fisher-Yates over the index pool: O(sampleCount) draws. The swaps
   * are then undone, so every tree starts again from the identity and depends
   * only on its own random stream.
   */
  private drawWithoutReplacement(rng: Rng): number {
    const pool = this.indexPool as Int32Array;
    const { samples, swapPartners, sampleCount, nSamples } = this;
    for (let i = 0; i < sampleCount; i++) {
      const j = i + rng.int(nSamples - i);
      swapPartners[i] = j;
      const chosen = pool[j];
      pool[j] = pool[i];
      pool[i] = chosen;
      samples[i] = chosen;
    }
    for (let i = sampleCount - 1; i >= 0; i--) {
      const j = swapPartners[i];
      const tmp = pool[j];
      pool[j] = pool[i];
      pool[i] = tmp;
    }
    return sampleCount;
  }

  /**
   * Draws with replacement, then keeps each row once: scikit-learn passes the
   * draws to its trees as sample weights, so its node sizes count distinct rows.
   * Random splits depend only on the min and max in a node, never on repeats.
   */
  private drawBootstrap(rng: Rng, drawn: Uint8Array): number {
    const samples = this.samples;
    let distinct = 0;
    for (let i = 0; i < this.sampleCount; i++) {
      const row = rng.int(this.nSamples);
      if (drawn[row] === 0) {
        drawn[row] = 1;
        samples[distinct++] = row;
      }
    }
    for (let i = 0; i < distinct; i++) drawn[samples[i]] = 0;
    return distinct;
  }
}

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/**
 * Builds one tree depth-first over `samples`, partitioning that index array in
 * place so each node owns a contiguous range [start, end).
 */
class TreeGrower {
  private readonly data: Float64Array;
  private readonly cols: number;
  private candidates = new Int32Array(0);
  private rng: Rng | null = null;

  constructor(
    X: DenseMatrix,
    private readonly samples: Int32Array,
    private readonly pool: NodePool,
    private readonly maxDepth: number,
  ) {
    this.data = X.data;
    this.cols = X.cols;
  }

  /** Grows a tree over the first `sampleCount` entries of the shared samples array. */
  growTree(featureSubset: Int32Array, rng: Rng, sampleCount: number): void {
    this.candidates = featureSubset.slice();
    this.rng = rng;
    this.growNode(0, sampleCount, 0);
  }

  private growNode(start: number, end: number, depth: number): number {
    const pool = this.pool;
    const node = pool.count++;
    pool.size[node] = end - start;
    pool.feature[node] = -1;
    pool.threshold[node] = 0;
    pool.left[node] = -1;
    pool.right[node] = -1;
    if (depth >= this.maxDepth || end - start <= 1) return node;

    const data = this.data;
    const cols = this.cols;
    const samples = this.samples;
    const candidates = this.candidates;
    const rng = this.rng as Rng;

    // Like scikit-learn's random splitter: draw features uniformly among those
    // not yet found constant in this node; if every feature is constant, the node is a leaf.
    let remaining = candidates.length;
    let feature = -1;
    let low = 0;
    let high = 0;
    while (remaining > 0) {
      const pick = rng.int(remaining);
      const f = candidates[pick];
      let min = Infinity;
      let max = -Infinity;
      for (let i = start; i < end; i++) {
        const value = data[samples[i] * cols + f];
        if (value < min) min = value;
        if (value > max) max = value;
      }
      if (max > min) {
        feature = f;
        low = min;
        high = max;
        break;
      }
      // Constant here: move it past the end of the live candidates (order does not matter).
      remaining--;
      candidates[pick] = candidates[remaining];
      candidates[remaining] = f;
    }
    if (feature < 0) return node;

    let threshold = low + (high - low) * rng.next();
    // Rounding can land on the maximum; like scikit-learn, fall back to the minimum so both sides are non-empty.
    if (threshold >= high) threshold = low;

    // Partition [start, end): x <= threshold first.
    let i = start;
    let j = end - 1;
    while (i <= j) {
      if (data[samples[i] * cols + feature] <= threshold) {
        i++;
      } else {
        const tmp = samples[i];
        samples[i] = samples[j];
        samples[j] = tmp;
        j--;
      }
    }

    pool.feature[node] = feature;
    pool.threshold[node] = threshold;
    pool.left[node] = this.growNode(start, i, depth + 1);
    pool.right[node] = this.growNode(i, end, depth + 1);
    return node;
  }
}
