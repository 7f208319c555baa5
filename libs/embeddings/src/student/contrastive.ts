import { createRng } from '@tethys/data';
import { initTf, reportTrainingEpoch, seededShuffle, type InitTfOptions, type tf as TfNamespace } from '@tethys/tf-runtime';
import { EmbeddingError } from '../embedding-error';
import { checkPositiveInteger, zeroSpecialRows } from './distill';
import type { StaticEmbeddingModel } from './static-model';
import { batchesOf, bagOfTokens, l2NormalizeRows, meanPool, wordTokenIds } from './tf-pooling';

/** Two texts that should embed close together (a headline and its story, a query and its answer). */
export interface PositivePair {
  readonly anchor: string;
  readonly positive: string;
}

export interface ContrastiveOptions {
  readonly epochs?: number;
  /** Pairs per batch; the other pairs in a batch are the negatives. Default 16. */
  readonly batchSize?: number;
  /** Softmax temperature on cosine similarities. Default 0.05. */
  readonly temperature?: number;
  /** Adam learning rate. Default 0.001. */
  readonly learningRate?: number;
  /** Orders the batches. */
  readonly seed: number;
  readonly tfOptions?: InitTfOptions;
}

export interface ContrastiveResult {
  readonly model: StaticEmbeddingModel;
  /** Mean symmetric InfoNCE loss of each epoch (over its batches, weighted by batch size). */
  readonly epochLosses: number[];
}

/**
 * Contrastive fine-tuning of the token table with in-batch negatives: for a
 * batch of pairs, the cosine-similarity matrix between anchors and positives
 * divided by the temperature is scored with cross-entropy towards the diagonal,
 * both ways (anchor -> positive and positive -> anchor), averaged. Returns a new
 * model; the input model is unchanged. Deterministic for the same seed and inputs.
 */
export async function fineTuneContrastive(
  model: StaticEmbeddingModel,
  pairs: readonly PositivePair[],
  options: ContrastiveOptions,
): Promise<ContrastiveResult> {
  const epochs = options.epochs ?? 3;
  const batchSize = options.batchSize ?? 16;
  const temperature = options.temperature ?? 0.05;
  const learningRate = options.learningRate ?? 0.001;
  checkPositiveInteger('epochs', epochs);
  checkPositiveInteger('batchSize', batchSize);
  if (batchSize < 2) throw new EmbeddingError('BAD_PARAMETER', 'batchSize must be >= 2: in-batch negatives need another pair');
  if (!(temperature > 0)) throw new EmbeddingError('BAD_PARAMETER', `temperature must be > 0, got ${temperature}`);
  if (!(learningRate > 0)) throw new EmbeddingError('BAD_PARAMETER', `learningRate must be > 0, got ${learningRate}`);
  if (pairs.length < 2) throw new EmbeddingError('BAD_PARAMETER', `fineTuneContrastive needs at least 2 pairs, got ${pairs.length}`);

  const encode = (text: string, index: number, side: keyof PositivePair): Int32Array => {
    const ids = wordTokenIds(model.tokenizer.encode(text));
    if (ids.length === 0) throw new EmbeddingError('EMPTY_TEXT', `pair ${index} ${side} has no token in the student vocabulary: ${JSON.stringify(text.slice(0, 40))}`);
    return ids;
  };
  const anchors = pairs.map((pair, index) => encode(pair.anchor, index, 'anchor'));
  const positives = pairs.map((pair, index) => encode(pair.positive, index, 'positive'));

  const { tf } = await initTf(options.tfOptions ?? {});
  const table = tf.variable(tf.tensor2d(model.table, [model.vocabSize, model.dim]), true, 'student_table');
  const optimizer = tf.train.adam(learningRate);
  try {
    const batchLoss = (indices: Int32Array): TfNamespace.Scalar => {
      const a = l2NormalizeRows(tf, meanPool(tf, table, bagOfTokens(Array.from(indices, (i) => anchors[i]), model.vocabSize)));
      const p = l2NormalizeRows(tf, meanPool(tf, table, bagOfTokens(Array.from(indices, (i) => positives[i]), model.vocabSize)));
      const logits = tf.div(tf.matMul(a, p, false, true), temperature) as TfNamespace.Tensor2D;
      const labels = tf.eye(indices.length);
      const forward = tf.losses.softmaxCrossEntropy(labels, logits);
      const backward = tf.losses.softmaxCrossEntropy(labels, tf.transpose(logits));
      return tf.div(tf.add(forward, backward), 2) as TfNamespace.Scalar;
    };
    const rng = createRng(options.seed).fork('fine-tune-contrastive:batches');
    const epochLosses: number[] = [];
    for (let epoch = 0; epoch < epochs; epoch += 1) {
      let sum = 0;
      let count = 0;
      for (const indices of batchesOf(seededShuffle(pairs.length, rng), batchSize)) {
        if (indices.length < 2) continue; // a lone last pair has no negative to learn from
        const loss = optimizer.minimize(() => batchLoss(indices), true, [table]);
        sum += (loss?.dataSync()[0] ?? 0) * indices.length;
        count += indices.length;
        loss?.dispose();
      }
      epochLosses.push(sum / count);
      reportTrainingEpoch({ model: 'student-contrastive', epoch: epoch + 1, epochs, trainLoss: sum / count, validationLoss: null });
    }
    const tuned = zeroSpecialRows(Float32Array.from(table.dataSync()), model.dim);
    return { model: model.withTable(tuned), epochLosses };
  } finally {
    optimizer.dispose();
    table.dispose();
  }
}
