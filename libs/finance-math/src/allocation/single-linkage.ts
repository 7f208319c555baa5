import { AllocationError } from './allocation-error';
import type { SquareMatrix } from './matrix-checks';

/**
 * One merge of an agglomerative clustering, in scipy's linkage-matrix convention:
 * clusters 0..n-1 are the original items, merge k creates cluster n + k;
 * `left` < `right` are the merged cluster ids, `distance` the merge height, `size` the item count.
 */
export interface LinkageStep {
  left: number;
  right: number;
  distance: number;
  size: number;
}

/**
 * Single-linkage clustering of a distance matrix, ordered exactly like
 * `scipy.cluster.hierarchy.linkage(squareform(D), 'single')`: a minimum spanning tree is grown
 * from item 0 (Prim), its edges are stably sorted by length, and each edge merges the two current
 * clusters with the smaller cluster id first. The ordering matters because HRP's quasi-diagonal
 * order is read off the left/right children.
 */
export function singleLinkage(distances: SquareMatrix, parameter = 'distances'): LinkageStep[] {
  const n = distances.length;
  if (n < 2) throw new AllocationError('INVALID_ARGUMENT', parameter, `need at least 2 items to cluster, got ${n}`);
  for (let i = 0; i < n; i++) {
    if (distances[i].length !== n) {
      throw new AllocationError('DIMENSION_MISMATCH', parameter, `row ${i} has ${distances[i].length} entries, expected ${n}`);
    }
    for (let j = 0; j < n; j++) {
      const d = distances[i][j];
      if (!Number.isFinite(d) || d < 0) {
        throw new AllocationError('INVALID_ARGUMENT', parameter, `entry [${i}][${j}] must be a finite distance >= 0, got ${d}`);
      }
    }
  }

  const edges = primMinimumSpanningTree(distances);
  // Array.prototype.sort is stable, so equal lengths keep Prim's discovery order.
  edges.sort((a, b) => a.distance - b.distance);
  return labelMerges(edges, n);
}

interface TreeEdge {
  from: number;
  to: number;
  distance: number;
}

function primMinimumSpanningTree(distances: SquareMatrix): TreeEdge[] {
  const n = distances.length;
  const inTree = new Uint8Array(n);
  const nearest = new Float64Array(n).fill(Infinity);
  const edges: TreeEdge[] = [];
  let current = 0;
  for (let k = 0; k < n - 1; k++) {
    inTree[current] = 1;
    let best = -1;
    let bestDistance = Infinity;
    for (let i = 0; i < n; i++) {
      if (inTree[i]) continue;
      const d = distances[current][i];
      if (d < nearest[i]) nearest[i] = d;
      // Strict < keeps the lowest index on ties, as scipy does.
      if (best === -1 || nearest[i] < bestDistance) {
        best = i;
        bestDistance = nearest[i];
      }
    }
    edges.push({ from: current, to: best, distance: bestDistance });
    current = best;
  }
  return edges;
}

function labelMerges(edges: TreeEdge[], n: number): LinkageStep[] {
  // Union-find over cluster ids 0..2n-2; each root is the id of the cluster it represents.
  const parent = Int32Array.from({ length: 2 * n - 1 }, (_, i) => i);
  const sizes = new Int32Array(2 * n - 1).fill(1);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root];
    while (parent[x] !== root) {
      const next = parent[x];
      parent[x] = root;
      x = next;
    }
    return root;
  };
  return edges.map((edge, k) => {
    const a = find(edge.from);
    const b = find(edge.to);
    const merged = n + k;
    parent[a] = merged;
    parent[b] = merged;
    sizes[merged] = sizes[a] + sizes[b];
    return { left: Math.min(a, b), right: Math.max(a, b), distance: edge.distance, size: sizes[merged] };
  });
}

/**
 * Leaf order of the dendrogram (Lopez de Prado's quasi-diagonalisation): starting from the last
 * merge, every cluster is replaced by its left then right child until only items remain.
 */
export function dendrogramLeafOrder(linkage: readonly LinkageStep[]): number[] {
  const n = linkage.length + 1;
  const order: number[] = [];
  const stack = [2 * n - 2];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (id < n) {
      order.push(id);
    } else {
      const step = linkage[id - n];
      stack.push(step.right, step.left);
    }
  }
  return order;
}
