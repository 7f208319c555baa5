import { tf } from '@tethys/tf-runtime';

type Tensor = tf.Tensor;

/** x·W + b over the last axis, for inputs of any rank (tf.matMul wants rank 2 here). */
export function linear(x: Tensor, kernel: Tensor, bias?: Tensor): Tensor {
  const inSize = x.shape[x.rank - 1];
  const outSize = kernel.shape[1] ?? 0;
  const flat = tf.matMul(tf.reshape(x, [-1, inSize]), kernel as tf.Tensor2D);
  const projected = tf.reshape(flat, [...x.shape.slice(0, -1), outSize]);
  return bias === undefined ? projected : tf.add(projected, bias);
}

/** Layer normalisation over the last axis (epsilon as in Keras). */
export function layerNorm(x: Tensor, gamma: Tensor, beta: Tensor, epsilon = 1e-3): Tensor {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, epsilon))), gamma), beta);
}

/** Gated linear unit: σ(x·W4 + b4) ⊙ (x·W5 + b5). */
export function gatedLinearUnit(x: Tensor, gateKernel: Tensor, gateBias: Tensor, valueKernel: Tensor, valueBias: Tensor): Tensor {
  return tf.mul(tf.sigmoid(linear(x, gateKernel, gateBias)), linear(x, valueKernel, valueBias));
}

/** A rank-2 context [B, C] lined up with a rank-3 input [B, T, *] (broadcast over time). */
export function alignContext(context: Tensor, inputRank: number): Tensor {
  return inputRank === 3 && context.rank === 2 ? tf.expandDims(context, 1) : context;
}
