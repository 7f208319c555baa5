import { createRng } from '@tethys/data';
import { quantile } from '@tethys/finance-math';
import { averagePathLength } from './average-path-length';
import { assertValidMatrix, type DenseMatrix } from './dense-matrix';
import { NotFittedError } from './errors';
import { FlatForest } from './flat-forest';
import { growForest } from './grow-forest';
import { type IsolationForestParams, resolveMaxFeatures, resolveMaxSamples, resolveParams } from './params';
import {
  forestArraysToJSON,
  ISOLATION_FOREST_FORMAT,
  ISOLATION_FOREST_FORMAT_VERSION,
  type IsolationForestJSON,
  parseEnvelope,
  parseState,
} from './serialisation';

/** What `fit` learns; kept apart from the hyperparameters. */
interface FittedState {
  readonly nFeatures: number;
  readonly nTrainingSamples: number;
  readonly maxSamplesUsed: number;
  readonly maxDepth: number;
  readonly offset: number;
  readonly warnings: readonly string[];
  readonly featureSubsets: readonly Int32Array[];
  readonly forest: FlatForest;
}

/**
 * Isolation Forest (Liu, Ting & Zhou 2008, 2012) with scikit-learn's semantics:
 * `scoreSamples` is the negated anomaly score (higher = more normal, in [-1, 0]),
 * `decisionFunction = scoreSamples - offset`, and `predict` marks negative
 * decisions as outliers (-1).
 */
export class IsolationForest {
  readonly params: Readonly<IsolationForestParams>;
  private state: FittedState | null = null;

  constructor(params: Partial<IsolationForestParams> = {}) {
    this.params = resolveParams(params);
  }

  /** Grows the forest on X (rows = samples) and sets the offset; replaces any earlier fit. */
  fit(X: DenseMatrix): this {
    assertValidMatrix(X, 'IsolationForest.fit');
    if (X.rows < 1 || X.cols < 1) {
      throw new RangeError(`IsolationForest.fit: X needs at least one row and one column, got ${X.rows} x ${X.cols}`);
    }
    const { nEstimators, maxSamples, maxFeatures, bootstrap, contamination, seed } = this.params;
    const samples = resolveMaxSamples(maxSamples, X.rows);
    const maxDepth = Math.ceil(Math.log2(Math.max(samples.count, 2)));
    const grown = growForest(X, createRng(seed), {
      nTrees: nEstimators,
      sampleCount: samples.count,
      featureCount: resolveMaxFeatures(maxFeatures, X.cols),
      bootstrap,
      maxDepth,
    });
    const forest = new FlatForest(grown.arrays);
    const offset =
      contamination === 'auto'
        ? -0.5
        : quantile(scoresFromPathSums(forest.pathLengthSums(X), forest.nTrees, samples.count), contamination);
    this.state = {
      nFeatures: X.cols,
      nTrainingSamples: X.rows,
      maxSamplesUsed: samples.count,
      maxDepth,
      offset,
      warnings: samples.warning === undefined ? [] : [samples.warning],
      featureSubsets: grown.featureSubsets,
      forest,
    };
    return this;
  }

  get isFitted(): boolean {
    return this.state !== null;
  }

  /** scikit-learn's `offset_`: -0.5 for contamination 'auto', else the contamination quantile of the training scores. */
  get offset(): number {
    return this.fitted('offset').offset;
  }

  /** Number of columns seen in fit (`n_features_in_`). */
  get nFeatures(): number {
    return this.fitted('nFeatures').nFeatures;
  }

  /** Samples drawn per tree (`max_samples_`). */
  get maxSamplesUsed(): number {
    return this.fitted('maxSamplesUsed').maxSamplesUsed;
  }

  /** Notes scikit-learn would print as warnings during fit (e.g. maxSamples greater than n). */
  get fitWarnings(): readonly string[] {
    return this.fitted('fitWarnings').warnings;
  }

  /** Number of trees in the fitted forest. */
  get nTrees(): number {
    return this.fitted('nTrees').forest.nTrees;
  }

  /** -2^(-E[h(x)] / c(maxSamplesUsed)): in [-1, 0], lower = more anomalous (scikit-learn's `score_samples`). */
  scoreSamples(X: DenseMatrix): Float64Array {
    const state = this.checkedState('scoreSamples', X);
    return scoresFromPathSums(state.forest.pathLengthSums(X), state.forest.nTrees, state.maxSamplesUsed);
  }

  /** scoreSamples - offset: negative for outliers. */
  decisionFunction(X: DenseMatrix): Float64Array {
    const state = this.checkedState('decisionFunction', X);
    const scores = scoresFromPathSums(state.forest.pathLengthSums(X), state.forest.nTrees, state.maxSamplesUsed);
    for (let i = 0; i < scores.length; i++) scores[i] -= state.offset;
    return scores;
  }

  /** -1 for outliers (decision < 0), 1 for inliers. */
  predict(X: DenseMatrix): Int8Array {
    const decisions = this.decisionFunction(X);
    const labels = new Int8Array(decisions.length);
    for (let i = 0; i < decisions.length; i++) labels[i] = decisions[i] < 0 ? -1 : 1;
    return labels;
  }

  /**
   * Per-sample, per-feature share of the isolation (rows x cols, row-major; each row sums to 1).
   *
   * Method (inspired by DIFFI, Carletti et al. 2020, simplified to a single sample):
   * follow the sample's path in every tree; each split node on feature f that the
   * sample passes credits f with
   *     (1 - size(child taken) / size(node)) / (depth of the split + 1)
   * where sizes are training-sample counts and the root is at depth 0. A split
   * that cuts the sample away from most of its node isolates it a lot (weight near
   * 1); splits near the root count most, because early isolation is what makes a
   * path short. Credits are summed over trees and normalised per row. A row that
   * meets no split at all (a forest of single leaves) gets 1 / cols per feature.
   */
  explain(X: DenseMatrix): Float64Array {
    return this.checkedState('explain', X).forest.featureContributions(X);
  }

  /** Hyperparameters and learned state as plain JSON (the same seed and data give the same string). */
  toJSON(): IsolationForestJSON {
    const state = this.fitted('toJSON');
    return {
      format: ISOLATION_FOREST_FORMAT,
      version: ISOLATION_FOREST_FORMAT_VERSION,
      params: { ...this.params },
      state: {
        nFeatures: state.nFeatures,
        nTrainingSamples: state.nTrainingSamples,
        maxSamplesUsed: state.maxSamplesUsed,
        maxDepth: state.maxDepth,
        offset: state.offset,
        warnings: [...state.warnings],
        featureSubsets: state.featureSubsets.map((subset) => Array.from(subset)),
        trees: forestArraysToJSON(state.forest.arrays),
      },
    };
  }

  /** Rebuilds a fitted model from `toJSON()` output (or its parsed JSON text), validating its shape. */
  static fromJSON(json: unknown): IsolationForest {
    const envelope = parseEnvelope(json);
    const model = new IsolationForest(envelope.params as Partial<IsolationForestParams>);
    const parsed = parseState(envelope.state, { bootstrap: model.params.bootstrap });
    if (parsed.arrays.treeOffsets.length - 1 !== model.params.nEstimators) {
      throw new RangeError(
        `IsolationForest.fromJSON: state has ${parsed.arrays.treeOffsets.length - 1} trees but params.nEstimators is ${model.params.nEstimators}`,
      );
    }
    model.state = {
      nFeatures: parsed.nFeatures,
      nTrainingSamples: parsed.nTrainingSamples,
      maxSamplesUsed: parsed.maxSamplesUsed,
      maxDepth: parsed.maxDepth,
      offset: parsed.offset,
      warnings: parsed.warnings,
      featureSubsets: parsed.featureSubsets,
      forest: new FlatForest(parsed.arrays),
    };
    return model;
  }

  private fitted(method: string): FittedState {
    if (this.state === null) throw new NotFittedError(method);
    return this.state;
  }

  private checkedState(method: string, X: DenseMatrix): FittedState {
    const state = this.fitted(method);
    assertValidMatrix(X, `IsolationForest.${method}`, state.nFeatures);
    return state;
  }
}

/**
 * Turns summed path lengths into scikit-learn scores. With c(maxSamples) = 0
 * (a single sample per tree) the ratio is undefined; scikit-learn then uses
 * an exponent of -1, i.e. a score of -0.5, and so do we.
 */
function scoresFromPathSums(sums: Float64Array, nTrees: number, maxSamples: number): Float64Array {
  const denominator = nTrees * averagePathLength(maxSamples);
  const scores = new Float64Array(sums.length);
  for (let i = 0; i < sums.length; i++) {
    scores[i] = denominator === 0 ? -0.5 : -Math.pow(2, -sums[i] / denominator);
  }
  return scores;
}
