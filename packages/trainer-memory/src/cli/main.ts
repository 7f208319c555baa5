import { type AppSettings, loadAppSettings } from '@tethys/config';
import {
  formatTable,
  optionalInteger,
  optionalString,
  requiredString,
  runCli,
  type CliIo,
  type CliProgram,
  type OptionValues,
  UsageError,
} from '@tethys/cli';
import { DEFAULT_HNSW_PARAMS, HnswIndex } from '@tethys/vector-index';
import { readUserRetrievalSet, type RetrievalDataset } from '../datasets';
import { evaluateRetrieval, type RetrievalEvaluation } from '../evaluation';
import { DEFAULT_MEMORY_PARAMS_FILE, loadMemoryTrainerParams } from '../params';
import type { MemoryMetadata } from '../store';
import { loadBenchmarkDatasets } from '../training/benchmark-datasets';
import { retrievalRow } from '../training/retrieval-table';
import { trainMemoryLayer } from '../training/train-memory';
import { openMemoryStore } from './open-store';
import { EMBEDDER_NAMES, resolveEmbedder } from './resolve-embedder';
import { adoptCachedUserIndex, trainAndCacheUserIndex } from './user-index-cache';

function settingsAndEmbedderName(values: OptionValues): { settings: AppSettings; embedderName: string } {
  return { settings: loadAppSettings(), embedderName: optionalString(values, 'embedder') ?? 'student' };
}

/** Runs `work` with the configured store and embedder, closing both afterwards. */
async function withStore<T>(values: OptionValues, work: (opened: Awaited<ReturnType<typeof openMemoryStore>>) => Promise<T>): Promise<T> {
  const { settings, embedderName } = settingsAndEmbedderName(values);
  const resolved = await resolveEmbedder(embedderName, settings.paths.modelsDir);
  try {
    const opened = await openMemoryStore(resolved.embedder, settings);
    try {
      return await work(opened);
    } finally {
      await opened.close();
    }
  } finally {
    resolved.dispose();
  }
}

function parseMetadata(entries: string[] | undefined): MemoryMetadata {
  const metadata: Record<string, string | number | boolean> = {};
  for (const entry of entries ?? []) {
    const at = entry.indexOf('=');
    if (at <= 0) throw new UsageError(`--meta expects key=value, got "${entry}"`);
    const raw = entry.slice(at + 1);
    metadata[entry.slice(0, at)] = raw === 'true' ? true : raw === 'false' ? false : raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  }
  return metadata;
}

async function train(values: OptionValues, _positionals: string[], io: CliIo): Promise<void> {
  const user = optionalString(values, 'user');
  if (user !== undefined) {
    await withStore(values, async ({ store, indexCacheDir, location }) => {
      const { info, savedTo } = await trainAndCacheUserIndex(store, user, indexCacheDir);
      io.stdout(`user ${user}: ${info.kind} index over ${info.size} memories (${location})${savedTo ? `; cached in ${savedTo}` : ''}\n`);
    });
    return;
  }
  const paramsFile = optionalString(values, 'params') ?? DEFAULT_MEMORY_PARAMS_FILE;
  const params = loadMemoryTrainerParams(paramsFile);
  const result = await trainMemoryLayer(params, { paramsFile, modelsDir: loadAppSettings().paths.modelsDir, log: (line) => io.stdout(`${line}\n`) });
  const rows = result.rows.filter((row) => row.variant === 'full');
  io.stdout(`\nretrieval (held-out queries; full vectors):\n`);
  io.stdout(
    formatTable(
      ['dataset', 'embedder', 'index', 'dim', 'R@1', 'R@5', 'R@10', 'MRR', 'nDCG@10'],
      rows.map((r) => [r.dataset, r.embedder, r.index, r.dim, r.recallAt1.toFixed(3), r.recallAt5.toFixed(3), r.recallAt10.toFixed(3), r.mrr.toFixed(3), r.ndcgAt10.toFixed(3)]),
    ),
  );
  io.stdout(`wrote ${result.outputs.join(', ')}\n`);
}

async function add(values: OptionValues, _positionals: string[], io: CliIo): Promise<void> {
  const user = requiredString(values, 'user');
  const text = requiredString(values, 'text');
  const metadata = parseMetadata(values.meta as string[] | undefined);
  await withStore(values, async ({ store }) => {
    const memory = await store.add(user, text, metadata);
    io.stdout(values.json ? `${JSON.stringify(memory)}\n` : `${memory.id}\n`);
  });
}

async function search(values: OptionValues, _positionals: string[], io: CliIo): Promise<void> {
  const user = requiredString(values, 'user');
  const query = requiredString(values, 'query');
  const k = optionalInteger(values, 'k', { min: 1, max: 1000 }) ?? 5;
  await withStore(values, async ({ store, indexCacheDir }) => {
    await adoptCachedUserIndex(store, user, indexCacheDir);
    const hits = await store.search(user, query, k);
    if (values.json) {
      io.stdout(`${JSON.stringify(hits.map((hit) => ({ ...hit.memory, score: hit.score })), null, 2)}\n`);
      return;
    }
    if (hits.length === 0) {
      io.stdout(`no memories for user ${user}\n`);
      return;
    }
    io.stdout(formatTable(['score', 'id', 'text'], hits.map((hit) => [hit.score.toFixed(4), hit.memory.id, hit.memory.text])));
  });
}

async function forget(values: OptionValues, _positionals: string[], io: CliIo): Promise<void> {
  const user = requiredString(values, 'user');
  const id = requiredString(values, 'id');
  await withStore(values, async ({ store }) => {
    await store.forget(user, id);
    io.stdout(`forgot ${id}\n`);
  });
}

async function list(values: OptionValues, _positionals: string[], io: CliIo): Promise<void> {
  const user = requiredString(values, 'user');
  await withStore(values, async ({ store }) => {
    const memories = await store.list(user);
    if (values.json) io.stdout(`${JSON.stringify(memories, null, 2)}\n`);
    else io.stdout(formatTable(['id', 'created', 'text'], memories.map((m) => [m.id, new Date(m.createdAt).toISOString(), m.text])));
  });
}

function evaluationLine(name: string, evaluation: RetrievalEvaluation, embedder: string, index: string) {
  const row = retrievalRow({ dataset: name, embedder, variant: 'full', index, bytesPerVector: evaluation.dim * 4 }, evaluation);
  const e2e = evaluation.latency.endToEnd;
  return { ...row, p50Ms: e2e ? e2e.p50Ms : null, p95Ms: e2e ? e2e.p95Ms : null, qps: e2e ? e2e.qps : null };
}

async function evaluate(values: OptionValues, _positionals: string[], io: CliIo): Promise<void> {
  const corpusFile = optionalString(values, 'corpus');
  const queriesFile = optionalString(values, 'queries');
  if ((corpusFile === undefined) !== (queriesFile === undefined)) throw new UsageError('--corpus and --queries go together');
  const indexName = optionalString(values, 'index') ?? 'flat';
  if (indexName !== 'flat' && indexName !== 'hnsw') throw new UsageError(`--index must be flat or hnsw, got "${indexName}"`);
  const k = optionalInteger(values, 'k', { min: 1, max: 1000 }) ?? 10;
  const sets: Pick<RetrievalDataset, 'name' | 'corpus' | 'queries'>[] =
    corpusFile && queriesFile
      ? [readUserRetrievalSet(corpusFile, queriesFile)]
      : loadBenchmarkDatasets(loadMemoryTrainerParams(optionalString(values, 'params') ?? DEFAULT_MEMORY_PARAMS_FILE));
  const { settings, embedderName } = settingsAndEmbedderName(values);
  const resolved = await resolveEmbedder(embedderName, settings.paths.modelsDir);
  try {
    const lines = [];
    for (const set of sets) {
      const evaluation = await evaluateRetrieval({
        embedder: resolved.embedder,
        corpus: set.corpus,
        queries: set.queries,
        k,
        index: indexName === 'hnsw' ? (identity) => new HnswIndex(identity, { ...DEFAULT_HNSW_PARAMS }) : 'flat',
      });
      lines.push(evaluationLine(set.name, evaluation, resolved.embedder.name, indexName));
    }
    if (values.json) {
      io.stdout(`${JSON.stringify(lines, null, 2)}\n`);
      return;
    }
    io.stdout(
      formatTable(
        ['data', 'queries', 'corpus', 'R@1', 'R@5', 'R@10', 'MRR', 'nDCG@10', 'p50 ms', 'p95 ms', 'q/s'],
        lines.map((l) => [
          l.dataset,
          l.queries,
          l.corpus,
          l.recallAt1.toFixed(3),
          l.recallAt5.toFixed(3),
          l.recallAt10.toFixed(3),
          l.mrr.toFixed(3),
          l.ndcgAt10.toFixed(3),
          l.p50Ms === null ? 'n/a' : l.p50Ms.toFixed(2),
          l.p95Ms === null ? 'n/a' : l.p95Ms.toFixed(2),
          l.qps === null ? 'n/a' : l.qps.toFixed(0),
        ]),
      ),
    );
    io.stdout(`embedder ${resolved.embedder.name} (${resolved.embedder.dim}-d), index ${indexName}; latency = embedding + search per query\n`);
  } finally {
    resolved.dispose();
  }
}

const EMBEDDER_HELP = `--embedder NAME: ${EMBEDDER_NAMES.join(' | ')} | transformers:DIR (default student, from models/embedder_student)`;
const STORE_HELP = `The store comes from config: memory.store (sqlite | firestore), memory.sqlitePath
(default data/memory.sqlite); TETHYS_MEMORY_DB=FILE (or TETHYS_APP__MEMORY__SQLITE_PATH) points
at another SQLite file, TETHYS_APP__MEMORY__STORE=firestore with FIRESTORE_EMULATOR_HOST at an emulator.`;

export const memoryCli: CliProgram = {
  name: 'tethys-memory',
  summary: "the co-pilot's memory layer: train embedders and indexes, store and search per-user memories",
  commands: [
    {
      name: 'train',
      summary: 'train the student embedder, build and evaluate the indexes (or rebuild one user index)',
      usage: `Usage: tethys-memory train [--params FILE]
       tethys-memory train --user U [--embedder NAME]

Without --user: the whole pipeline (default params ${DEFAULT_MEMORY_PARAMS_FILE}): distils the USE-lite
teacher into the static student on financial text, fine-tunes it contrastively, exports it to ONNX, evaluates
retrieval on the three benchmarks and writes models/embedder_student/, models/memory_index/,
models/embedding_stats.json, models/memory_training_summary.json (and memory_training_latency.json).
With --user: rebuilds that user's vector index from the store and caches it beside the database.
${STORE_HELP}`,
      options: { params: { type: 'string' }, user: { type: 'string' }, embedder: { type: 'string' } },
      run: train,
    },
    {
      name: 'add',
      summary: "add a memory to a user's store",
      usage: `Usage: tethys-memory add --user U --text T [--meta key=value]... [--embedder NAME] [--json]

Prints the new memory's id (the whole record with --json). ${EMBEDDER_HELP}
${STORE_HELP}`,
      options: { user: { type: 'string' }, text: { type: 'string' }, meta: { type: 'string', multiple: true }, embedder: { type: 'string' }, json: { type: 'boolean' } },
      run: add,
    },
    {
      name: 'search',
      summary: "search a user's memories by meaning",
      usage: `Usage: tethys-memory search --user U --query Q [-k 5] [--embedder NAME] [--json]

Only U's memories are searched. Uses the index cached by "train --user U" when it is still current.
${EMBEDDER_HELP}
${STORE_HELP}`,
      options: { user: { type: 'string' }, query: { type: 'string' }, k: { type: 'string', short: 'k' }, embedder: { type: 'string' }, json: { type: 'boolean' } },
      run: search,
    },
    {
      name: 'forget',
      summary: 'delete one memory',
      usage: `Usage: tethys-memory forget --user U --id ID

An id that U does not have is an error (exit 1). ${STORE_HELP}`,
      options: { user: { type: 'string' }, id: { type: 'string' }, embedder: { type: 'string' } },
      run: forget,
    },
    {
      name: 'list',
      summary: "list a user's memories, oldest first",
      usage: `Usage: tethys-memory list --user U [--json]

${STORE_HELP}`,
      options: { user: { type: 'string' }, embedder: { type: 'string' }, json: { type: 'boolean' } },
      run: list,
    },
    {
      name: 'evaluate',
      summary: 'retrieval quality and latency on the benchmarks or on your own corpus and queries',
      usage: `Usage: tethys-memory evaluate [--embedder NAME] [--index flat|hnsw] [-k 10] [--json]
       tethys-memory evaluate --corpus FILE.csv --queries FILE.csv [--embedder NAME] [--index flat|hnsw] [--json]

Prints recall@1/5/10, MRR, nDCG@10 and per-query latency (embedding + search: p50, p95, queries/s).
Without files: the three built-in benchmarks' held-out queries. --corpus has columns id,text; --queries has
query,relevant_id (several rows per query allowed). ${EMBEDDER_HELP}`,
      options: {
        corpus: { type: 'string' },
        queries: { type: 'string' },
        embedder: { type: 'string' },
        index: { type: 'string' },
        k: { type: 'string', short: 'k' },
        params: { type: 'string' },
        json: { type: 'boolean' },
      },
      run: evaluate,
    },
  ],
};

export function main(argv: string[]): Promise<number> {
  return runCli(memoryCli, argv);
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
