import { tf } from '@tethys/tf-runtime';

export interface MonotoneQuantileHeadArgs {
  horizon: number;
  quantiles: number;
  name?: string;
}

/**
 * Turns `horizon * quantiles` raw outputs into quantiles that cannot cross:
 * per step, the lowest level is the raw value and each next level adds a
 * softplus (so non-negative) increment. Output shape [batch, horizon, quantiles].
 */
export class MonotoneQuantileHead extends tf.layers.Layer {
  static readonly className = 'TethysMonotoneQuantileHead';
  readonly horizon: number;
  readonly quantiles: number;

  constructor(args: MonotoneQuantileHeadArgs) {
    super({ name: args.name });
    this.horizon = args.horizon;
    this.quantiles = args.quantiles;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const input = Array.isArray(inputs) ? inputs[0] : inputs;
      const raw = tf.reshape(input, [-1, this.horizon, this.quantiles]);
      if (this.quantiles === 1) return raw;
      const base = tf.slice(raw, [0, 0, 0], [-1, -1, 1]);
      const increments = tf.softplus(tf.slice(raw, [0, 0, 1], [-1, -1, -1]));
      return tf.concat([base, tf.add(base, tf.cumsum(increments, 2))], 2);
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [shape[0], this.horizon, this.quantiles];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), horizon: this.horizon, quantiles: this.quantiles };
  }
}

tf.serialization.registerClass(MonotoneQuantileHead);
