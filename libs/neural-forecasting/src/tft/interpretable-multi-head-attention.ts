import { tf } from '@tethys/tf-runtime';
import { linear } from './tensor-ops';
import { lastDim, shapeList, tensorList, TftLayer, type LayerVariable, type Shape, type Tensor, type TftLayerArgs } from './tft-layer';

export interface InterpretableMultiHeadAttentionArgs extends TftLayerArgs {
  units: number;
  heads: number;
}

export interface AttentionResult {
  /** [B, T, units] */
  output: Tensor;
  /** Attention weights averaged over heads: [B, T (query), T (key)], rows sum to 1. */
  weights: Tensor;
}

/** Large negative score for masked (future) keys: exp underflows to exactly 0 in float32. */
const MASKED_SCORE = -1e9;

/**
 * Interpretable multi-head self-attention (Lim et al. 2021, eq. 13-16): each
 * head has its own query and key projections but all heads share one value
 * projection, so averaging the heads' outputs equals applying the
 * head-averaged attention matrix to the shared values; that one matrix is
 * what `interpret()` reports. A causal mask keeps position i from attending
 * to any position j > i. Input: [B, T, units]; `call` returns [output, weights].
 */
export class InterpretableMultiHeadAttention extends TftLayer {
  static readonly className = 'TftInterpretableMultiHeadAttention';
  readonly units: number;
  readonly heads: number;
  readonly headSize: number;
  private w!: Record<string, LayerVariable>;

  constructor(args: InterpretableMultiHeadAttentionArgs) {
    super(args);
    if (!Number.isInteger(args.heads) || args.heads < 1 || args.units % args.heads !== 0) {
      throw new Error(`heads: must be a positive divisor of the hidden size ${args.units}, got ${args.heads}`);
    }
    this.units = args.units;
    this.heads = args.heads;
    this.headSize = args.units / args.heads;
  }

  override build(inputShape: Shape | Shape[]): void {
    const inSize = lastDim(shapeList(inputShape)[0]);
    const projected = this.heads * this.headSize;
    this.w = {
      query: this.weight('query_kernel', [inSize, projected], 'glorot'),
      key: this.weight('key_kernel', [inSize, projected], 'glorot'),
      value: this.weight('value_kernel', [inSize, this.headSize], 'glorot'),
      out: this.weight('out_kernel', [this.headSize, this.units], 'glorot'),
    };
    this.built = true;
  }

  forward(x: Tensor): AttentionResult {
    return tf.tidy(() => {
      const [batch, steps] = x.shape;
      const split = (t: Tensor): Tensor => tf.transpose(tf.reshape(t, [batch, steps, this.heads, this.headSize]), [0, 2, 1, 3]);
      const queries = split(linear(x, this.w.query.read())); // [B, h, T, dk]
      const keys = split(linear(x, this.w.key.read()));
      const scores = tf.div(tf.matMul(queries, keys, false, true), Math.sqrt(this.headSize)); // [B, h, T, T]
      const weights = tf.mean(tf.softmax(tf.add(scores, causalMask(steps)), -1), 1); // [B, T, T]
      const values = linear(x, this.w.value.read()); // [B, T, dk], shared by all heads
      const output = linear(tf.matMul(weights, values), this.w.out.read());
      return { output, weights };
    });
  }

  override call(inputs: Tensor | Tensor[]): Tensor[] {
    const { output, weights } = this.forward(tensorList(inputs)[0]);
    return [output, weights];
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape[] {
    const [batch, steps] = shapeList(inputShape)[0];
    return [
      [batch, steps, this.units],
      [batch, steps, steps],
    ];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units, heads: this.heads };
  }
}
tf.serialization.registerClass(InterpretableMultiHeadAttention);

/** [T, T] additive mask: 0 where key j <= query i, MASKED_SCORE after. */
function causalMask(steps: number): Tensor {
  const mask = new Float32Array(steps * steps);
  for (let i = 0; i < steps; i++) for (let j = i + 1; j < steps; j++) mask[i * steps + j] = MASKED_SCORE;
  return tf.tensor2d(mask, [steps, steps]);
}
