import { z } from 'zod';
import { principalComponents } from '../stats/principal-components';
import { checkInteger, checkVectors } from '../stats/vector-checks';
import { assertHasDirection, checkInputVectors, expectLength, notFitted, numberList, parseEstimatorJson, projectOnAxes, toUnitLength } from './estimator-support';

export interface PcaReducerParams {
  /** Output length: how many principal axes to keep (at most min(dim, vectors - 1) of the training set). */
  components: number;
  /** Scale outputs to unit length, for cosine / inner-product search; default true. */
  normalize?: boolean;
}

/** What `fit` learned; plain numbers so it serialises as JSON. */
export interface PcaReducerState {
  dim: number;
  mean: number[];
  /** `components` unit axes of length `dim`, largest variance first. */
  axes: number[][];
  /** Share of the training variance along each kept axis. */
  explainedVarianceRatio: number[];
}

export interface PcaReducerJson {
  kind: 'pca-reducer';
  version: 1;
  params: Required<PcaReducerParams>;
  state: PcaReducerState;
}

const ESTIMATOR = 'PcaReducer';

/**
 * Dimensionality reduction by PCA (scikit-learn style): `fit` learns the mean
 * and the top principal axes of the training vectors, `transform` centres,
 * projects and (by default) rescales to unit length so cosine search keeps working.
 */
export class PcaReducer {
  readonly params: Readonly<Required<PcaReducerParams>>;
  private learned: { state: PcaReducerState; mean: Float64Array; axes: Float64Array[] } | null = null;

  constructor(params: PcaReducerParams) {
    this.params = { components: checkInteger(params.components, 'PcaReducer components', 1), normalize: params.normalize ?? true };
  }

  get isFitted(): boolean {
    return this.learned !== null;
  }

  /** The learned state (throws NOT_FITTED before fit). */
  get state(): PcaReducerState {
    if (this.learned === null) throw notFitted(ESTIMATOR, 'state');
    return this.learned.state;
  }

  fit(vectors: readonly Float32Array[]): this {
    const dim = checkVectors(vectors, `${ESTIMATOR}.fit`, { minCount: 2 });
    // Centred data has rank <= n - 1: more axes than that would be arbitrary directions.
    checkInteger(this.params.components, `PcaReducer components (${vectors.length} vectors of length ${dim})`, 1, Math.min(dim, vectors.length - 1));
    const pca = principalComponents(vectors, this.params.components, `${ESTIMATOR}.fit`);
    const eigenSum = pca.variances.reduce((sum, value) => sum + value, 0);
    const state: PcaReducerState = {
      dim,
      mean: Array.from(pca.mean),
      axes: pca.axes.map((axis) => Array.from(axis)),
      explainedVarianceRatio: Array.from(pca.variances.subarray(0, this.params.components), (value) => (eigenSum > 0 ? value / eigenSum : 0)),
    };
    this.learned = { state, mean: pca.mean, axes: pca.axes };
    return this;
  }

  transform(vectors: readonly Float32Array[]): Float32Array[] {
    if (this.learned === null) throw notFitted(ESTIMATOR, 'transform');
    const { mean, axes, state } = this.learned;
    checkInputVectors(vectors, ESTIMATOR, 'transform', state.dim);
    return vectors.map((vector, row) => {
      const projected = projectOnAxes(vector, mean, axes);
      if (!this.params.normalize) return Float32Array.from(projected);
      assertHasDirection(projected, vector, row, ESTIMATOR);
      return toUnitLength(projected);
    });
  }

  fitTransform(vectors: readonly Float32Array[]): Float32Array[] {
    return this.fit(vectors).transform(vectors);
  }

  toJSON(): PcaReducerJson {
    return { kind: 'pca-reducer', version: 1, params: { ...this.params }, state: this.state };
  }

  static fromJSON(json: unknown): PcaReducer {
    const parsed = parseEstimatorJson(PCA_REDUCER_JSON, json, ESTIMATOR);
    const { params, state } = parsed;
    expectLength(state.mean.length, state.dim, 'state.mean', ESTIMATOR);
    expectLength(state.axes.length, params.components, 'state.axes', ESTIMATOR);
    expectLength(state.explainedVarianceRatio.length, params.components, 'state.explainedVarianceRatio', ESTIMATOR);
    state.axes.forEach((axis, k) => expectLength(axis.length, state.dim, `state.axes.${k}`, ESTIMATOR));
    const reducer = new PcaReducer(params);
    reducer.learned = { state, mean: Float64Array.from(state.mean), axes: state.axes.map((axis) => Float64Array.from(axis)) };
    return reducer;
  }
}

const PCA_REDUCER_JSON = z.strictObject({
  kind: z.literal('pca-reducer'),
  version: z.literal(1),
  params: z.strictObject({ components: z.int().positive(), normalize: z.boolean() }),
  state: z.strictObject({
    dim: z.int().positive(),
    mean: numberList,
    axes: z.array(numberList),
    explainedVarianceRatio: numberList,
  }),
});
