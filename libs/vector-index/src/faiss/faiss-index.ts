import { checkBatch, checkId, checkIdentity, checkK, checkVector, unitScale } from '../shared/validation';
import { VectorIndexError } from '../shared/vector-index-error';
import type { SearchHit, VectorIndex, VectorIndexIdentity } from '../vector-index';
import { type FaissFlatIndex, type FaissModule, loadFaissModule } from './faiss-module';

/**
 * Exact search through FAISS's flat index (optional backend: needs faiss-node).
 * Cosine is inner product over vectors normalised here; l2 distances become
 * negated scores. FAISS labels are positions that shift down on removal, so
 * the position -> id table is kept in the same order.
 */
export class FaissIndex implements VectorIndex {
  readonly kind = 'faiss-flat';
  readonly identity: VectorIndexIdentity;
  private readonly native: FaissFlatIndex;
  private readonly positionIds: number[] = [];
  private readonly idSet = new Set<number>();

  /** Throws VectorIndexError BACKEND_UNAVAILABLE when faiss-node is not installed. */
  constructor(identity: VectorIndexIdentity, faiss: FaissModule = loadFaissModule()) {
    this.identity = checkIdentity(identity);
    const { dim, metric } = this.identity;
    this.native = metric === 'l2' ? new faiss.IndexFlatL2(dim) : new faiss.IndexFlatIP(dim);
  }

  get size(): number {
    return this.positionIds.length;
  }

  has(id: number): boolean {
    return this.idSet.has(id);
  }

  add(id: number, vector: ArrayLike<number>): void {
    this.addBatch([checkId(id)], [vector]);
  }

  addBatch(ids: readonly number[], vectors: readonly ArrayLike<number>[]): void {
    checkBatch(ids, vectors, this.identity.dim);
    const flat: number[] = [];
    for (let i = 0; i < ids.length; i++) {
      if (this.idSet.has(ids[i])) throw new VectorIndexError('DUPLICATE_ID', `ids[${i}]`, `id ${ids[i]} is already in the index`);
      const scale = this.identity.metric === 'cosine' ? unitScale(vectors[i], `vectors[${i}]`) : 1;
      for (let j = 0; j < this.identity.dim; j++) flat.push(vectors[i][j] * scale);
    }
    if (ids.length === 0) return;
    this.native.add(flat);
    for (const id of ids) {
      this.positionIds.push(id);
      this.idSet.add(id);
    }
  }

  remove(id: number): void {
    const position = this.positionIds.indexOf(id);
    if (position < 0) throw new VectorIndexError('UNKNOWN_ID', 'id', `${id} is not in the index`);
    this.native.removeIds([position]);
    this.positionIds.splice(position, 1);
    this.idSet.delete(id);
  }

  search(query: ArrayLike<number>, k: number): SearchHit[] {
    checkK(k);
    checkVector(query, this.identity.dim, 'query');
    if (this.positionIds.length === 0) return [];
    const scale = this.identity.metric === 'cosine' ? unitScale(query, 'query') : 1;
    const prepared = Array.from(query, (x) => x * scale);
    const { distances, labels } = this.native.search(prepared, Math.min(k, this.positionIds.length));
    const hits: SearchHit[] = [];
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] < 0) continue;
      const score = this.identity.metric === 'l2' ? -distances[i] : distances[i];
      hits.push({ id: this.positionIds[labels[i]], score });
    }
    return hits.sort((a, b) => b.score - a.score || a.id - b.id);
  }
}
