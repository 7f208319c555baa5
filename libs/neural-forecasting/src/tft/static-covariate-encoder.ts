import { tf } from '@tethys/tf-runtime';
import { GatedResidualNetwork } from './gated-residual-network';
import { isTraining, shapeList, tensorList, TftLayer, type Shape, type Tensor, type TftLayerArgs } from './tft-layer';
import { VariableSelectionNetwork } from './variable-selection-network';

export interface StaticCovariateEncoderArgs extends TftLayerArgs {
  units: number;
}

export interface StaticContexts {
  /** c_s: steers the temporal variable selections. */
  selection: Tensor;
  /** c_e: static enrichment of the temporal features. */
  enrichment: Tensor;
  /** c_h, c_c: initial LSTM hidden and cell state. */
  hidden: Tensor;
  cell: Tensor;
  /** Static variable selection weights [B, S]. */
  weights: Tensor;
}

const CONTEXTS = ['selection', 'enrichment', 'hidden', 'cell'] as const;

/**
 * Static covariate encoders (Lim et al. 2021, §4.3): the static variables
 * are selected by a VSN, then four separate GRNs turn the result into the
 * four context vectors. Input: static [B, S]; `call` returns
 * [c_s, c_e, c_h, c_c, weights].
 */
export class StaticCovariateEncoder extends TftLayer {
  static readonly className = 'TftStaticCovariateEncoder';
  readonly units: number;
  private selection!: VariableSelectionNetwork;
  private encoders!: Record<(typeof CONTEXTS)[number], GatedResidualNetwork>;

  constructor(args: StaticCovariateEncoderArgs) {
    super(args);
    this.units = args.units;
  }

  override build(inputShape: Shape | Shape[]): void {
    const d = this.units;
    this.selection = this.child('selection_vsn', (args) => new VariableSelectionNetwork({ ...args, units: d }), shapeList(inputShape)[0]);
    const grn = (label: string): GatedResidualNetwork => this.child(label, (args) => new GatedResidualNetwork({ ...args, units: d }), [null, d]);
    this.encoders = { selection: grn('context_selection'), enrichment: grn('context_enrichment'), hidden: grn('context_hidden'), cell: grn('context_cell') };
    this.built = true;
  }

  forward(staticInputs: Tensor, training: boolean): StaticContexts {
    const { selected, weights } = this.selection.forward(staticInputs, undefined, training);
    const contexts = Object.fromEntries(CONTEXTS.map((key) => [key, this.encoders[key].forward(selected, undefined, training)]));
    selected.dispose();
    return { ...(contexts as Record<(typeof CONTEXTS)[number], Tensor>), weights };
  }

  override call(inputs: Tensor | Tensor[], kwargs: Record<string, unknown>): Tensor[] {
    const result = this.forward(tensorList(inputs)[0], isTraining(kwargs));
    return [result.selection, result.enrichment, result.hidden, result.cell, result.weights];
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape[] {
    const shape = shapeList(inputShape)[0];
    const context: Shape = [shape[0], this.units];
    return [context, context, context, context, shape];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units };
  }
}
tf.serialization.registerClass(StaticCovariateEncoder);
