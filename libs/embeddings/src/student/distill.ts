import { createRng } from '@tethys/data';
import { initTf, reportTrainingEpoch, seededShuffle, type InitTfOptions, type tf as TfNamespace } from '@tethys/tf-runtime';
import type { Embedder } from '../embedder';
import { EmbeddingError } from '../embedding-error';
import { projectOnAxes } from '../compression/estimator-support';
import { principalComponents } from '../stats/principal-components';
import { StaticEmbeddingModel } from './static-model';
import { teacherVectors } from './teacher-vectors';
import { batchesOf, bagOfTokens, l2NormalizeRows, meanPool, wordTokenIds } from './tf-pooling';
import { CONTINUATION_PREFIX, FIRST_WORD_ID, WordPieceTokenizer } from './wordpiece-tokenizer';

type Tf = typeof TfNamespace;

export type TokenWeighting = 'sif' | 'none';

export interface DistillOptions {
  readonly teacher: Embedder;
  /** Sentences whose teacher vectors the student learns to reproduce. */
  readonly corpus: readonly string[];
  /** A student vocabulary (`buildWordPieceVocab`). */
  readonly vocab: readonly string[];
  /** Student vector length (at most the teacher's). */
  readonly dim: number;
  /** Orders the training batches; everything else is deterministic. */
  readonly seed: number;
  /** Passes over the corpus; 0 keeps the Model2Vec start. Default 10. */
  readonly epochs?: number;
  readonly batchSize?: number;
  /** Adam learning rate. Default 0.005. */
  readonly learningRate?: number;
  /** 'sif' scales each starting row by a / (a + p(token)) (p: its corpus frequency), so frequent tokens weigh less. Default 'sif'. */
  readonly weighting?: TokenWeighting;
  /** The SIF constant a. Default 1e-3. */
  readonly sifA?: number;
  /** Texts per teacher call. Default 64. */
  readonly teacherBatchSize?: number;
  /** How tfjs starts (backend choice, log line). */
  readonly tfOptions?: InitTfOptions;
}

export interface DistillResult {
  /** The trained student. */
  readonly model: StaticEmbeddingModel;
  /** The Model2Vec start (teacher token vectors, PCA, weighting) before any training. */
  readonly initialModel: StaticEmbeddingModel;
  /** Mean cosine loss 1 - cos(student W + b, teacher) over the usable corpus, before and after training. */
  readonly lossBefore: number;
  readonly lossAfter: number;
  readonly epochLosses: number[];
  /** Corpus sentences trained on (those with at least one word token that the teacher embeds). */
  readonly sentencesUsed: number;
  /** Vocabulary tokens the teacher refused (punctuation for a word-level teacher); their rows start at zero. */
  readonly tokensWithoutTeacherVector: number;
  /** Share of the token vectors' variance the PCA start keeps. */
  readonly explainedVariance: number;
}

/**
 * Distils a teacher sentence embedder into static token embeddings.
 * 1. Model2Vec start: embed every vocabulary token with the teacher, reduce to
 *    `dim` with PCA, optionally SIF-weight by corpus frequency.
 * 2. Regression in tfjs: train the table, and an affine map into teacher space
 *    (started at the PCA back-projection; used only by the loss), so that each
 *    corpus sentence's mean-pooled student vector points where the teacher's does.
 * Same inputs and seed give a byte-identical table (on the same tfjs backend).
 */
export async function distillStaticEmbedder(options: DistillOptions): Promise<DistillResult> {
  const epochs = options.epochs ?? 10;
  const batchSize = options.batchSize ?? 32;
  const learningRate = options.learningRate ?? 0.005;
  const sifA = options.sifA ?? 1e-3;
  checkPositiveInteger('batchSize', batchSize);
  if (!Number.isInteger(epochs) || epochs < 0) throw new EmbeddingError('BAD_PARAMETER', `epochs must be an integer >= 0, got ${epochs}`);
  if (!(learningRate > 0)) throw new EmbeddingError('BAD_PARAMETER', `learningRate must be > 0, got ${learningRate}`);
  if (!(sifA > 0)) throw new EmbeddingError('BAD_PARAMETER', `sifA must be > 0, got ${sifA}`);
  // Checked before any teacher work, which takes minutes with USE-lite.
  checkPositiveInteger('dim', options.dim);
  if (options.dim > options.teacher.dim) {
    throw new EmbeddingError('BAD_PARAMETER', `dim ${options.dim} exceeds the teacher's dimension ${options.teacher.dim}`);
  }
  const weighting = options.weighting ?? 'sif';
  if (weighting !== 'sif' && weighting !== 'none') throw new EmbeddingError('BAD_PARAMETER', `weighting must be 'sif' or 'none', got ${String(weighting)}`);

  const tokenizer = new WordPieceTokenizer(options.vocab);
  const { teacher, dim } = options;
  const vocabSize = tokenizer.size;

  // Corpus: word-token ids and teacher targets, keeping only sentences both sides can embed.
  const candidates = options.corpus.map((text) => ({ text, ids: wordTokenIds(tokenizer.encode(text)) }));
  const usable = candidates.filter((sentence) => sentence.text.trim() !== '' && sentence.ids.length > 0);
  const targets = await teacherVectors(teacher, usable.map((sentence) => sentence.text), options.teacherBatchSize ?? 64);
  const sentences: Int32Array[] = [];
  const targetRows: Float32Array[] = [];
  usable.forEach((sentence, index) => {
    const target = targets[index];
    if (target === null) return;
    sentences.push(sentence.ids);
    targetRows.push(target);
  });
  if (sentences.length === 0) throw new EmbeddingError('BAD_PARAMETER', 'corpus has no sentence with a word token the teacher can embed');

  const start = await model2VecStart(options, tokenizer, sentences, sifA);
  const { tf } = await initTf(options.tfOptions ?? {});
  const teacherDim = teacher.dim;
  const table = tf.variable(tf.tensor2d(start.table, [vocabSize, dim]), true, 'student_table');
  // Back-projection of the PCA (components^T, then the mean) maps student space to teacher space.
  const projection = tf.variable(tf.tensor2d(Float32Array.from(start.components), [dim, teacherDim]), true, 'student_projection');
  const bias = tf.variable(tf.tensor1d(Float32Array.from(start.mean)), true, 'student_bias');
  const targetTensor = tf.tensor2d(concatRows(targetRows, teacherDim), [targetRows.length, teacherDim]);
  const optimizer = tf.train.adam(learningRate);
  try {
    const batchLoss = (indices: Int32Array): TfNamespace.Scalar => {
      const pooled = meanPool(tf, table, bagOfTokens(Array.from(indices, (i) => sentences[i]), vocabSize));
      const predicted = l2NormalizeRows(tf, tf.add(tf.matMul(pooled, projection), bias) as TfNamespace.Tensor2D);
      const wanted = tf.gather(targetTensor, tf.tensor1d(indices, 'int32')) as TfNamespace.Tensor2D;
      return tf.sub(1, tf.mean(tf.sum(tf.mul(predicted, l2NormalizeRows(tf, wanted)), 1))) as TfNamespace.Scalar;
    };
    const everyBatch = batchesOf(Int32Array.from(sentences.keys()), Math.max(batchSize, 256));
    const corpusLoss = (): number => weightedMeanLoss(tf, everyBatch, batchLoss);

    const lossBefore = corpusLoss();
    const rng = createRng(options.seed).fork('distill-static-embedder:batches');
    const epochLosses: number[] = [];
    for (let epoch = 0; epoch < epochs; epoch += 1) {
      let sum = 0;
      for (const indices of batchesOf(seededShuffle(sentences.length, rng), batchSize)) {
        const loss = optimizer.minimize(() => batchLoss(indices), true, [table, projection, bias]);
        sum += (loss?.dataSync()[0] ?? 0) * indices.length;
        loss?.dispose();
      }
      epochLosses.push(sum / sentences.length);
      reportTrainingEpoch({ model: 'student-distill', epoch: epoch + 1, epochs, trainLoss: sum / sentences.length, validationLoss: null });
    }
    const lossAfter = corpusLoss();
    const trained = zeroSpecialRows(Float32Array.from(table.dataSync()), dim);
    return {
      model: new StaticEmbeddingModel(options.vocab, dim, trained),
      initialModel: new StaticEmbeddingModel(options.vocab, dim, start.table),
      lossBefore,
      lossAfter,
      epochLosses,
      sentencesUsed: sentences.length,
      tokensWithoutTeacherVector: start.refused,
      explainedVariance: start.explainedVariance,
    };
  } finally {
    optimizer.dispose();
    tf.dispose([table, projection, bias, targetTensor]);
  }
}

interface Model2VecStart {
  table: Float32Array;
  components: Float64Array;
  mean: Float64Array;
  refused: number;
  explainedVariance: number;
}

async function model2VecStart(options: DistillOptions, tokenizer: WordPieceTokenizer, sentences: readonly Int32Array[], sifA: number): Promise<Model2VecStart> {
  const { dim } = options;
  const words = tokenizer.vocab.slice(FIRST_WORD_ID);
  // A `##ing` piece is embedded as the text `ing`: the teacher has never seen the marker.
  const texts = words.map((token) => (token.startsWith(CONTINUATION_PREFIX) ? token.slice(CONTINUATION_PREFIX.length) : token));
  const vectors = await teacherVectors(options.teacher, texts, options.teacherBatchSize ?? 64);
  const embedded = vectors.filter((vector): vector is Float32Array => vector !== null);
  if (embedded.length < 2) throw new EmbeddingError('BAD_PARAMETER', `the teacher embedded ${embedded.length} vocabulary tokens; PCA needs at least 2`);
  const pca = principalComponents(embedded, dim, 'distillStaticEmbedder: teacher vectors of the vocabulary');

  const weights = tokenWeights(options.weighting ?? 'sif', tokenizer.size, sentences, sifA);
  const table = new Float32Array(tokenizer.size * dim);
  vectors.forEach((vector, index) => {
    if (vector === null) return;
    const id = index + FIRST_WORD_ID;
    const row = projectOnAxes(vector, pca.mean, pca.axes);
    for (let d = 0; d < dim; d += 1) table[id * dim + d] = row[d] * weights[id];
  });
  const kept = pca.variances.slice(0, dim).reduce((sum, value) => sum + value, 0);
  return {
    table,
    components: concatAxes(pca.axes),
    mean: pca.mean,
    refused: vectors.length - embedded.length,
    explainedVariance: pca.totalVariance > 0 ? kept / pca.totalVariance : 0,
  };
}

/** SIF weights a / (a + p(token)), p the token's share of all corpus word tokens; 1 for 'none'. */
function tokenWeights(weighting: TokenWeighting, vocabSize: number, sentences: readonly Int32Array[], sifA: number): Float64Array {
  const weights = new Float64Array(vocabSize).fill(1);
  if (weighting === 'none') return weights;
  const counts = new Float64Array(vocabSize);
  let total = 0;
  for (const ids of sentences) {
    for (const id of ids) counts[id] += 1;
    total += ids.length;
  }
  for (let id = 0; id < vocabSize; id += 1) weights[id] = sifA / (sifA + counts[id] / total);
  return weights;
}

/** The principal axes as one row-major [axes, inputDim] matrix (the back-projection the loss starts from). */
function concatAxes(axes: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(axes.length * (axes[0]?.length ?? 0));
  axes.forEach((axis, k) => out.set(axis, k * axis.length));
  return out;
}

function weightedMeanLoss(tf: Tf, batches: readonly Int32Array[], batchLoss: (indices: Int32Array) => TfNamespace.Scalar): number {
  let sum = 0;
  let count = 0;
  for (const indices of batches) {
    const loss = tf.tidy(() => batchLoss(indices));
    sum += loss.dataSync()[0] * indices.length;
    count += indices.length;
    loss.dispose();
  }
  return sum / count;
}

function concatRows(rows: readonly Float32Array[], width: number): Float32Array {
  const out = new Float32Array(rows.length * width);
  rows.forEach((row, index) => out.set(row, index * width));
  return out;
}

/** Special-token rows never count in a sentence vector; keep them exactly zero in what is saved and exported. */
export function zeroSpecialRows(table: Float32Array, dim: number): Float32Array {
  table.fill(0, 0, FIRST_WORD_ID * dim);
  return table;
}

export function checkPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new EmbeddingError('BAD_PARAMETER', `${name} must be a positive integer, got ${value}`);
}
