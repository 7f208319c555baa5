import { compilePipeline, type CompiledPipeline } from './compiled-profiles';
import { FEATURE_NAMES } from './feature-names';
import { fitFeatureState } from './fit';
import { resolveFeaturePipelineOptions, type FeaturePipelineOptions } from './options';
import { parseFeaturePipelineState, type FeaturePipelineState } from './state';
import type { Transaction } from './transaction';
import { transformTransactions, type FeatureMatrix } from './transform';

/**
 * Turns card transactions into a numeric feature matrix, relative to per-user
 * profiles learnt by `fit`. The fitted state is plain JSON (`toJSON` /
 * `fromJSON`) and is saved with the model, so scoring applies exactly the
 * transformation the model was trained on.
 */
export class TransactionFeaturePipeline {
  readonly featureNames: readonly string[] = FEATURE_NAMES;
  readonly options: Readonly<FeaturePipelineOptions>;
  private state: FeaturePipelineState | null = null;
  private compiled: CompiledPipeline | null = null;

  constructor(options: Partial<FeaturePipelineOptions> = {}) {
    this.options = Object.freeze(resolveFeaturePipelineOptions(options));
  }

  get isFitted(): boolean {
    return this.state !== null;
  }

  /** Learns per-user profiles and global fallbacks from `history` (replaces any earlier fit). */
  fit(history: readonly Transaction[]): this {
    this.setState(fitFeatureState(history, this.options));
    return this;
  }

  /** Features of `txs`, one row per transaction in the given order. See `transformTransactions` for velocity. */
  transform(txs: readonly Transaction[]): FeatureMatrix {
    if (!this.compiled) throw new Error('TransactionFeaturePipeline.transform: the pipeline is not fitted; call fit() or fromJSON() first');
    return transformTransactions(this.compiled, txs);
  }

  fitTransform(history: readonly Transaction[]): FeatureMatrix {
    return this.fit(history).transform(history);
  }

  /** The fitted state as plain JSON with a deterministic key order (a deep copy). */
  toJSON(): FeaturePipelineState {
    if (!this.state) throw new Error('TransactionFeaturePipeline.toJSON: the pipeline is not fitted');
    return structuredClone(this.state);
  }

  /** Rebuilds a fitted pipeline from `toJSON()` output, validating its shape and cross-references. */
  static fromJSON(state: unknown): TransactionFeaturePipeline {
    const parsed = parseFeaturePipelineState(state);
    const pipeline = new TransactionFeaturePipeline(parsed.options);
    pipeline.setState(parsed);
    return pipeline;
  }

  private setState(state: FeaturePipelineState): void {
    this.state = state;
    this.compiled = compilePipeline(state);
  }
}
