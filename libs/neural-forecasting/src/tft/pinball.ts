import { tf } from '@tethys/tf-runtime';

/** Pinball (quantile) loss averaged over batch, steps and levels. predicted [B, H, Q], actual [B, H]. */
export function pinballLossTensor(predicted: tf.Tensor, actual: tf.Tensor, levels: readonly number[]): tf.Scalar {
  return tf.tidy(() => {
    const error = tf.sub(tf.expandDims(actual, -1), predicted);
    const tau = tf.tensor1d([...levels]);
    return tf.mean(tf.maximum(tf.mul(tau, error), tf.mul(tf.sub(tau, 1), error))) as tf.Scalar;
  });
}
