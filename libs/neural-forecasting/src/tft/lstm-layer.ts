import { tf } from '@tethys/tf-runtime';
import { linear } from './tensor-ops';
import { lastDim, shapeList, tensorList, TftLayer, type LayerVariable, type Shape, type Tensor, type TftLayerArgs } from './tft-layer';

export interface LstmLayerArgs extends TftLayerArgs {
  units: number;
}

export interface LstmResult {
  /** Hidden state at every step: [B, T, units]. */
  sequence: Tensor;
  hidden: Tensor;
  cell: Tensor;
}

/**
 * A plain LSTM unrolled with tf ops. Written here rather than using
 * tf.layers.lstm because the TFT seeds the encoder with static states and
 * hands the encoder's final state to the decoder inside one layer, which
 * tfjs's RNN layer cannot do outside a functional graph.
 * Input: [x [B, T, in], h0 [B, units], c0 [B, units]]; `call` returns [sequence, h, c].
 */
export class LstmLayer extends TftLayer {
  static readonly className = 'TftLstm';
  readonly units: number;
  private w!: Record<string, LayerVariable>;

  constructor(args: LstmLayerArgs) {
    super(args);
    this.units = args.units;
  }

  override build(inputShape: Shape | Shape[]): void {
    const inSize = lastDim(shapeList(inputShape)[0]);
    const d = this.units;
    this.w = {
      kernel: this.weight('kernel', [inSize, 4 * d], 'glorot'),
      recurrent: this.weight('recurrent_kernel', [d, 4 * d], 'orthogonal'),
      bias: this.weight('bias', [4 * d], 'zeros'),
    };
    // Forget-gate bias 1 (Jozefowicz et al. 2015), gates ordered i, f, g, o.
    const bias = new Float32Array(4 * d);
    bias.fill(1, d, 2 * d);
    // write() shares the data with the variable, so the source tensor can go at once (it leaked before).
    const initial = tf.tensor1d(bias);
    this.w.bias.write(initial);
    initial.dispose();
    this.built = true;
  }

  forward(x: Tensor, hidden0: Tensor, cell0: Tensor): LstmResult {
    return tf.tidy(() => {
      const steps = x.shape[1] ?? 0;
      const inputs = linear(x, this.w.kernel.read(), this.w.bias.read()); // [B, T, 4d]
      const recurrent = this.w.recurrent.read();
      let hidden = hidden0;
      let cell = cell0;
      const outputs: Tensor[] = [];
      for (let t = 0; t < steps; t++) {
        const z = tf.add(tf.squeeze(tf.slice(inputs, [0, t, 0], [-1, 1, -1]), [1]), tf.matMul(hidden as tf.Tensor2D, recurrent as tf.Tensor2D));
        const [i, f, g, o] = tf.split(z, 4, -1);
        cell = tf.add(tf.mul(tf.sigmoid(f), cell), tf.mul(tf.sigmoid(i), tf.tanh(g)));
        hidden = tf.mul(tf.sigmoid(o), tf.tanh(cell));
        outputs.push(hidden);
      }
      return { sequence: tf.stack(outputs, 1), hidden, cell };
    });
  }

  override call(inputs: Tensor | Tensor[]): Tensor[] {
    const [x, h0, c0] = tensorList(inputs);
    const { sequence, hidden, cell } = this.forward(x, h0, c0);
    return [sequence, hidden, cell];
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape[] {
    const [batch, steps] = shapeList(inputShape)[0];
    return [
      [batch, steps, this.units],
      [batch, this.units],
      [batch, this.units],
    ];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(LstmLayer);
