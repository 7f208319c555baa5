import { tf } from '@tethys/tf-runtime';

/**
 * Training loss on [batch, channels * horizon] predictions (channel-major)
 * against [batch, horizon] targets: the squared error of the point channel
 * plus, with quantile channels, the pinball loss averaged over quantiles and steps.
 */
export function nbeatsLoss(predicted: tf.Tensor2D, target: tf.Tensor2D, levels: readonly number[]): tf.Scalar {
  return tf.tidy(() => {
    const [batch, horizon] = target.shape;
    const point = tf.slice(predicted, [0, 0], [batch, horizon]);
    const squared = tf.mean(tf.square(tf.sub(target, point)));
    if (levels.length === 0) return squared as tf.Scalar;
    const quantiles = tf.reshape(tf.slice(predicted, [0, horizon], [batch, levels.length * horizon]), [batch, levels.length, horizon]);
    const error = tf.sub(tf.expandDims(target, 1), quantiles);
    const tau = tf.tensor3d(Float32Array.from(levels), [1, levels.length, 1]);
    const pinball = tf.mean(tf.maximum(tf.mul(tau, error), tf.mul(tf.sub(tau, 1), error)));
    return tf.add(squared, pinball) as tf.Scalar;
  });
}
