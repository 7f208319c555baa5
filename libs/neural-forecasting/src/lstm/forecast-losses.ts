import { tf } from '@tethys/tf-runtime';

/** Mean squared error per window: targets and predictions are [batch, horizon]. */
export function meanSquaredError(targets: tf.Tensor, predictions: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mean(tf.square(tf.sub(predictions, targets)), -1));
}

/**
 * Pinball (quantile) loss averaged over steps and levels, per window.
 * Both tensors are [batch, horizon, levels.length]: the target is repeated
 * along the last axis, because tfjs checks that targets match the output's shape.
 */
export function pinballLossFunction(levels: readonly number[]): (targets: tf.Tensor, predictions: tf.Tensor) => tf.Tensor {
  return (targets, predictions) =>
    tf.tidy(() => {
      const tau = tf.tensor1d(levels as number[]);
      const error = tf.sub(targets, predictions);
      const loss = tf.maximum(tf.mul(tau, error), tf.mul(tf.sub(tau, 1), error));
      return tf.mean(tf.reshape(loss, [loss.shape[0], -1]), -1);
    });
}
