import { tf } from '@tethys/tf-runtime';
import { linear } from './tensor-ops';
import { lastDim, shapeList, tensorList, TftLayer, type LayerVariable, type Shape, type Tensor, type TftLayerArgs } from './tft-layer';

export interface QuantileHeadArgs extends TftLayerArgs {
  quantileCount: number;
}

/**
 * Quantile outputs that cannot cross: the lowest level is a free linear
 * output and each higher level adds softplus(·) ≥ 0 to the one below
 * (a cumulative sum of increments). Input [B, H, d] -> [B, H, Q], levels ascending.
 */
export class QuantileHead extends TftLayer {
  static readonly className = 'TftQuantileHead';
  readonly quantileCount: number;
  private kernel!: LayerVariable;
  private bias!: LayerVariable;

  constructor(args: QuantileHeadArgs) {
    super(args);
    this.quantileCount = args.quantileCount;
  }

  override build(inputShape: Shape | Shape[]): void {
    this.kernel = this.weight('kernel', [lastDim(shapeList(inputShape)[0]), this.quantileCount], 'glorot');
    this.bias = this.weight('bias', [this.quantileCount], 'zeros');
    this.built = true;
  }

  forward(x: Tensor): Tensor {
    return tf.tidy(() => {
      const raw = linear(x, this.kernel.read(), this.bias.read());
      if (this.quantileCount === 1) return raw;
      const last = raw.rank - 1;
      const [base, rest] = tf.split(raw, [1, this.quantileCount - 1], last);
      return tf.concat([base, tf.add(base, tf.cumsum(tf.softplus(rest), last))], last);
    });
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    return this.forward(tensorList(inputs)[0]);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return [...shapeList(inputShape)[0].slice(0, -1), this.quantileCount];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), quantileCount: this.quantileCount };
  }
}
tf.serialization.registerClass(QuantileHead);
