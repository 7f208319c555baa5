import { HierarchicalNSW } from 'hnswlib-node';
import { checkBatch, checkId, checkIdentity, checkK, checkPositiveInteger, checkVector, unitScale } from '../shared/validation';
import { VectorIndexError } from '../shared/vector-index-error';
import type { SearchHit, VectorIndex, VectorIndexIdentity } from '../vector-index';
import { type HnswParams, resolveHnswParams } from './hnsw-params';

/** What persistence needs to rebuild the id <-> label mapping; labelIds[label] is the caller's id (-1 once deleted). */
export interface HnswLabelState {
  labelIds: Float64Array;
}

/**
 * Approximate search with hnswlib-node's HNSW graph. Caller ids map to dense
 * internal labels (0, 1, 2, ... in insertion order), so any safe-integer id
 * works and a removed id can be added again without touching its old node.
 * hnswlib is single-threaded from JS here, so a given seed and insertion
 * order always build the same graph.
 *
 * Scores follow the interface: hnswlib's distances (squared l2, 1 - dot,
 * 1 - cosine) become -d for l2 and 1 - d for ip and cosine.
 */
export class HnswIndex implements VectorIndex {
  readonly kind = 'hnsw';
  readonly identity: VectorIndexIdentity;
  private paramsValue: HnswParams;
  private graph: HierarchicalNSW;
  private readonly labelOf = new Map<number, number>();
  /** label -> caller id; -1 marks a deleted label. */
  private labelIds: Float64Array;
  private nextLabel = 0;

  constructor(identity: VectorIndexIdentity, params: Partial<HnswParams> = {}) {
    this.identity = checkIdentity(identity);
    this.paramsValue = resolveHnswParams(params);
    this.graph = this.createGraph(this.paramsValue.capacity);
    this.labelIds = new Float64Array(this.paramsValue.capacity).fill(-1);
  }

  /**
   * Wraps a graph read from disk (persistence calls this). hnswlib does not
   * store ef, so it is set again here: a freshly read index searches with ef 10.
   */
  static fromGraph(identity: VectorIndexIdentity, params: HnswParams, graph: HierarchicalNSW, state: HnswLabelState): HnswIndex {
    const index = new HnswIndex(identity, { ...params, capacity: 1 });
    index.paramsValue = { ...params };
    index.graph = graph;
    graph.setEf(params.efSearch);
    // Sized to the graph's slot count so later adds have room before the next resize.
    index.labelIds = new Float64Array(Math.max(graph.getMaxElements(), state.labelIds.length)).fill(-1);
    index.labelIds.set(state.labelIds);
    index.nextLabel = state.labelIds.length;
    for (let label = 0; label < state.labelIds.length; label++) {
      const id = state.labelIds[label];
      if (id < 0) continue;
      if (index.labelOf.has(id)) throw new VectorIndexError('MALFORMED_INDEX', 'labels', `id ${id} appears under two labels`);
      index.labelOf.set(id, label);
    }
    if (graph.getCurrentCount() !== state.labelIds.length) {
      throw new VectorIndexError('MALFORMED_INDEX', 'labels', `lists ${state.labelIds.length} labels, the graph holds ${graph.getCurrentCount()}`);
    }
    return index;
  }

  /** The build parameters and the current efSearch. */
  get params(): Readonly<HnswParams> {
    return { ...this.paramsValue };
  }

  get size(): number {
    return this.labelOf.size;
  }

  /** Removed points still in the graph (compact() drops them). */
  get deletedCount(): number {
    return this.nextLabel - this.labelOf.size;
  }

  has(id: number): boolean {
    return this.labelOf.has(id);
  }

  /** Live ids in insertion order. */
  ids(): number[] {
    const ids: number[] = [];
    for (let label = 0; label < this.nextLabel; label++) if (this.labelIds[label] >= 0) ids.push(this.labelIds[label]);
    return ids;
  }

  /** The stored vector of `id` (unit length under cosine). */
  getVector(id: number): Float32Array {
    const label = this.labelOf.get(id);
    if (label === undefined) throw new VectorIndexError('UNKNOWN_ID', 'id', `${id} is not in the index`);
    return Float32Array.from(this.graph.getPoint(label));
  }

  /** For persistence: the label table (copied) and the graph to write. */
  exportState(): { graph: HierarchicalNSW; labels: HnswLabelState } {
    return { graph: this.graph, labels: { labelIds: this.labelIds.slice(0, this.nextLabel) } };
  }

  setEfSearch(efSearch: number): void {
    checkPositiveInteger(efSearch, 'efSearch');
    this.paramsValue = { ...this.paramsValue, efSearch };
    this.graph.setEf(efSearch);
  }

  add(id: number, vector: ArrayLike<number>): void {
    checkId(id);
    if (this.labelOf.has(id)) throw new VectorIndexError('DUPLICATE_ID', 'id', `${id} is already in the index; remove it first`);
    checkVector(vector, this.identity.dim, 'vector');
    if (this.identity.metric === 'cosine') unitScale(vector, 'vector');
    this.insert(id, vector);
  }

  /** Validates the whole batch first, so a bad row adds nothing. */
  addBatch(ids: readonly number[], vectors: readonly ArrayLike<number>[]): void {
    checkBatch(ids, vectors, this.identity.dim);
    for (let i = 0; i < ids.length; i++) {
      if (this.labelOf.has(ids[i])) throw new VectorIndexError('DUPLICATE_ID', `ids[${i}]`, `id ${ids[i]} is already in the index`);
      if (this.identity.metric === 'cosine') unitScale(vectors[i], `vectors[${i}]`);
    }
    this.reserve(this.nextLabel + ids.length);
    for (let i = 0; i < ids.length; i++) this.insert(ids[i], vectors[i]);
  }

  /** Marks the point deleted: it stops appearing in results but stays in the graph until compact(). */
  remove(id: number): void {
    const label = this.labelOf.get(id);
    if (label === undefined) throw new VectorIndexError('UNKNOWN_ID', 'id', `${id} is not in the index`);
    this.graph.markDelete(label);
    this.labelOf.delete(id);
    this.labelIds[label] = -1;
  }

  search(query: ArrayLike<number>, k: number): SearchHit[] {
    checkK(k);
    checkVector(query, this.identity.dim, 'query');
    if (this.identity.metric === 'cosine') unitScale(query, 'query');
    const live = this.labelOf.size;
    if (live === 0) return [];
    const { distances, neighbors } = this.graph.searchKnn(Array.from(query), Math.min(k, live));
    const hits: SearchHit[] = new Array(neighbors.length);
    const l2 = this.identity.metric === 'l2';
    for (let i = 0; i < neighbors.length; i++) {
      hits[i] = { id: this.labelIds[neighbors[i]], score: l2 ? -distances[i] : 1 - distances[i] };
    }
    // hnswlib orders by distance only; equal distances are ordered by id as the interface promises.
    return hits.sort((a, b) => b.score - a.score || a.id - b.id);
  }

  /**
   * Rebuilds the graph from the live points only (same params and seed, in
   * insertion order), reclaiming the slots and link quality lost to deletes.
   */
  compact(): void {
    const live = this.ids();
    const vectors = live.map((id) => this.graph.getPoint(this.labelOf.get(id) as number));
    const capacity = Math.max(this.paramsValue.capacity, live.length);
    this.graph = this.createGraph(capacity);
    this.labelOf.clear();
    this.labelIds = new Float64Array(capacity).fill(-1);
    this.nextLabel = 0;
    for (let i = 0; i < live.length; i++) this.insert(live[i], vectors[i]);
  }

  private createGraph(capacity: number): HierarchicalNSW {
    const { M, efConstruction, randomSeed, efSearch } = this.paramsValue;
    const graph = new HierarchicalNSW(this.identity.metric, this.identity.dim);
    graph.initIndex({ maxElements: capacity, m: M, efConstruction, randomSeed });
    graph.setEf(efSearch);
    return graph;
  }

  private insert(id: number, vector: ArrayLike<number>): void {
    this.reserve(this.nextLabel + 1);
    const label = this.nextLabel++;
    this.graph.addPoint(Array.isArray(vector) ? vector : Array.from(vector), label);
    this.labelIds[label] = id;
    this.labelOf.set(id, label);
  }

  /** Doubles hnswlib's slot count (resizeIndex) when an add would overflow it. */
  private reserve(labels: number): void {
    const capacity = this.graph.getMaxElements();
    if (labels <= capacity) return;
    let next = capacity;
    while (next < labels) next *= 2;
    this.graph.resizeIndex(next);
    const labelIds = new Float64Array(next).fill(-1);
    labelIds.set(this.labelIds.subarray(0, this.nextLabel));
    this.labelIds = labelIds;
  }
}
