/**
 * The trees of a fitted forest, stored flat: one pool of nodes for all trees,
 * one typed array per node field. Tree t owns nodes
 * [treeOffsets[t], treeOffsets[t + 1]) and its root is the first of them.
 * Nodes are in pre-order (a child always comes after its parent), child
 * indices are pool indices, and leaves have feature -1 and children -1.
 */
export interface ForestArrays {
  /** nTrees + 1 offsets into the node pool. */
  readonly treeOffsets: Int32Array;
  /** Split column (an index into X's columns), or -1 at a leaf. */
  readonly feature: Int32Array;
  /** Samples with x[feature] <= threshold go left; 0 at a leaf. */
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Distinct training rows that reached the node (a bootstrap repeat counts once, as in scikit-learn). */
  readonly size: Int32Array;
}

/** Growable node storage used while fitting; `finish` trims it to a ForestArrays. */
export class NodePool {
  private capacity: number;
  count = 0;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  size: Int32Array;

  constructor(initialCapacity: number) {
    this.capacity = Math.max(1, initialCapacity);
    this.feature = new Int32Array(this.capacity);
    this.threshold = new Float64Array(this.capacity);
    this.left = new Int32Array(this.capacity);
    this.right = new Int32Array(this.capacity);
    this.size = new Int32Array(this.capacity);
  }

  /** Makes room for `extra` more nodes, so node creation never checks bounds. */
  reserve(extra: number): void {
    const needed = this.count + extra;
    if (needed <= this.capacity) return;
    let capacity = this.capacity * 2;
    while (capacity < needed) capacity *= 2;
    this.feature = grow(this.feature, new Int32Array(capacity));
    this.threshold = grow(this.threshold, new Float64Array(capacity));
    this.left = grow(this.left, new Int32Array(capacity));
    this.right = grow(this.right, new Int32Array(capacity));
    this.size = grow(this.size, new Int32Array(capacity));
    this.capacity = capacity;
  }

  finish(treeOffsets: Int32Array): ForestArrays {
    const n = this.count;
    return {
      treeOffsets,
      feature: this.feature.slice(0, n),
      threshold: this.threshold.slice(0, n),
      left: this.left.slice(0, n),
      right: this.right.slice(0, n),
      size: this.size.slice(0, n),
    };
  }
}

function grow<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
