import { TopK } from '../shared/top-k';
import { checkBatch, checkId, checkIdentity, checkK, checkPositiveInteger, checkVector, unitScale } from '../shared/validation';
import { VectorIndexError } from '../shared/vector-index-error';
import type { SearchHit, VectorIndex, VectorIndexIdentity } from '../vector-index';

export interface FlatIndexOptions {
  /** Initial number of vector slots; storage doubles when it fills (default 1024). */
  capacity?: number;
}

/** Queries per block in searchBatch: a block of stored rows is scored against all of them while it is in cache. */
const QUERY_BLOCK = 16;
/** Stored rows per block in searchBatch (about 100-400 KB of float32 for common dimensions). */
const ROW_BLOCK = 256;

/**
 * Exact nearest-neighbour search over packed float32 rows. Scans every live
 * vector per query, so it is the ground truth for the approximate indexes and
 * the right choice for small (per-user) sets.
 *
 * Cosine vectors are normalised on add (and queries on search), so cosine is a
 * dot product; l2 scores are negated squared distances (higher is closer).
 * Removal moves the last row into the hole (swap-delete), keeping rows packed.
 */
export class FlatIndex implements VectorIndex {
  readonly kind = 'flat';
  readonly identity: VectorIndexIdentity;
  private data: Float32Array;
  private slotIds: Float64Array;
  /** Squared norm of each stored row (l2 scores come from dot products). */
  private sqNorms: Float64Array;
  private readonly slotOf = new Map<number, number>();
  private count = 0;

  constructor(identity: VectorIndexIdentity, options: FlatIndexOptions = {}) {
    this.identity = checkIdentity(identity);
    const capacity = options.capacity === undefined ? 1024 : checkPositiveInteger(options.capacity, 'options.capacity');
    this.data = new Float32Array(capacity * this.identity.dim);
    this.slotIds = new Float64Array(capacity);
    this.sqNorms = new Float64Array(capacity);
  }

  /**
   * Rebuilds an index from exportData() output without re-normalising, so a
   * saved and reloaded index scores bit-for-bit the same.
   */
  static restore(identity: VectorIndexIdentity, ids: ArrayLike<number>, vectors: Float32Array): FlatIndex {
    const checked = checkIdentity(identity);
    const { dim } = checked;
    if (vectors.length !== ids.length * dim) {
      throw new VectorIndexError('MALFORMED_INDEX', 'vectors', `holds ${vectors.length} values, expected ${ids.length} ids x ${dim} dims`);
    }
    const index = new FlatIndex(checked, { capacity: Math.max(1, ids.length) });
    for (let i = 0; i < ids.length; i++) {
      const id = checkId(ids[i], `ids[${i}]`);
      if (index.slotOf.has(id)) throw new VectorIndexError('DUPLICATE_ID', `ids[${i}]`, `id ${id} appears twice`);
      index.slotOf.set(id, i);
      index.slotIds[i] = id;
    }
    for (let i = 0; i < vectors.length; i++) {
      if (!Number.isFinite(vectors[i])) {
        throw new VectorIndexError('NON_FINITE', 'vectors', `row ${Math.floor(i / dim)} component ${i % dim} is ${vectors[i]}`);
      }
    }
    index.data.set(vectors);
    index.count = ids.length;
    for (let row = 0; row < ids.length; row++) index.sqNorms[row] = squaredNorm(vectors.subarray(row * dim, (row + 1) * dim));
    return index;
  }

  get size(): number {
    return this.count;
  }

  get dim(): number {
    return this.identity.dim;
  }

  has(id: number): boolean {
    return this.slotOf.has(id);
  }

  /** Live ids in storage order. */
  ids(): number[] {
    return Array.from(this.slotIds.subarray(0, this.count));
  }

  /** A copy of the stored vector (unit length under cosine). */
  getVector(id: number): Float32Array {
    const slot = this.slotOf.get(id);
    if (slot === undefined) throw new VectorIndexError('UNKNOWN_ID', 'id', `${id} is not in the index`);
    const { dim } = this.identity;
    return this.data.slice(slot * dim, (slot + 1) * dim);
  }

  /** Packed copies of the live ids and rows, in storage order (what save writes). */
  exportData(): { ids: Float64Array; vectors: Float32Array } {
    return {
      ids: this.slotIds.slice(0, this.count),
      vectors: this.data.slice(0, this.count * this.identity.dim),
    };
  }

  add(id: number, vector: ArrayLike<number>): void {
    checkId(id);
    if (this.slotOf.has(id)) throw new VectorIndexError('DUPLICATE_ID', 'id', `${id} is already in the index; remove it first`);
    checkVector(vector, this.identity.dim, 'vector');
    this.append(id, vector, 'vector');
  }

  /** Adds all or nothing: the whole batch is validated before any row is written. */
  addBatch(ids: readonly number[], vectors: readonly ArrayLike<number>[]): void {
    checkBatch(ids, vectors, this.identity.dim);
    for (let i = 0; i < ids.length; i++) {
      if (this.slotOf.has(ids[i])) {
        throw new VectorIndexError('DUPLICATE_ID', `ids[${i}]`, `id ${ids[i]} is already in the index`);
      }
      if (this.identity.metric === 'cosine') unitScale(vectors[i], `vectors[${i}]`);
    }
    this.reserve(this.count + ids.length);
    for (let i = 0; i < ids.length; i++) this.append(ids[i], vectors[i], `vectors[${i}]`);
  }

  remove(id: number): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) throw new VectorIndexError('UNKNOWN_ID', 'id', `${id} is not in the index`);
    const last = this.count - 1;
    if (slot !== last) {
      const { dim } = this.identity;
      this.data.copyWithin(slot * dim, last * dim, (last + 1) * dim);
      const movedId = this.slotIds[last];
      this.slotIds[slot] = movedId;
      this.sqNorms[slot] = this.sqNorms[last];
      this.slotOf.set(movedId, slot);
    }
    this.slotOf.delete(id);
    this.count = last;
  }

  search(query: ArrayLike<number>, k: number): SearchHit[] {
    checkK(k);
    const prepared = this.prepareQuery(query, 'query');
    if (this.count === 0) return [];
    const top = new TopK(Math.min(k, this.count));
    this.scanRows(prepared, squaredNorm(prepared), 0, this.count, top);
    return top.toHits();
  }

  /**
   * Exact search for many queries at once, scoring four queries per pass over
   * the rows (each stored value is loaded once for four products), in
   * cache-sized row blocks. Same hits as per-query search; scores may differ
   * from it in the last bits because the sums are grouped differently.
   */
  searchBatch(queries: readonly ArrayLike<number>[], k: number): SearchHit[][] {
    checkK(k);
    if (!Array.isArray(queries)) throw new VectorIndexError('INVALID_ARGUMENT', 'queries', 'must be an array of vectors');
    const prepared = queries.map((query, i) => this.prepareQuery(query, `queries[${i}]`));
    if (this.count === 0) return prepared.map(() => []);
    const norms = prepared.map(squaredNorm);
    const results: SearchHit[][] = new Array(prepared.length);
    const heapSize = Math.min(k, this.count);
    for (let q0 = 0; q0 < prepared.length; q0 += QUERY_BLOCK) {
      const q1 = Math.min(prepared.length, q0 + QUERY_BLOCK);
      const tops: TopK[] = [];
      for (let q = q0; q < q1; q++) tops.push(new TopK(heapSize));
      for (let r0 = 0; r0 < this.count; r0 += ROW_BLOCK) {
        const r1 = Math.min(this.count, r0 + ROW_BLOCK);
        let q = q0;
        for (; q + 4 <= q1; q += 4) {
          this.scanRowsFour(prepared.slice(q, q + 4), norms.slice(q, q + 4), r0, r1, tops.slice(q - q0, q - q0 + 4));
        }
        for (; q < q1; q++) this.scanRows(prepared[q], norms[q], r0, r1, tops[q - q0]);
      }
      for (let q = q0; q < q1; q++) results[q] = tops[q - q0].toHits();
    }
    return results;
  }

  private prepareQuery(query: ArrayLike<number>, parameter: string): Float64Array {
    checkVector(query, this.identity.dim, parameter);
    const prepared = Float64Array.from(query);
    if (this.identity.metric === 'cosine') {
      const scale = unitScale(prepared, parameter);
      for (let i = 0; i < prepared.length; i++) prepared[i] *= scale;
    }
    return prepared;
  }

  /**
   * Turns a dot product into the metric's score. l2 uses
   * |x - q|^2 = |x|^2 - 2 x.q + |q|^2 (row norms are kept), so every metric
   * shares one dot-product loop; rounding can push a zero distance just below
   * zero, hence the clamp.
   */
  private score(dot: number, rowSquaredNorm: number, querySquaredNorm: number): number {
    return this.identity.metric === 'l2' ? -Math.max(0, rowSquaredNorm - 2 * dot + querySquaredNorm) : dot;
  }

  /** The hot loop: one query against rows [from, to), eight independent sums so the CPU can overlap them. */
  private scanRows(query: Float64Array, querySquaredNorm: number, from: number, to: number, top: TopK): void {
    const { data, slotIds, sqNorms } = this;
    const dim = this.identity.dim;
    const body = dim & ~7;
    for (let row = from; row < to; row++) {
      let b = row * dim;
      const bodyEnd = b + body;
      const end = b + dim;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
      let j = 0;
      for (; b < bodyEnd; b += 8, j += 8) {
        s0 += data[b] * query[j];
        s1 += data[b + 1] * query[j + 1];
        s2 += data[b + 2] * query[j + 2];
        s3 += data[b + 3] * query[j + 3];
        s4 += data[b + 4] * query[j + 4];
        s5 += data[b + 5] * query[j + 5];
        s6 += data[b + 6] * query[j + 6];
        s7 += data[b + 7] * query[j + 7];
      }
      for (; b < end; b++, j++) s0 += data[b] * query[j];
      const score = this.score(s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7, sqNorms[row], querySquaredNorm);
      if (score >= top.threshold) top.push(score, slotIds[row]);
    }
  }

  /** Four queries against rows [from, to): each stored value is read once and used four times. */
  private scanRowsFour(queries: Float64Array[], querySquaredNorms: number[], from: number, to: number, tops: TopK[]): void {
    const { data, slotIds, sqNorms } = this;
    const dim = this.identity.dim;
    const [qa, qb, qc, qd] = queries;
    const body = dim & ~1;
    for (let row = from; row < to; row++) {
      let b = row * dim;
      const bodyEnd = b + body;
      let a0 = 0, a1 = 0, b0 = 0, b1 = 0, c0 = 0, c1 = 0, d0 = 0, d1 = 0;
      let j = 0;
      for (; b < bodyEnd; b += 2, j += 2) {
        const x0 = data[b];
        const x1 = data[b + 1];
        a0 += x0 * qa[j];
        a1 += x1 * qa[j + 1];
        b0 += x0 * qb[j];
        b1 += x1 * qb[j + 1];
        c0 += x0 * qc[j];
        c1 += x1 * qc[j + 1];
        d0 += x0 * qd[j];
        d1 += x1 * qd[j + 1];
      }
      if (j < dim) {
        const x = data[b];
        a0 += x * qa[j];
        b0 += x * qb[j];
        c0 += x * qc[j];
        d0 += x * qd[j];
      }
      const id = slotIds[row];
      const rowNorm = sqNorms[row];
      const sa = this.score(a0 + a1, rowNorm, querySquaredNorms[0]);
      if (sa >= tops[0].threshold) tops[0].push(sa, id);
      const sb = this.score(b0 + b1, rowNorm, querySquaredNorms[1]);
      if (sb >= tops[1].threshold) tops[1].push(sb, id);
      const sc = this.score(c0 + c1, rowNorm, querySquaredNorms[2]);
      if (sc >= tops[2].threshold) tops[2].push(sc, id);
      const sd = this.score(d0 + d1, rowNorm, querySquaredNorms[3]);
      if (sd >= tops[3].threshold) tops[3].push(sd, id);
    }
  }

  private append(id: number, vector: ArrayLike<number>, parameter: string): void {
    this.reserve(this.count + 1);
    const { dim } = this.identity;
    const base = this.count * dim;
    const scale = this.identity.metric === 'cosine' ? unitScale(vector, parameter) : 1;
    for (let i = 0; i < dim; i++) this.data[base + i] = vector[i] * scale;
    this.sqNorms[this.count] = squaredNorm(this.data.subarray(base, base + dim));
    this.slotIds[this.count] = id;
    this.slotOf.set(id, this.count);
    this.count++;
  }

  /** Grows storage by doubling so n adds cost O(n) copies in total. */
  private reserve(rows: number): void {
    const capacity = this.slotIds.length;
    if (rows <= capacity) return;
    let next = capacity;
    while (next < rows) next *= 2;
    const data = new Float32Array(next * this.identity.dim);
    data.set(this.data.subarray(0, this.count * this.identity.dim));
    const slotIds = new Float64Array(next);
    slotIds.set(this.slotIds.subarray(0, this.count));
    const sqNorms = new Float64Array(next);
    sqNorms.set(this.sqNorms.subarray(0, this.count));
    this.data = data;
    this.slotIds = slotIds;
    this.sqNorms = sqNorms;
  }
}

function squaredNorm(vector: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i] * vector[i];
  return sum;
}
