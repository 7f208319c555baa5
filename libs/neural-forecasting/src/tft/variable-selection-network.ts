import { tf } from '@tethys/tf-runtime';
import { GatedResidualNetwork } from './gated-residual-network';
import { layerNorm } from './tensor-ops';
import { isTraining, lastDim, shapeList, tensorList, TftLayer, type LayerVariable, type Shape, type Tensor, type TftLayerArgs } from './tft-layer';

export interface VariableSelectionNetworkArgs extends TftLayerArgs {
  /** Width of each variable's embedding and of the output. */
  units: number;
  /** Whether a static context [B, ctx] steers the selection weights. */
  useContext?: boolean;
}

export interface VariableSelection {
  /** Σ_j v_j · GRN_j(ξ_j): [B, (T,) units]. */
  selected: Tensor;
  /** Softmax selection weights v: [B, (T,) m], summing to 1 over the variables. */
  weights: Tensor;
}

/**
 * Variable selection (Lim et al. 2021, eq. 6-8). Each of the m real inputs is
 * embedded linearly (ξ_j = x_j·e_j + b_j), processed by its own GRN (weights
 * stacked per variable), and the
 * results are mixed with softmax weights from a GRN over all embeddings
 * flattened (plus the static context when given).
 * Input: x [B, (T,) m], or [x, c]. Output of `call`: [selected, weights].
 */
export class VariableSelectionNetwork extends TftLayer {
  static readonly className = 'TftVariableSelectionNetwork';
  readonly units: number;
  readonly useContext: boolean;
  private variableCount = 0;
  private embedKernel!: LayerVariable;
  private embedBias!: LayerVariable;
  private weightNetwork!: GatedResidualNetwork;
  private variableWeights!: Record<string, LayerVariable>;

  constructor(args: VariableSelectionNetworkArgs) {
    super(args);
    this.units = args.units;
    this.useContext = args.useContext ?? false;
  }

  override build(inputShape: Shape | Shape[]): void {
    const shapes = shapeList(inputShape);
    const m = lastDim(shapes[0]);
    const d = this.units;
    this.variableCount = m;
    this.embedKernel = this.weight('embed_kernel', [m, d], 'glorot');
    this.embedBias = this.weight('embed_bias', [m, d], 'zeros');
    const flatShape: Shape = [null, m * d];
    const weightInput = this.useContext ? [flatShape, [null, lastDim(shapes[1])]] : flatShape;
    this.weightNetwork = this.child(
      'weights_grn',
      (args) => new GatedResidualNetwork({ ...args, units: d, outputSize: m, useContext: this.useContext }),
      weightInput,
    );
    // The m per-variable GRNs (d -> d, no context) as stacked weights [m, ...], run as one batched matMul.
    this.variableWeights = {
      hiddenKernel: this.weight('variable_grns/hidden_kernel', [m, d, d], 'glorot'),
      hiddenBias: this.weight('variable_grns/hidden_bias', [m, 1, d], 'zeros'),
      outKernel: this.weight('variable_grns/out_kernel', [m, d, d], 'glorot'),
      outBias: this.weight('variable_grns/out_bias', [m, 1, d], 'zeros'),
      gateKernel: this.weight('variable_grns/gate_kernel', [m, d, d], 'glorot'),
      gateBias: this.weight('variable_grns/gate_bias', [m, 1, d], 'zeros'),
      valueKernel: this.weight('variable_grns/value_kernel', [m, d, d], 'glorot'),
      valueBias: this.weight('variable_grns/value_bias', [m, 1, d], 'zeros'),
      gamma: this.weight('variable_grns/norm_gamma', [m, 1, d], 'ones'),
      beta: this.weight('variable_grns/norm_beta', [m, 1, d], 'zeros'),
    };
    this.built = true;
  }

  forward(x: Tensor, context: Tensor | undefined, training: boolean): VariableSelection {
    return tf.tidy(() => {
      const m = this.variableCount;
      // [..., m, 1] * [m, d] -> [..., m, d]
      const embedded = tf.add(tf.mul(tf.expandDims(x, -1), this.embedKernel.read()), this.embedBias.read());
      const flat = tf.reshape(embedded, [...x.shape.slice(0, -1), m * this.units]);
      const weights = tf.softmax(this.weightNetwork.forward(flat, context, training), -1);
      const processed = this.perVariableGrns(embedded, training); // [..., m, d]
      const selected = tf.sum(tf.mul(processed, tf.expandDims(weights, -1)), x.rank - 1);
      return { selected, weights };
    });
  }

  /**
   * GRN_j(ξ_j) for every variable j at once (same equations as
   * GatedResidualNetwork, identity skip): one batched matMul per weight
   * instead of m small GRNs, which is what makes training fast enough.
   */
  private perVariableGrns(embedded: Tensor, training: boolean): Tensor {
    const w = this.variableWeights;
    const m = this.variableCount;
    const d = this.units;
    const byVariable = tf.transpose(tf.reshape(embedded, [-1, m, d]), [1, 0, 2]) as tf.Tensor3D; // [m, N, d]
    const dense = (x: Tensor, kernel: LayerVariable, bias: LayerVariable): Tensor => tf.add(tf.matMul(x as tf.Tensor3D, kernel.read() as tf.Tensor3D), bias.read());
    const eta2 = tf.elu(dense(byVariable, w.hiddenKernel, w.hiddenBias));
    const eta1 = this.dropout(dense(eta2, w.outKernel, w.outBias), training);
    const gated = tf.mul(tf.sigmoid(dense(eta1, w.gateKernel, w.gateBias)), dense(eta1, w.valueKernel, w.valueBias));
    const normalised = layerNorm(tf.add(byVariable, gated), w.gamma.read(), w.beta.read());
    return tf.reshape(tf.transpose(normalised, [1, 0, 2]), embedded.shape);
  }

  override call(inputs: Tensor | Tensor[], kwargs: Record<string, unknown>): Tensor[] {
    const [x, context] = tensorList(inputs);
    const { selected, weights } = this.forward(x, context, isTraining(kwargs));
    return [selected, weights];
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape[] {
    const shape = shapeList(inputShape)[0];
    return [
      [...shape.slice(0, -1), this.units],
      [...shape.slice(0, -1), lastDim(shape)],
    ];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units, useContext: this.useContext };
  }
}
tf.serialization.registerClass(VariableSelectionNetwork);
