import { join } from 'node:path';
import { reproducibleTimestamp, writeFileAtomic, writeJsonArtifact } from '@tethys/artifacts';
import { type Embedder, embeddingStats, HashingEmbedder, TransformersEmbedder, UseLiteEmbedder, useLiteModelDir } from '@tethys/embeddings';
import { saveVectorIndex } from '@tethys/vector-index';
import type { RetrievalDataset } from '../datasets';
import type { MemoryTrainerParams } from '../params';
import { BENCHMARK_INPUT_FILES, loadBenchmarkDatasets } from './benchmark-datasets';
import { CachingEmbedder } from './caching-embedder';
import { embedDataset, type EmbeddedDataset } from './embedded-dataset';
import { evaluateEmbeddedDataset } from './evaluate-variants';
import { buildGlobalIndex, tunedHnswFactory } from './global-index';
import type { LatencyRow, RetrievalRow } from './retrieval-table';
import { STUDENT_TRANSFORMERS_FOLDER, writeStudentArtifact } from './student-artifact';
import { compareStudentWithTeacher } from './student-vs-teacher';
import { trainStudent } from './train-student';

export const MEMORY_PRODUCER = { package: '@tethys/trainer-memory', version: '0.1.0' };

export const MEMORY_OUTPUTS = {
  student: 'embedder_student',
  index: 'memory_index',
  stats: 'embedding_stats.json',
  summary: 'memory_training_summary.json',
  latency: 'memory_training_latency.json',
} as const;

export interface TrainMemoryOptions {
  paramsFile: string;
  modelsDir?: string;
  log?: (line: string) => void;
}

export interface TrainMemoryResult {
  rows: RetrievalRow[];
  latencies: LatencyRow[];
  outputs: string[];
}

async function embedAll(embedder: Embedder, datasets: readonly RetrievalDataset[], batchSize: number, log: (line: string) => void): Promise<EmbeddedDataset[]> {
  const embedded: EmbeddedDataset[] = [];
  for (const dataset of datasets) {
    const set = await embedDataset(embedder, dataset, batchSize);
    const seconds = (set.measured.corpusMs / 1000).toFixed(1);
    log(`embed: ${embedder.name} on ${dataset.name}: ${dataset.corpus.length} documents in ${seconds} s, ${dataset.queries.length} queries`);
    embedded.push(set);
  }
  return embedded;
}

/**
 * The memory trainer's pipeline: train the student from the USE-lite teacher,
 * export it, embed the three benchmarks with every embedder, measure statistics
 * and compression, tune the global HNSW index, evaluate retrieval, write the
 * artifacts. Everything written into the artifacts is reproducible; wall-clock
 * measurements go to the separate latency file.
 */
export async function trainMemoryLayer(params: MemoryTrainerParams, options: TrainMemoryOptions): Promise<TrainMemoryResult> {
  const log = options.log ?? (() => undefined);
  const modelsDir = options.modelsDir ?? 'models';
  const inputs = [options.paramsFile, ...BENCHMARK_INPUT_FILES, join(useLiteModelDir(), 'model.json')];
  const datasets = loadBenchmarkDatasets(params);
  log(`datasets: ${datasets.map((d) => `${d.name} (${d.corpus.length} documents, ${d.queries.length} queries, ${d.trainingPairs.length} training pairs)`).join('; ')}`);

  const teacher = await UseLiteEmbedder.load({ batchSize: params.teacher.batchSize });
  try {
    const student = await trainStudent(new CachingEmbedder(teacher), datasets, params, log);
    const studentDir = join(modelsDir, MEMORY_OUTPUTS.student);
    writeStudentArtifact({
      dir: studentDir,
      model: student.model,
      fp16: params.student.onnxFp16,
      seed: params.seed,
      params,
      inputs,
      metrics: { training: student.report },
      producer: MEMORY_PRODUCER,
    });
    log(`wrote ${studentDir}/ (static model + transformers.js folder)`);
    const onnxStudent = await TransformersEmbedder.load(join(studentDir, STUDENT_TRANSFORMERS_FOLDER), { name: 'student-onnx' });
    const hashing = new HashingEmbedder();

    const batch = params.teacher.batchSize;
    const embeddedBy = new Map<string, EmbeddedDataset[]>();
    for (const embedder of [hashing, teacher, student.embedder, onnxStudent] as Embedder[]) {
      embeddedBy.set(embedder.name, await embedAll(embedder, datasets, batch, log));
    }
    onnxStudent.dispose();

    const globalIndex = buildGlobalIndex(embeddedBy.get('student') as EmbeddedDataset[], params, log);
    const hnswFactory = tunedHnswFactory(globalIndex.tuning, params.seed);

    const rows: RetrievalRow[] = [];
    const latencies: LatencyRow[] = [];
    const stats: unknown[] = [];
    for (const [name, sets] of embeddedBy) {
      for (const set of sets) {
        const isStudent = name === 'student';
        const compression = name === 'student' || name === teacher.name;
        const result = evaluateEmbeddedDataset(set, {
          k: params.evaluation.k,
          pcaDims: params.evaluation.pcaDims,
          compression,
          indexes: isStudent ? [{ name: 'hnsw', factory: hnswFactory }] : [],
        });
        rows.push(...result.rows);
        latencies.push(...result.latencies);
        if (name !== 'student-onnx') {
          stats.push({
            embedder: name,
            identityHash: set.embedder.identityHash,
            dataset: set.dataset.name,
            ...embeddingStats(set.corpusVectors, { seed: params.seed, maxPairs: params.stats.maxPairs, components: params.stats.components }),
          });
        }
      }
    }
    const comparison = compareStudentWithTeacher(rows, teacher.name);
    for (const line of comparison.lines) log(line);

    const createdAt = reproducibleTimestamp();
    const manifestFields = { producer: MEMORY_PRODUCER, seed: params.seed, params, inputs, createdAt };
    const indexDir = join(modelsDir, MEMORY_OUTPUTS.index);
    saveVectorIndex(globalIndex.index, indexDir, {
      tuning: globalIndex.tuning,
      producer: MEMORY_PRODUCER,
      inputs,
      metrics: { datasets: globalIndex.datasets },
      createdAt,
    });
    const embedders = [hashing, teacher, student.embedder, onnxStudent].map((e) => ({ name: e.name, dim: e.dim, identityHash: e.identityHash }));
    const statsFile = join(modelsDir, MEMORY_OUTPUTS.stats);
    writeJsonArtifact({
      ...manifestFields,
      file: statsFile,
      kind: 'embedding-stats',
      metrics: { rows: stats.length },
      content: {
        embedders,
        statistics: stats,
        // What each optimisation buys: retrieval quality and bytes per vector against the full vectors.
        optimisation: rows.filter((row) => row.index === 'flat' && (row.embedder === 'student' || row.embedder === teacher.name)),
      },
    });
    const summaryFile = join(modelsDir, MEMORY_OUTPUTS.summary);
    writeJsonArtifact({
      ...manifestFields,
      file: summaryFile,
      kind: 'memory-training-summary',
      metrics: { studentVsTeacher: comparison.deltas },
      content: {
        embedders,
        datasets: datasets.map((d) => ({ name: d.name, corpus: d.corpus.length, queries: d.queries.length, trainingPairs: d.trainingPairs.length })),
        student: student.report,
        index: { dir: MEMORY_OUTPUTS.index, datasets: globalIndex.datasets, tuning: globalIndex.tuning },
        retrieval: rows,
        studentVsTeacher: comparison,
        latencyFile: MEMORY_OUTPUTS.latency,
      },
    });
    const latencyFile = join(modelsDir, MEMORY_OUTPUTS.latency);
    writeFileAtomic(
      latencyFile,
      `${JSON.stringify(
        {
          note: 'Wall-clock measurements of this run (machine- and load-dependent); not part of any reproducible artifact.',
          retrieval: latencies,
          globalIndex: globalIndex.measured,
        },
        null,
        2,
      )}\n`,
    );
    return { rows, latencies, outputs: [studentDir, indexDir, statsFile, summaryFile, latencyFile] };
  } finally {
    teacher.dispose();
  }
}
