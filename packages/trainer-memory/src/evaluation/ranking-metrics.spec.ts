import { DataError } from '@tethys/data';
import {
  hitAtK,
  meanRankingMetrics,
  ndcgAtK,
  rankingMetrics,
  recallAtK,
  reciprocalRank,
} from './ranking-metrics';

// Ranked a, b, c, d, e; relevant b (rank 2), e (rank 5) and z (never retrieved).
const ranked = ['a', 'b', 'c', 'd', 'e'];
const relevant = ['b', 'e', 'z'];

describe('ranking metrics on a hand-computed ranking', () => {
  it('recall@k divides by the full relevant count', () => {
    expect(recallAtK(ranked, relevant, 1)).toBe(0);
    expect(recallAtK(ranked, relevant, 3)).toBeCloseTo(1 / 3, 15);
    expect(recallAtK(ranked, relevant, 5)).toBeCloseTo(2 / 3, 15);
    // k beyond the list: z was never retrieved, so recall stays 2/3.
    expect(recallAtK(ranked, relevant, 50)).toBeCloseTo(2 / 3, 15);
  });

  it('hit@k is 1 once any relevant id is in the top k', () => {
    expect(hitAtK(ranked, relevant, 1)).toBe(0);
    expect(hitAtK(ranked, relevant, 2)).toBe(1);
  });

  it('reciprocal rank uses the first relevant id', () => {
    expect(reciprocalRank(ranked, relevant)).toBe(0.5);
    expect(reciprocalRank(['x', 'y'], relevant)).toBe(0);
    expect(reciprocalRank(['e'], relevant)).toBe(1);
  });

  it('nDCG@10: DCG 1/log2(3) + 1/log2(6) over ideal 1 + 1/log2(3) + 1/log2(4)', () => {
    // 1.0177825608 / 2.1309297536
    expect(ndcgAtK(ranked, relevant)).toBeCloseTo(0.4776237035, 9);
    expect(ndcgAtK(['b', 'e', 'z'], relevant)).toBeCloseTo(1, 15);
    expect(ndcgAtK(['q'], relevant)).toBe(0);
    // The cut-off drops e (rank 5) and caps the ideal at two hits.
    expect(ndcgAtK(ranked, relevant, 2)).toBeCloseTo(1 / Math.log2(3) / (1 + 1 / Math.log2(3)), 12);
  });

  it('averages per query (macro)', () => {
    const first = rankingMetrics(ranked, relevant, 3);
    const second = rankingMetrics(['z', 'a'], ['z'], 3);
    expect(second).toEqual({ recallAtK: 1, hitAtK: 1, reciprocalRank: 1, ndcgAt10: 1 });
    const mean = meanRankingMetrics([first, second]);
    expect(mean.queryCount).toBe(2);
    expect(mean.recallAtK).toBeCloseTo((1 / 3 + 1) / 2, 15);
    expect(mean.hitRateAtK).toBe(1);
    expect(mean.mrr).toBeCloseTo(0.75, 15);
    expect(mean.ndcgAt10).toBeCloseTo((0.4776237035 + 1) / 2, 9);
  });

  it('rejects bad input with typed errors', () => {
    expect(() => recallAtK(ranked, relevant, 0)).toThrow(DataError);
    expect(() => recallAtK(ranked, [], 3)).toThrow(/at least one relevant id/);
    expect(() => recallAtK(['a', 'a'], relevant, 3)).toThrow(/repeats an id/);
    expect(() => meanRankingMetrics([])).toThrow(DataError);
  });
});
