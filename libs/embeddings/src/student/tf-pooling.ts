import type { tf as TfNamespace } from '@tethys/tf-runtime';
import { FIRST_WORD_ID } from './wordpiece-tokenizer';

type Tf = typeof TfNamespace;

/**
 * A batch of tokenised sentences as a bag-of-tokens matrix: `weights[b * vocabSize + v]`
 * is (count of token v in sentence b) / (word tokens in sentence b), so
 * `weights · table` is each sentence's mean row. tfjs-wasm has no
 * UnsortedSegmentSum (the gradient of Gather), so pooling is a dense matMul.
 */
export interface BagOfTokens {
  readonly weights: Float32Array;
  readonly size: number;
  readonly vocabSize: number;
}

/** Word-token ids only (special tokens never count in a sentence vector). */
export function wordTokenIds(ids: Int32Array): Int32Array {
  return ids.filter((id) => id >= FIRST_WORD_ID);
}

/** Mean-pooling weights for sentences that each have at least one word token. */
export function bagOfTokens(sentences: readonly Int32Array[], vocabSize: number): BagOfTokens {
  const weights = new Float32Array(sentences.length * vocabSize);
  sentences.forEach((sentence, index) => {
    const share = 1 / sentence.length;
    const base = index * vocabSize;
    for (const id of sentence) weights[base + id] += share;
  });
  return { weights, size: sentences.length, vocabSize };
}

/** Mean of each sentence's rows of `table` ([V, dim]) -> [size, dim]; differentiable with respect to the table. */
export function meanPool(tf: Tf, table: TfNamespace.Tensor2D, batch: BagOfTokens): TfNamespace.Tensor2D {
  return tf.tidy(() => tf.matMul(tf.tensor2d(batch.weights, [batch.size, batch.vocabSize]), table));
}

/** Row-wise L2 normalisation with a small floor, so a zero row stays finite. */
export function l2NormalizeRows(tf: Tf, x: TfNamespace.Tensor2D): TfNamespace.Tensor2D {
  return tf.tidy(() => tf.div(x, tf.sqrt(tf.add(tf.sum(tf.square(x), 1, true), 1e-12))) as TfNamespace.Tensor2D);
}

/** Consecutive slices of `order`, each at most `batchSize` long. */
export function batchesOf(order: Int32Array, batchSize: number): Int32Array[] {
  const batches: Int32Array[] = [];
  for (let start = 0; start < order.length; start += batchSize) batches.push(order.subarray(start, start + batchSize));
  return batches;
}
