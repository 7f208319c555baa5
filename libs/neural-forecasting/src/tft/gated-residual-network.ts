import { tf } from '@tethys/tf-runtime';
import { alignContext, gatedLinearUnit, layerNorm, linear } from './tensor-ops';
import { isTraining, lastDim, shapeList, tensorList, TftLayer, type LayerVariable, type Shape, type Tensor, type TftLayerArgs } from './tft-layer';

export interface GatedResidualNetworkArgs extends TftLayerArgs {
  /** Width of the hidden layer. */
  units: number;
  /** Width of the output; default units. */
  outputSize?: number;
  /** Whether a second input (a static context vector) is fed into the hidden layer. */
  useContext?: boolean;
}

/**
 * GRN (Lim et al. 2021, eq. 2-5): η2 = ELU(W2·a + W3·c + b2), η1 = W1·η2 + b1,
 * output = LayerNorm(skip(a) + GLU(η1)), where skip is the identity when the
 * input and output widths agree and a linear projection otherwise.
 * Input: a [B, (T,) in], or [a, c] with c [B, ctx] when useContext.
 */
export class GatedResidualNetwork extends TftLayer {
  static readonly className = 'TftGatedResidualNetwork';
  readonly units: number;
  readonly outputSize: number;
  readonly useContext: boolean;
  private w!: Record<string, LayerVariable>;

  constructor(args: GatedResidualNetworkArgs) {
    super(args);
    this.units = args.units;
    this.outputSize = args.outputSize ?? args.units;
    this.useContext = args.useContext ?? false;
  }

  override build(inputShape: Shape | Shape[]): void {
    const shapes = shapeList(inputShape);
    const inSize = lastDim(shapes[0]);
    const { units, outputSize } = this;
    this.w = {
      hiddenKernel: this.weight('hidden_kernel', [inSize, units], 'glorot'),
      hiddenBias: this.weight('hidden_bias', [units], 'zeros'),
      outKernel: this.weight('out_kernel', [units, units], 'glorot'),
      outBias: this.weight('out_bias', [units], 'zeros'),
      gateKernel: this.weight('gate_kernel', [units, outputSize], 'glorot'),
      gateBias: this.weight('gate_bias', [outputSize], 'zeros'),
      valueKernel: this.weight('value_kernel', [units, outputSize], 'glorot'),
      valueBias: this.weight('value_bias', [outputSize], 'zeros'),
      gamma: this.weight('norm_gamma', [outputSize], 'ones'),
      beta: this.weight('norm_beta', [outputSize], 'zeros'),
    };
    if (this.useContext) {
      if (shapes.length < 2) throw new Error(`${this.name}: useContext needs a second (context) input`);
      this.w.contextKernel = this.weight('context_kernel', [lastDim(shapes[1]), units], 'glorot');
    }
    if (inSize !== outputSize) {
      this.w.skipKernel = this.weight('skip_kernel', [inSize, outputSize], 'glorot');
      this.w.skipBias = this.weight('skip_bias', [outputSize], 'zeros');
    }
    this.built = true;
  }

  /** The GRN on concrete tensors (used by the blocks that contain GRNs). */
  forward(x: Tensor, context: Tensor | undefined, training: boolean): Tensor {
    return tf.tidy(() => {
      const w = this.w;
      let hidden = linear(x, w.hiddenKernel.read(), w.hiddenBias.read());
      if (this.useContext) {
        if (context === undefined) throw new Error(`${this.name}: a context input is required`);
        hidden = tf.add(hidden, alignContext(linear(context, w.contextKernel.read()), x.rank));
      }
      const eta2 = tf.elu(hidden);
      const eta1 = this.dropout(linear(eta2, w.outKernel.read(), w.outBias.read()), training);
      const gated = gatedLinearUnit(eta1, w.gateKernel.read(), w.gateBias.read(), w.valueKernel.read(), w.valueBias.read());
      const skip = w.skipKernel === undefined ? x : linear(x, w.skipKernel.read(), w.skipBias.read());
      return layerNorm(tf.add(skip, gated), w.gamma.read(), w.beta.read());
    });
  }

  override call(inputs: Tensor | Tensor[], kwargs: Record<string, unknown>): Tensor {
    const [x, context] = tensorList(inputs);
    return this.forward(x, context, isTraining(kwargs));
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return [...shapeList(inputShape)[0].slice(0, -1), this.outputSize];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units, outputSize: this.outputSize, useContext: this.useContext };
  }
}
tf.serialization.registerClass(GatedResidualNetwork);

export interface GateAddNormArgs extends TftLayerArgs {
  units: number;
}

/**
 * The gated skip connection used after the LSTM, the attention and the
 * position-wise GRN: LayerNorm(skip + GLU(dropout(x))). Input: [x, skip].
 */
export class GateAddNorm extends TftLayer {
  static readonly className = 'TftGateAddNorm';
  readonly units: number;
  private w!: Record<string, LayerVariable>;

  constructor(args: GateAddNormArgs) {
    super(args);
    this.units = args.units;
  }

  override build(inputShape: Shape | Shape[]): void {
    const inSize = lastDim(shapeList(inputShape)[0]);
    this.w = {
      gateKernel: this.weight('gate_kernel', [inSize, this.units], 'glorot'),
      gateBias: this.weight('gate_bias', [this.units], 'zeros'),
      valueKernel: this.weight('value_kernel', [inSize, this.units], 'glorot'),
      valueBias: this.weight('value_bias', [this.units], 'zeros'),
      gamma: this.weight('norm_gamma', [this.units], 'ones'),
      beta: this.weight('norm_beta', [this.units], 'zeros'),
    };
    this.built = true;
  }

  forward(x: Tensor, skip: Tensor, training: boolean): Tensor {
    return tf.tidy(() => {
      const w = this.w;
      const gated = gatedLinearUnit(this.dropout(x, training), w.gateKernel.read(), w.gateBias.read(), w.valueKernel.read(), w.valueBias.read());
      return layerNorm(tf.add(skip, gated), w.gamma.read(), w.beta.read());
    });
  }

  override call(inputs: Tensor | Tensor[], kwargs: Record<string, unknown>): Tensor {
    const [x, skip] = tensorList(inputs);
    return this.forward(x, skip, isTraining(kwargs));
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return [...shapeList(inputShape)[0].slice(0, -1), this.units];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(GateAddNorm);
