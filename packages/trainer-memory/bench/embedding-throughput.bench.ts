/**
 * Embedding throughput (sentences/s) of the teacher (USE-lite on tfjs wasm), the
 * trained student in TypeScript and the same student served by transformers.js
 * (ONNX), on the real financial training sentences, in one process. Figures are
 * reported as ratios against the teacher measured here, since machines are noisy.
 * The index side (flat vs HNSW on 100k x 384) is `nx run vector-index:bench`.
 *
 * Run: tsx packages/trainer-memory/bench/embedding-throughput.bench.ts  (after `nx run trainer-memory:train`)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Embedder, TransformersEmbedder, UseLiteEmbedder } from '@tethys/embeddings';
import { financialTrainingCorpus } from '../src/datasets';
import { loadStudentEmbedder, STUDENT_TRANSFORMERS_FOLDER } from '../src/training/student-artifact';

const TEACHER_SENTENCES = Number(process.env.BENCH_TEACHER_SENTENCES ?? 400);
const BATCH = 64;

async function sentencesPerSecond(embedder: Embedder, texts: readonly string[], minSeconds: number): Promise<number> {
  await embedder.embed(texts.slice(0, BATCH)); // warm-up: JIT, kernel setup
  let embedded = 0;
  const started = performance.now();
  do {
    for (let start = 0; start < texts.length; start += BATCH) {
      await embedder.embed(texts.slice(start, start + BATCH));
    }
    embedded += texts.length;
  } while (performance.now() - started < minSeconds * 1000);
  return (embedded * 1000) / (performance.now() - started);
}

async function main(): Promise<void> {
  const sentences = financialTrainingCorpus().sentences;
  const studentDir = join('models', 'embedder_student');
  const teacher = await UseLiteEmbedder.load({ batchSize: BATCH });
  const student = loadStudentEmbedder(studentDir);
  const onnx = await TransformersEmbedder.load(join(studentDir, STUDENT_TRANSFORMERS_FOLDER), { name: 'student-onnx' });
  const results = [
    { embedder: 'use-lite (teacher, tfjs wasm)', dim: teacher.dim, sentences: TEACHER_SENTENCES, perSecond: await sentencesPerSecond(teacher, sentences.slice(0, TEACHER_SENTENCES), 0) },
    { embedder: 'student (TypeScript)', dim: student.dim, sentences: sentences.length, perSecond: await sentencesPerSecond(student, sentences, 3) },
    { embedder: 'student-onnx (transformers.js)', dim: onnx.dim, sentences: sentences.length, perSecond: await sentencesPerSecond(onnx, sentences, 3) },
  ];
  teacher.dispose();
  onnx.dispose();
  const reference = results[0].perSecond;
  console.log(`| embedder | dim | sentences | sentences/s | vs teacher |\n|---|---|---|---|---|`);
  for (const r of results) console.log(`| ${r.embedder} | ${r.dim} | ${r.sentences} | ${r.perSecond.toFixed(0)} | ${(r.perSecond / reference).toFixed(1)}x |`);
  mkdirSync('tmp/bench', { recursive: true });
  writeFileSync('tmp/bench/embedding-throughput.json', `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
