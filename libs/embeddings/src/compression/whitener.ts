import { z } from 'zod';
import { EmbeddingError } from '../embedding-error';
import { principalComponents } from '../stats/principal-components';
import { checkInteger, checkVectors } from '../stats/vector-checks';
import { assertHasDirection, checkInputVectors, expectLength, notFitted, numberList, parseEstimatorJson, projectOnAxes, toUnitLength } from './estimator-support';

export interface WhitenerParams {
  /** Principal axes to keep; default all the training set supports (min(dim, vectors - 1)). */
  components?: number;
  /** Added to every variance before dividing, so near-empty axes are not blown up; default 1e-5. */
  epsilon?: number;
  /** Scale outputs to unit length (for cosine search); default true. With false the outputs have ~identity covariance. */
  normalize?: boolean;
}

export interface WhitenerState {
  dim: number;
  mean: number[];
  /** Unit principal axes of length `dim`, largest variance first. */
  axes: number[][];
  /** Training variance along each axis. */
  variances: number[];
}

export interface WhitenerJson {
  kind: 'whitener';
  version: 1;
  params: { components: number | null; epsilon: number; normalize: boolean };
  state: WhitenerState;
}

const ESTIMATOR = 'Whitener';
const DEFAULT_EPSILON = 1e-5;

/**
 * PCA whitening (scikit-learn's `PCA(whiten=True)` plus re-normalisation):
 * centre, rotate onto the principal axes and divide each by sqrt(variance +
 * epsilon). It removes the common direction and the uneven spectrum that
 * make raw sentence embeddings anisotropic (Su et al. 2021, "Whitening
 * sentence representations").
 */
export class Whitener {
  readonly params: Readonly<{ components: number | null; epsilon: number; normalize: boolean }>;
  private learned: { state: WhitenerState; mean: Float64Array; axes: Float64Array[]; scales: Float64Array } | null = null;

  constructor(params: WhitenerParams = {}) {
    const epsilon = params.epsilon ?? DEFAULT_EPSILON;
    if (!Number.isFinite(epsilon) || epsilon < 0) {
      throw new EmbeddingError('BAD_PARAMETER', `Whitener epsilon must be a finite number >= 0, got ${epsilon}`);
    }
    const components = params.components === undefined ? null : checkInteger(params.components, 'Whitener components', 1);
    this.params = { components, epsilon, normalize: params.normalize ?? true };
  }

  get isFitted(): boolean {
    return this.learned !== null;
  }

  get state(): WhitenerState {
    if (this.learned === null) throw notFitted(ESTIMATOR, 'state');
    return this.learned.state;
  }

  fit(vectors: readonly Float32Array[]): this {
    const dim = checkVectors(vectors, `${ESTIMATOR}.fit`, { minCount: 2 });
    const supported = Math.min(dim, vectors.length - 1);
    const components = checkInteger(this.params.components ?? supported, `Whitener components (${vectors.length} vectors of length ${dim})`, 1, supported);
    const pca = principalComponents(vectors, components, `${ESTIMATOR}.fit`);
    const variances = pca.variances.slice(0, components);
    if (this.params.epsilon === 0 && variances.some((value) => value === 0)) {
      throw new EmbeddingError('BAD_PARAMETER', `${ESTIMATOR}.fit: an axis has zero variance; set epsilon > 0 or keep fewer components`);
    }
    const state: WhitenerState = {
      dim,
      mean: Array.from(pca.mean),
      axes: pca.axes.map((axis) => Array.from(axis)),
      variances: Array.from(variances),
    };
    this.learned = { state, mean: pca.mean, axes: pca.axes, scales: this.scalesFor(variances) };
    return this;
  }

  transform(vectors: readonly Float32Array[]): Float32Array[] {
    if (this.learned === null) throw notFitted(ESTIMATOR, 'transform');
    const { mean, axes, scales, state } = this.learned;
    checkInputVectors(vectors, ESTIMATOR, 'transform', state.dim);
    return vectors.map((vector, row) => {
      const projected = projectOnAxes(vector, mean, axes);
      const whitened = projected.map((value, k) => value * scales[k]);
      if (!this.params.normalize) return Float32Array.from(whitened);
      assertHasDirection(projected, vector, row, ESTIMATOR);
      return toUnitLength(whitened);
    });
  }

  fitTransform(vectors: readonly Float32Array[]): Float32Array[] {
    return this.fit(vectors).transform(vectors);
  }

  toJSON(): WhitenerJson {
    return { kind: 'whitener', version: 1, params: { ...this.params }, state: this.state };
  }

  static fromJSON(json: unknown): Whitener {
    const { params, state } = parseEstimatorJson(WHITENER_JSON, json, ESTIMATOR);
    expectLength(state.mean.length, state.dim, 'state.mean', ESTIMATOR);
    expectLength(state.variances.length, state.axes.length, 'state.variances', ESTIMATOR);
    if (params.components !== null) expectLength(state.axes.length, params.components, 'state.axes', ESTIMATOR);
    state.axes.forEach((axis, k) => expectLength(axis.length, state.dim, `state.axes.${k}`, ESTIMATOR));
    const whitener = new Whitener({ components: params.components ?? undefined, epsilon: params.epsilon, normalize: params.normalize });
    whitener.learned = {
      state,
      mean: Float64Array.from(state.mean),
      axes: state.axes.map((axis) => Float64Array.from(axis)),
      scales: whitener.scalesFor(Float64Array.from(state.variances)),
    };
    return whitener;
  }

  private scalesFor(variances: Float64Array): Float64Array {
    return variances.map((variance) => 1 / Math.sqrt(variance + this.params.epsilon));
  }
}

const WHITENER_JSON = z.strictObject({
  kind: z.literal('whitener'),
  version: z.literal(1),
  params: z.strictObject({ components: z.int().positive().nullable(), epsilon: z.number().nonnegative(), normalize: z.boolean() }),
  state: z.strictObject({
    dim: z.int().positive(),
    mean: numberList,
    axes: z.array(numberList).min(1),
    variances: z.array(z.number().nonnegative()),
  }),
});
