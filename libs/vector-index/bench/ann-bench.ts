/**
 * ANN benchmark: exact FlatIndex vs tuned HNSW on seeded Gaussian clusters.
 *
 *   npx nx run vector-index:bench                    # 100,000 x 384, 1,000 clusters, 1,000 queries
 *   npx nx run vector-index:bench -- --small         # 10,000 x 384, 100 clusters, 200 queries (smoke run)
 *   VECTOR_BENCH_COUNT=20000 VECTOR_BENCH_QUERIES=300 npx nx run vector-index:bench
 *
 * Other knobs: VECTOR_BENCH_DIM, VECTOR_BENCH_CLUSTERS, VECTOR_BENCH_SPREAD, VECTOR_BENCH_SEED,
 * VECTOR_BENCH_TARGET (recall@10), VECTOR_BENCH_M / _EFC / _EFS (comma lists for the tuning grid),
 * VECTOR_BENCH_OUT (write the result JSON there). Timings are single-threaded wall clock.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { clusteredVectors, FlatIndex, type HnswTrial, recallAgainstExact, tuneHnsw, type VectorIndexIdentity } from '../src/index';

const small = process.argv.includes('--small');

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}

function numberEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got ${raw}`);
  return value;
}

function listEnv(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  return raw.split(',').map((part) => {
    const value = Number(part.trim());
    if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a comma list of positive integers, got ${raw}`);
    return value;
  });
}

const config = {
  count: intEnv('VECTOR_BENCH_COUNT', small ? 10_000 : 100_000),
  queries: intEnv('VECTOR_BENCH_QUERIES', small ? 200 : 1_000),
  dim: intEnv('VECTOR_BENCH_DIM', 384),
  clusters: intEnv('VECTOR_BENCH_CLUSTERS', small ? 100 : 1_000),
  spread: numberEnv('VECTOR_BENCH_SPREAD', 0.5),
  seed: intEnv('VECTOR_BENCH_SEED', 20_240_601),
  target: numberEnv('VECTOR_BENCH_TARGET', 0.95),
  /** Queries timed one at a time on the flat index (a full scan each; the batch path covers all queries). */
  flatSingleQueries: intEnv('VECTOR_BENCH_FLAT_SINGLE', small ? 200 : 200),
  grid: {
    M: listEnv('VECTOR_BENCH_M', [16, 32]),
    efConstruction: listEnv('VECTOR_BENCH_EFC', [100]),
    efSearch: listEnv('VECTOR_BENCH_EFS', [16, 32, 64, 128, 256]),
  },
};

const seconds = (from: number) => (performance.now() - from) / 1000;
const log = (line: string) => console.log(line);

function main(): void {
  log(`vector-index bench: ${JSON.stringify(config)}`);
  let started = performance.now();
  const { vectors: all } = clusteredVectors({
    count: config.count + config.queries,
    dim: config.dim,
    clusters: config.clusters,
    seed: config.seed,
    spread: config.spread,
  });
  // Queries are held-out points from the same clusters as the indexed vectors.
  const vectors = all.slice(0, config.count);
  const queries = all.slice(config.count);
  const ids = vectors.map((_, i) => i);
  log(`data: ${config.count} x ${config.dim} + ${config.queries} queries in ${seconds(started).toFixed(1)} s`);

  const identity: VectorIndexIdentity = { embedderHash: 'bench-synthetic', dim: config.dim, metric: 'l2' };
  started = performance.now();
  const flat = new FlatIndex(identity, { capacity: config.count });
  flat.addBatch(ids, vectors);
  const flatBuildSeconds = seconds(started);

  const single = queries.slice(0, Math.min(config.flatSingleQueries, queries.length));
  started = performance.now();
  for (const query of single) flat.search(query, 10);
  const flatQps = single.length / seconds(started);

  started = performance.now();
  const groundTruth = flat.searchBatch(queries, 10);
  const flatBatchQps = queries.length / seconds(started);
  log(`flat: build ${flatBuildSeconds.toFixed(2)} s, ${flatQps.toFixed(1)} q/s one at a time, ${flatBatchQps.toFixed(1)} q/s batched (recall 1)`);

  const printTrial = (t: HnswTrial) =>
    log(`  M=${t.M} efC=${t.efConstruction} ef=${t.efSearch}: recall@10 ${t.recallAt10.toFixed(4)}, ${(t.queriesPerSecond ?? 0).toFixed(0)} q/s (build ${(t.buildSeconds ?? 0).toFixed(1)} s)`);
  started = performance.now();
  const { index, record } = tuneHnsw(vectors, ids, queries, {
    identity,
    targetRecallAt10: config.target,
    grid: config.grid,
    seed: config.seed % 2 ** 32,
    groundTruth,
    onTrial: printTrial,
  });
  const tuningSeconds = seconds(started);

  // Re-measure the chosen setting once more so the headline number is not the best of a noisy sweep.
  started = performance.now();
  const results = queries.map((query) => index.search(query, 10));
  const hnswQps = queries.length / seconds(started);
  const recall = recallAgainstExact(results, groundTruth, 10);
  const { chosen } = record;
  log(`hnsw: ${record.decision}`);
  log(
    `hnsw chosen M=${chosen.M} efConstruction=${chosen.efConstruction} efSearch=${chosen.efSearch}: build ${(chosen.buildSeconds ?? 0).toFixed(1)} s, ` +
      `${hnswQps.toFixed(0)} q/s, recall@10 ${recall.toFixed(4)}; ${(hnswQps / flatQps).toFixed(1)}x flat one-at-a-time, ` +
      `${(hnswQps / flatBatchQps).toFixed(1)}x flat batched (tuning took ${tuningSeconds.toFixed(0)} s)`,
  );

  const summary = {
    config,
    flat: { buildSeconds: flatBuildSeconds, queriesPerSecond: flatQps, batchQueriesPerSecond: flatBatchQps, recallAt10: 1 },
    hnsw: {
      ...chosen,
      remeasuredQueriesPerSecond: hnswQps,
      remeasuredRecallAt10: recall,
      speedupVsFlat: hnswQps / flatQps,
      speedupVsFlatBatched: hnswQps / flatBatchQps,
      reachedTarget: record.reachedTarget,
      tuningSeconds,
    },
    trials: record.trials,
  };
  const out = process.env.VECTOR_BENCH_OUT;
  if (out !== undefined && out !== '') writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
}

main();
