import { argumentError } from './argument-error';

/**
 * Ranking metrics for retrieval with binary relevance and possibly several
 * relevant ids per query. Each function scores one query's ranked list (best
 * first); `meanRankingMetrics` averages per-query values (macro average), so
 * every query weighs the same however many relevant ids it has.
 */

/** Per-query scores, each in [0, 1]. */
export interface QueryRankingMetrics {
  /** |relevant ∩ top k| / |relevant| (see `recallAtK`). */
  readonly recallAtK: number;
  /** 1 when at least one relevant id is in the top k, else 0. */
  readonly hitAtK: number;
  /** 1 / rank of the first relevant id in the whole ranked list; 0 when none appears. */
  readonly reciprocalRank: number;
  /** Binary-relevance nDCG over the top 10 with a log2 discount. */
  readonly ndcgAt10: number;
}

/** Query-averaged metrics: the numbers a report quotes. */
export interface RankingSummary {
  readonly queryCount: number;
  readonly recallAtK: number;
  /** Fraction of queries with at least one relevant id in the top k. */
  readonly hitRateAtK: number;
  /** Mean reciprocal rank over the ranked lists as deep as they were retrieved. */
  readonly mrr: number;
  readonly ndcgAt10: number;
}

export type RelevantIds = ReadonlySet<string> | readonly string[];

/**
 * Recall@k = (number of relevant ids among the first k ranked ids) / (number of relevant ids).
 * The denominator is the full relevant count, not min(k, |relevant|): a query with
 * 3 relevant ids cannot reach recall 1 at k = 1. Use `hitAtK` for "found any".
 */
export function recallAtK(ranked: readonly string[], relevant: RelevantIds, k: number): number {
  const relevantSet = checkInputs(ranked, relevant, k, 'recallAtK');
  return countRelevantInTop(ranked, relevantSet, k) / relevantSet.size;
}

/** 1 when any relevant id is among the first k ranked ids, else 0 (averaged, this is hit-rate@k). */
export function hitAtK(ranked: readonly string[], relevant: RelevantIds, k: number): number {
  const relevantSet = checkInputs(ranked, relevant, k, 'hitAtK');
  return countRelevantInTop(ranked, relevantSet, k) > 0 ? 1 : 0;
}

/** 1 / (1-based rank of the first relevant id); 0 when no relevant id was retrieved. */
export function reciprocalRank(ranked: readonly string[], relevant: RelevantIds): number {
  const relevantSet = checkInputs(ranked, relevant, 1, 'reciprocalRank');
  for (let rank = 0; rank < ranked.length; rank++) {
    if (relevantSet.has(ranked[rank])) return 1 / (rank + 1);
  }
  return 0;
}

/**
 * nDCG@k with binary relevance: DCG = sum over ranks i <= k of rel_i / log2(i + 1),
 * divided by the ideal DCG, where all min(k, |relevant|) relevant ids come first.
 */
export function ndcgAtK(ranked: readonly string[], relevant: RelevantIds, k = 10): number {
  const relevantSet = checkInputs(ranked, relevant, k, 'ndcgAtK');
  let dcg = 0;
  const depth = Math.min(k, ranked.length);
  for (let i = 0; i < depth; i++) {
    if (relevantSet.has(ranked[i])) dcg += 1 / Math.log2(i + 2);
  }
  let ideal = 0;
  const idealHits = Math.min(k, relevantSet.size);
  for (let i = 0; i < idealHits; i++) ideal += 1 / Math.log2(i + 2);
  return dcg / ideal;
}

/** All per-query metrics for one ranked list. */
export function rankingMetrics(ranked: readonly string[], relevant: RelevantIds, k: number): QueryRankingMetrics {
  const relevantSet = checkInputs(ranked, relevant, k, 'rankingMetrics');
  return {
    recallAtK: recallAtK(ranked, relevantSet, k),
    hitAtK: hitAtK(ranked, relevantSet, k),
    reciprocalRank: reciprocalRank(ranked, relevantSet),
    ndcgAt10: ndcgAtK(ranked, relevantSet, 10),
  };
}

/** Macro average of per-query metrics. */
export function meanRankingMetrics(perQuery: readonly QueryRankingMetrics[]): RankingSummary {
  if (perQuery.length === 0) {
    throw argumentError('EMPTY', 'perQuery', 'cannot average ranking metrics over zero queries');
  }
  let recall = 0;
  let hits = 0;
  let reciprocal = 0;
  let ndcg = 0;
  for (const metrics of perQuery) {
    recall += metrics.recallAtK;
    hits += metrics.hitAtK;
    reciprocal += metrics.reciprocalRank;
    ndcg += metrics.ndcgAt10;
  }
  const n = perQuery.length;
  return { queryCount: n, recallAtK: recall / n, hitRateAtK: hits / n, mrr: reciprocal / n, ndcgAt10: ndcg / n };
}

function countRelevantInTop(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  let found = 0;
  const depth = Math.min(k, ranked.length);
  for (let i = 0; i < depth; i++) if (relevant.has(ranked[i])) found++;
  return found;
}

function checkInputs(ranked: readonly string[], relevant: RelevantIds, k: number, caller: string): ReadonlySet<string> {
  if (!Number.isInteger(k) || k < 1) {
    throw argumentError('INVALID_ARGUMENT', 'k', `${caller}: k must be a positive integer, got ${k}`);
  }
  const relevantSet: ReadonlySet<string> = relevant instanceof Set ? relevant : new Set(relevant as readonly string[]);
  if (relevantSet.size === 0) {
    throw argumentError('INVALID_ARGUMENT', 'relevant', `${caller}: a query needs at least one relevant id`);
  }
  // A repeated id would be counted twice and push recall or nDCG above 1.
  if (new Set(ranked).size !== ranked.length) {
    throw argumentError('INVALID_ARGUMENT', 'ranked', `${caller}: the ranked list repeats an id`);
  }
  return relevantSet;
}
