import { averagePathLength } from './average-path-length';
import type { DenseMatrix } from './dense-matrix';
import type { ForestArrays } from './forest-arrays';

/** Bytes of X scored per block (see pathLengthSums): well inside a typical L2 cache. */
const BLOCK_BYTES = 256 * 1024;

/**
 * Read-only scoring view over ForestArrays. It precomputes each node's depth
 * and each leaf's path length h = depth + c(leaf size), so scoring a sample is
 * a pure descent: compare, step, and add one number at the leaf.
 */
export class FlatForest {
  readonly nTrees: number;
  /** Depth of every node (roots are at depth 0). */
  readonly depth: Int32Array;
  /** depth + c(size) at leaves, 0 at split nodes. */
  readonly leafPathLength: Float64Array;

  constructor(readonly arrays: ForestArrays) {
    const { treeOffsets, feature, left, right, size } = arrays;
    this.nTrees = treeOffsets.length - 1;
    const nodeCount = feature.length;
    this.depth = new Int32Array(nodeCount);
    this.leafPathLength = new Float64Array(nodeCount);
    // Pre-order storage puts every parent before its children, so one forward pass sets all depths.
    for (let node = 0; node < nodeCount; node++) {
      if (feature[node] >= 0) {
        this.depth[left[node]] = this.depth[node] + 1;
        this.depth[right[node]] = this.depth[node] + 1;
      } else {
        this.leafPathLength[node] = this.depth[node] + averagePathLength(size[node]);
      }
    }
  }

  /**
   * Sum over trees of the path length h(x) of every row of X (columns already checked).
   *
   * Rows are scored in blocks, tree by tree within a block: one tree (a few KB)
   * and one block of rows (about 256 KB) stay in cache together, which measured
   * about 1.5x faster than walking every tree for one row at a time. Per row the
   * trees are still added in order 0..nTrees-1, so sums do not depend on the block size.
   */
  pathLengthSums(X: DenseMatrix): Float64Array {
    const { treeOffsets, feature, threshold, left, right } = this.arrays;
    const leafPathLength = this.leafPathLength;
    const data = X.data;
    const cols = X.cols;
    const rows = X.rows;
    const nTrees = this.nTrees;
    const sums = new Float64Array(rows);
    const blockRows = Math.max(64, Math.floor(BLOCK_BYTES / (8 * Math.max(cols, 1))));
    for (let blockStart = 0; blockStart < rows; blockStart += blockRows) {
      const blockEnd = Math.min(rows, blockStart + blockRows);
      for (let t = 0; t < nTrees; t++) {
        const root = treeOffsets[t];
        const rootFeature = feature[root];
        for (let r = blockStart, base = blockStart * cols; r < blockEnd; r++, base += cols) {
          let node = root;
          let f = rootFeature;
          while (f >= 0) {
            node = data[base + f] <= threshold[node] ? left[node] : right[node];
            f = feature[node];
          }
          sums[r] += leafPathLength[node];
        }
      }
    }
    return sums;
  }

  /** See IsolationForest.explain for the method. Returns rows x cols, row-major, rows summing to 1. */
  featureContributions(X: DenseMatrix): Float64Array {
    const { treeOffsets, feature, threshold, left, right, size } = this.arrays;
    const depth = this.depth;
    const data = X.data;
    const cols = X.cols;
    const out = new Float64Array(X.rows * cols);
    for (let r = 0, base = 0; r < X.rows; r++, base += cols) {
      for (let t = 0; t < this.nTrees; t++) {
        let node = treeOffsets[t];
        let f = feature[node];
        while (f >= 0) {
          const child = data[base + f] <= threshold[node] ? left[node] : right[node];
          out[base + f] += (1 - size[child] / size[node]) / (depth[node] + 1);
          node = child;
          f = feature[node];
        }
      }
      let total = 0;
      for (let c = 0; c < cols; c++) total += out[base + c];
      if (total > 0) {
        for (let c = 0; c < cols; c++) out[base + c] /= total;
      } else {
        // No tree ever split (e.g. constant training data): nothing singles out a feature.
        for (let c = 0; c < cols; c++) out[base + c] = 1 / cols;
      }
    }
    return out;
  }
}
