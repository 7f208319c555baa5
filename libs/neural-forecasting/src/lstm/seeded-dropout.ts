import { tf } from '@tethys/tf-runtime';

export interface SeededDropoutArgs {
  rate: number;
  seed: number;
  name?: string;
}

/**
 * Inverted dropout whose masks come from `seed` plus a call counter. tfjs's
 * Dropout with a fixed seed draws the same mask at every step, and without
 * one draws from Math.random; this gives fresh yet reproducible masks.
 * Identity at inference (tfjs passes `training: true` only while training).
 */
export class SeededDropout extends tf.layers.Layer {
  static readonly className = 'TethysSeededDropout';
  readonly rate: number;
  readonly seed: number;
  private calls = 0;

  constructor(args: SeededDropoutArgs) {
    super({ name: args.name });
    this.rate = args.rate;
    this.seed = args.seed;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const input = Array.isArray(inputs) ? inputs[0] : inputs;
    if (kwargs['training'] !== true || this.rate === 0) return input;
    this.calls += 1;
    return tf.dropout(input, this.rate, undefined, this.seed + this.calls);
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed };
  }
}

tf.serialization.registerClass(SeededDropout);
