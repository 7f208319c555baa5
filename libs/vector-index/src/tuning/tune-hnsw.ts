import { performance } from 'node:perf_hooks';
import { FlatIndex } from '../flat/flat-index';
import { HnswIndex } from '../hnsw/hnsw-index';
import { resolveHnswParams } from '../hnsw/hnsw-params';
import { recallAgainstExact } from '../shared/recall';
import { checkIdentity } from '../shared/validation';
import { VectorIndexError } from '../shared/vector-index-error';
import type { SearchHit, VectorIndexIdentity } from '../vector-index';
import type { HnswTrial, HnswTuningRecord } from './tuning-record';

export interface HnswGrid {
  M: number[];
  efConstruction: number[];
  efSearch: number[];
}

export const DEFAULT_HNSW_GRID: Readonly<HnswGrid> = {
  M: [8, 16, 32],
  efConstruction: [100, 200],
  efSearch: [10, 20, 40, 80, 160, 320],
};

export interface TuneHnswOptions {
  identity: VectorIndexIdentity;
  /** The recall@10 (against exact search) the chosen configuration must reach, in (0, 1]. */
  targetRecallAt10: number;
  /** Values to try; each missing axis takes DEFAULT_HNSW_GRID's. */
  grid?: Partial<HnswGrid>;
  /** hnswlib's level-generator seed for every build (an integer in [0, 2^32)). */
  seed: number;
  /** Exact top-10 per query if the caller already has it (for example from a FlatIndex bench); computed otherwise. */
  groundTruth?: SearchHit[][];
  /** Called after each measured trial (progress logging). */
  onTrial?: (trial: HnswTrial) => void;
  /**
   * How to choose among trials reaching the target. 'fastest' (default): the
   * highest measured queries/s. 'cheapest': the smallest M x efSearch (the
   * number of distances a query computes grows with both), then the smaller
   * efConstruction; it ignores the clock, so the same data and seed always give
   * the same choice and, with `measureSpeed: false`, a byte-identical record.
   */
  choose?: 'fastest' | 'cheapest';
  /** Time builds and queries (default true). false records null speeds and needs `choose: 'cheapest'`. */
  measureSpeed?: boolean;
}

export interface TunedHnsw {
  /** The index built with the chosen M / efConstruction, its efSearch set to the chosen value. */
  index: HnswIndex;
  record: HnswTuningRecord;
}

const K = 10;
const WARM_UP_QUERIES = 20;

/**
 * "Training" for an ANN index: builds one graph per (M, efConstruction) in the
 * grid, sweeps efSearch on it (no rebuild needed), measures recall@10 against
 * the exact FlatIndex and single-threaded queries/s, and keeps the fastest
 * configuration that reaches the target, or the best recall when none does.
 *
 * Builds are deterministic for the seed; the choice depends on measured speed,
 * so on a loaded machine two runs may pick different configurations (both
 * reaching the target). Every trial goes into the record.
 */
export function tuneHnsw(
  vectors: readonly ArrayLike<number>[],
  ids: readonly number[],
  queries: readonly ArrayLike<number>[],
  options: TuneHnswOptions,
): TunedHnsw {
  const identity = checkIdentity(options.identity, 'options.identity');
  const target = options.targetRecallAt10;
  if (!(typeof target === 'number' && target > 0 && target <= 1)) {
    throw new VectorIndexError('INVALID_ARGUMENT', 'options.targetRecallAt10', `must be in (0, 1], got ${target}`);
  }
  if (!Array.isArray(queries) || queries.length === 0) {
    throw new VectorIndexError('INVALID_ARGUMENT', 'queries', 'needs at least one query to measure recall');
  }
  if (!Array.isArray(vectors) || vectors.length === 0) {
    throw new VectorIndexError('INVALID_ARGUMENT', 'vectors', 'needs at least one vector to index');
  }
  const choose = options.choose ?? 'fastest';
  const measureSpeed = options.measureSpeed ?? true;
  if (choose !== 'fastest' && choose !== 'cheapest') {
    throw new VectorIndexError('INVALID_ARGUMENT', 'options.choose', `must be 'fastest' or 'cheapest', got ${String(choose)}`);
  }
  if (!measureSpeed && choose === 'fastest') {
    throw new VectorIndexError('INVALID_ARGUMENT', 'options.measureSpeed', "choosing the fastest trial needs measured speed; use choose: 'cheapest'");
  }
  const grid = resolveGrid(options.grid ?? {});
  // Validates the seed (and grid values) before any expensive work.
  for (const M of grid.M) for (const efConstruction of grid.efConstruction) resolveHnswParams({ M, efConstruction, randomSeed: options.seed }, 'options.grid');

  const truth = options.groundTruth ?? exactTopK(identity, vectors, ids, queries);
  if (truth.length !== queries.length) {
    throw new VectorIndexError('INVALID_ARGUMENT', 'options.groundTruth', `has ${truth.length} result lists for ${queries.length} queries`);
  }

  const trials: HnswTrial[] = [];
  let best: { trial: HnswTrial; index: HnswIndex } | null = null;
  for (const M of grid.M) {
    for (const efConstruction of grid.efConstruction) {
      const index = new HnswIndex(identity, { M, efConstruction, efSearch: grid.efSearch[0], randomSeed: options.seed, capacity: vectors.length });
      const started = performance.now();
      index.addBatch(ids, vectors);
      const buildSeconds = measureSpeed ? (performance.now() - started) / 1000 : null;
      for (const efSearch of grid.efSearch) {
        index.setEfSearch(efSearch);
        const { results, queriesPerSecond } = timeQueries(index, queries, measureSpeed);
        const trial: HnswTrial = { M, efConstruction, efSearch, recallAt10: recallAgainstExact(results, truth, K), queriesPerSecond, buildSeconds };
        trials.push(trial);
        options.onTrial?.(trial);
        if (best === null || isBetter(trial, best.trial, target, choose)) best = { trial, index };
      }
    }
  }
  // The grid is non-empty, so at least one trial ran.
  const chosen = (best as { trial: HnswTrial; index: HnswIndex }).trial;
  const bestIndex = (best as { trial: HnswTrial; index: HnswIndex }).index;
  bestIndex.setEfSearch(chosen.efSearch);
  const reachedTarget = chosen.recallAt10 >= target;
  const reaching = trials.filter((t) => t.recallAt10 >= target).length;
  const decision = reachedTarget
    ? choose === 'fastest'
      ? `highest queries/s among the ${reaching} of ${trials.length} trials reaching recall@10 >= ${target}`
      : `smallest M x efSearch (then efConstruction) among the ${reaching} of ${trials.length} trials reaching recall@10 >= ${target}`
    : `no trial reached recall@10 >= ${target}; chose the best recall, ${chosen.recallAt10.toFixed(4)} (widen the grid: larger M, efConstruction or efSearch)`;
  return {
    index: bestIndex,
    record: {
      targetRecallAt10: target,
      reachedTarget,
      decision,
      chosen,
      trials,
      randomSeed: options.seed,
      vectorCount: vectors.length,
      queryCount: queries.length,
    },
  };
}

/** The search-cost proxy of a configuration: distances per query grow with M and efSearch. */
function searchCost(trial: HnswTrial): number {
  return trial.M * trial.efSearch;
}

/**
 * Reaching the target beats missing it; among those reaching it, speed (or the
 * cost proxy) wins; among those missing, recall wins. Ties keep the earlier trial.
 */
function isBetter(candidate: HnswTrial, incumbent: HnswTrial, target: number, choose: 'fastest' | 'cheapest'): boolean {
  const candidateReaches = candidate.recallAt10 >= target;
  const incumbentReaches = incumbent.recallAt10 >= target;
  if (candidateReaches !== incumbentReaches) return candidateReaches;
  if (!candidateReaches && candidate.recallAt10 !== incumbent.recallAt10) return candidate.recallAt10 > incumbent.recallAt10;
  if (choose === 'cheapest') {
    if (searchCost(candidate) !== searchCost(incumbent)) return searchCost(candidate) < searchCost(incumbent);
    return candidate.efConstruction < incumbent.efConstruction;
  }
  return (candidate.queriesPerSecond ?? 0) > (incumbent.queriesPerSecond ?? 0);
}

function timeQueries(
  index: HnswIndex,
  queries: readonly ArrayLike<number>[],
  measureSpeed: boolean,
): { results: SearchHit[][]; queriesPerSecond: number | null } {
  if (!measureSpeed) return { results: queries.map((query) => index.search(query, K)), queriesPerSecond: null };
  // A short untimed warm-up so the first trial is not charged for JIT compilation and cold caches.
  for (let q = 0; q < Math.min(WARM_UP_QUERIES, queries.length); q++) index.search(queries[q], K);
  const results: SearchHit[][] = new Array(queries.length);
  const started = performance.now();
  for (let q = 0; q < queries.length; q++) results[q] = index.search(queries[q], K);
  const seconds = Math.max((performance.now() - started) / 1000, 1e-9);
  return { results, queriesPerSecond: queries.length / seconds };
}

function exactTopK(
  identity: VectorIndexIdentity,
  vectors: readonly ArrayLike<number>[],
  ids: readonly number[],
  queries: readonly ArrayLike<number>[],
): SearchHit[][] {
  const flat = new FlatIndex(identity, { capacity: vectors.length });
  flat.addBatch(ids, vectors);
  return flat.searchBatch(queries, K);
}

function resolveGrid(grid: Partial<HnswGrid>): HnswGrid {
  const resolved: HnswGrid = {
    M: grid.M ?? DEFAULT_HNSW_GRID.M,
    efConstruction: grid.efConstruction ?? DEFAULT_HNSW_GRID.efConstruction,
    efSearch: grid.efSearch ?? DEFAULT_HNSW_GRID.efSearch,
  };
  for (const axis of ['M', 'efConstruction', 'efSearch'] as const) {
    const values = resolved[axis];
    if (!Array.isArray(values) || values.length === 0) {
      throw new VectorIndexError('INVALID_ARGUMENT', `options.grid.${axis}`, 'must be a non-empty array of positive integers');
    }
    for (const value of values) {
      if (!Number.isSafeInteger(value) || value <= 0) {
        throw new VectorIndexError('INVALID_ARGUMENT', `options.grid.${axis}`, `must hold positive integers, got ${value}`);
      }
    }
  }
  return { M: [...resolved.M], efConstruction: [...resolved.efConstruction], efSearch: [...resolved.efSearch].sort((a, b) => a - b) };
}
