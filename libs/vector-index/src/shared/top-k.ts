import type { SearchHit } from '../vector-index';

/**
 * Keeps the k best (score, id) pairs seen so far in a bounded min-heap whose
 * root is the current worst, so each candidate costs one comparison unless it
 * makes the cut. "Better" is a higher score, then a smaller id, which makes
 * results independent of scan order.
 */
export class TopK {
  private readonly scores: Float64Array;
  private readonly ids: Float64Array;
  private count = 0;

  constructor(readonly k: number) {
    this.scores = new Float64Array(k);
    this.ids = new Float64Array(k);
  }

  get size(): number {
    return this.count;
  }

  /** The score a candidate must beat (or tie with a smaller id) once the heap is full; -Infinity before. */
  get threshold(): number {
    return this.count < this.k ? -Infinity : this.scores[0];
  }

  push(score: number, id: number): void {
    if (this.count < this.k) {
      this.siftUp(this.count++, score, id);
      return;
    }
    const rootScore = this.scores[0];
    if (score < rootScore || (score === rootScore && id >= this.ids[0])) return;
    this.siftDown(score, id);
  }

  /** Drains the heap into hits, best first. */
  toHits(): SearchHit[] {
    const hits: SearchHit[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) hits[i] = { id: this.ids[i], score: this.scores[i] };
    hits.sort((a, b) => b.score - a.score || a.id - b.id);
    return hits;
  }

  /** true when (sa, ia) ranks worse than (sb, ib). */
  private static worse(sa: number, ia: number, sb: number, ib: number): boolean {
    return sa < sb || (sa === sb && ia > ib);
  }

  private siftUp(position: number, score: number, id: number): void {
    const { scores, ids } = this;
    let i = position;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!TopK.worse(score, id, scores[parent], ids[parent])) break;
      scores[i] = scores[parent];
      ids[i] = ids[parent];
      i = parent;
    }
    scores[i] = score;
    ids[i] = id;
  }

  /** Replaces the root with (score, id) and restores the heap. */
  private siftDown(score: number, id: number): void {
    const { scores, ids, count } = this;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= count) break;
      const right = left + 1;
      let child = left;
      if (right < count && TopK.worse(scores[right], ids[right], scores[left], ids[left])) child = right;
      if (!TopK.worse(scores[child], ids[child], score, id)) break;
      scores[i] = scores[child];
      ids[i] = ids[child];
      i = child;
    }
    scores[i] = score;
    ids[i] = id;
  }
}
