import { tf } from '@tethys/tf-runtime';
import { GateAddNorm, GatedResidualNetwork } from './gated-residual-network';
import { InterpretableMultiHeadAttention } from './interpretable-multi-head-attention';
import { LstmLayer } from './lstm-layer';
import { QuantileHead } from './quantile-head';
import { StaticCovariateEncoder, type StaticContexts } from './static-covariate-encoder';
import { isTraining, tensorList, TftLayer, type Shape, type Tensor, type TftLayerArgs } from './tft-layer';
import { VariableSelectionNetwork } from './variable-selection-network';

export interface TemporalFusionTransformerArgs extends TftLayerArgs {
  lookback: number;
  horizon: number;
  /** Observed-past variables (the target first). */
  observedSize: number;
  /** Known-future variables (given for all lookback + horizon steps). */
  knownSize: number;
  /** Static variables; 0 = none (the static contexts are then left out). */
  staticSize: number;
  hiddenSize: number;
  heads: number;
  quantileCount: number;
}

/** Everything one forward pass computes that `interpret()` reports. */
export interface TftOutputs {
  /** [B, H, Q], ascending levels. */
  quantiles: Tensor;
  /** [B, S] or undefined without static inputs. */
  staticWeights?: Tensor;
  /** [B, L, observed + known]. */
  pastWeights: Tensor;
  /** [B, H, known]. */
  futureWeights: Tensor;
  /** [B, L + H, L + H], head-averaged, causal. */
  attention: Tensor;
}

/**
 * The whole TFT (Lim et al. 2021, Fig. 2) as one tfjs layer. Why one layer:
 * the LSTM decoder starts from the encoder's final state, the encoder from
 * static states, and the attention returns its weights; tfjs-layers cannot
 * wire initial states or multi-output custom layers reliably through
 * save/load, while one layer holding its sub-blocks (whose weights it
 * reports, see TftLayer) saves and loads as an ordinary layers model.
 *
 * Inputs: [observed [B, L, Po], known [B, L + H, K], static [B, S]] (static
 * only when staticSize > 0). Output: quantiles [B, H, Q].
 */
export class TemporalFusionTransformer extends TftLayer {
  static readonly className = 'TftTemporalFusionTransformer';
  readonly spec: Omit<TemporalFusionTransformerArgs, 'name' | 'seed' | 'dropout'>;
  private blocks!: {
    staticEncoder?: StaticCovariateEncoder;
    pastSelection: VariableSelectionNetwork;
    futureSelection: VariableSelectionNetwork;
    encoder: LstmLayer;
    decoder: LstmLayer;
    lstmGate: GateAddNorm;
    enrichment: GatedResidualNetwork;
    attention: InterpretableMultiHeadAttention;
    attentionGate: GateAddNorm;
    positionwise: GatedResidualNetwork;
    outputGate: GateAddNorm;
    head: QuantileHead;
  };

  constructor(args: TemporalFusionTransformerArgs) {
    super(args);
    const { lookback, horizon, observedSize, knownSize, staticSize, hiddenSize, heads, quantileCount } = args;
    this.spec = { lookback, horizon, observedSize, knownSize, staticSize, hiddenSize, heads, quantileCount };
  }

  override build(): void {
    const { lookback: L, horizon: H, observedSize, knownSize, staticSize, hiddenSize: d, heads, quantileCount } = this.spec;
    const hasStatic = staticSize > 0;
    const context: Shape = [null, d];
    const withContext = (shape: Shape): Shape | Shape[] => (hasStatic ? [shape, context] : shape);
    const sequence = (steps: number): Shape => [null, steps, d];
    const lstmInput = (steps: number): Shape[] => [sequence(steps), context, context];
    this.blocks = {
      staticEncoder: hasStatic
        ? this.child('static_encoder', (a) => new StaticCovariateEncoder({ ...a, units: d }), [null, staticSize])
        : undefined,
      pastSelection: this.child('past_vsn', (a) => new VariableSelectionNetwork({ ...a, units: d, useContext: hasStatic }), withContext([null, L, observedSize + knownSize])),
      futureSelection: this.child('future_vsn', (a) => new VariableSelectionNetwork({ ...a, units: d, useContext: hasStatic }), withContext([null, H, knownSize])),
      encoder: this.child('lstm_encoder', (a) => new LstmLayer({ ...a, units: d }), lstmInput(L)),
      decoder: this.child('lstm_decoder', (a) => new LstmLayer({ ...a, units: d }), lstmInput(H)),
      lstmGate: this.child('lstm_gate', (a) => new GateAddNorm({ ...a, units: d }), [sequence(L + H), sequence(L + H)]),
      enrichment: this.child('static_enrichment', (a) => new GatedResidualNetwork({ ...a, units: d, useContext: hasStatic }), withContext(sequence(L + H))),
      attention: this.child('attention', (a) => new InterpretableMultiHeadAttention({ ...a, units: d, heads }), sequence(L + H)),
      attentionGate: this.child('attention_gate', (a) => new GateAddNorm({ ...a, units: d }), [sequence(L + H), sequence(L + H)]),
      positionwise: this.child('positionwise_grn', (a) => new GatedResidualNetwork({ ...a, units: d }), sequence(L + H)),
      outputGate: this.child('output_gate', (a) => new GateAddNorm({ ...a, units: d }), [sequence(H), sequence(H)]),
      head: this.child('quantile_head', (a) => new QuantileHead({ ...a, quantileCount }), sequence(H)),
    };
    this.built = true;
  }

  forward(inputs: Tensor[], training: boolean): TftOutputs {
    return tf.tidy(() => {
      const { lookback: L, horizon: H, hiddenSize: d } = this.spec;
      const b = this.blocks;
      const [observed, known, staticInputs] = inputs;
      const batch = observed.shape[0];
      let contexts: StaticContexts | undefined;
      if (b.staticEncoder !== undefined) {
        if (staticInputs === undefined) throw new Error(`${this.name}: the static input is missing`);
        contexts = b.staticEncoder.forward(staticInputs, training);
      }
      const knownPast = tf.slice(known, [0, 0, 0], [-1, L, -1]);
      const knownFuture = tf.slice(known, [0, L, 0], [-1, H, -1]);
      const past = b.pastSelection.forward(tf.concat([observed, knownPast], -1), contexts?.selection, training);
      const future = b.futureSelection.forward(knownFuture, contexts?.selection, training);

      const zeros = tf.zeros([batch, d]);
      const encoded = b.encoder.forward(past.selected, contexts?.hidden ?? zeros, contexts?.cell ?? zeros);
      const decoded = b.decoder.forward(future.selected, encoded.hidden, encoded.cell);
      const lstmOut = tf.concat([encoded.sequence, decoded.sequence], 1);
      const selected = tf.concat([past.selected, future.selected], 1);
      const temporal = b.lstmGate.forward(lstmOut, selected, training); // φ̃
      const enriched = b.enrichment.forward(temporal, contexts?.enrichment, training); // θ
      const attended = b.attention.forward(enriched);
      const attentionOut = b.attentionGate.forward(attended.output, enriched, training); // δ
      const positionwise = b.positionwise.forward(attentionOut, undefined, training); // ψ
      const decoderSlice = (t: Tensor): Tensor => tf.slice(t, [0, L, 0], [-1, H, -1]);
      const fused = b.outputGate.forward(decoderSlice(positionwise), decoderSlice(temporal), training); // ψ̃
      const outputs: TftOutputs = {
        quantiles: b.head.forward(fused),
        pastWeights: past.weights,
        futureWeights: future.weights,
        attention: attended.weights,
      };
      if (contexts !== undefined) outputs.staticWeights = contexts.weights;
      return outputs as unknown as tf.TensorContainerObject;
    }) as unknown as TftOutputs;
  }

  override call(inputs: Tensor | Tensor[], kwargs: Record<string, unknown>): Tensor {
    const { quantiles, ...interpretation } = this.forward(tensorList(inputs), isTraining(kwargs));
    tf.dispose(interpretation as unknown as tf.TensorContainerObject);
    return quantiles;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const batch = (inputShape as Shape[])[0][0];
    return [batch, this.spec.horizon, this.spec.quantileCount];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.spec };
  }
}
tf.serialization.registerClass(TemporalFusionTransformer);
