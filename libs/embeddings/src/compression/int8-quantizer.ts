import { z } from 'zod';
import { EmbeddingError } from '../embedding-error';
import { checkVectors } from '../stats/vector-checks';
import { checkInputVectors, expectLength, notFitted, numberList, parseEstimatorJson } from './estimator-support';

/** What `fit` learned: each dimension's range over the training vectors. */
export interface Int8QuantizerState {
  dim: number;
  min: number[];
  max: number[];
}

export interface Int8QuantizerJson {
  kind: 'int8-quantizer';
  version: 1;
  params: Record<string, never>;
  state: Int8QuantizerState;
}

const ESTIMATOR = 'Int8Quantizer';
/** 256 levels: level 0 is a dimension's training minimum, level 255 its maximum; stored as level - 128. */
const LEVELS = 255;
const OFFSET = 128;

/**
 * Per-dimension scalar quantisation to one signed byte (4x smaller than
 * float32): each dimension's training range [min, max] is cut into 255 equal
 * steps. Inside that range the round-trip error is at most half a step;
 * values outside it are clipped to the range.
 */
export class Int8Quantizer {
  readonly params: Readonly<Record<string, never>> = {};
  private learned: { state: Int8QuantizerState; min: Float64Array; step: Float64Array } | null = null;

  get isFitted(): boolean {
    return this.learned !== null;
  }

  get state(): Int8QuantizerState {
    return this.fitted('state').state;
  }

  /** Bytes one encoded vector takes (one per dimension). */
  get bytesPerVector(): number {
    return this.fitted('bytesPerVector').state.dim;
  }

  /** Largest round-trip error per dimension for values inside the training range (half a step). */
  get maxRoundTripError(): Float64Array {
    return this.fitted('maxRoundTripError').step.map((step) => step / 2);
  }

  fit(vectors: readonly Float32Array[]): this {
    const dim = checkVectors(vectors, `${ESTIMATOR}.fit`, { minCount: 1 });
    const min = new Float64Array(dim).fill(Infinity);
    const max = new Float64Array(dim).fill(-Infinity);
    for (const vector of vectors) {
      for (let j = 0; j < dim; j += 1) {
        if (vector[j] < min[j]) min[j] = vector[j];
        if (vector[j] > max[j]) max[j] = vector[j];
      }
    }
    this.learned = this.derive({ dim, min: Array.from(min), max: Array.from(max) });
    return this;
  }

  encode(vector: Float32Array): Int8Array {
    const { min, step, state } = this.fitted('encode');
    checkInputVectors([vector], ESTIMATOR, 'encode', state.dim);
    const code = new Int8Array(state.dim);
    for (let j = 0; j < state.dim; j += 1) {
      // A constant dimension (step 0) always decodes to its one training value.
      const level = step[j] === 0 ? 0 : Math.round((vector[j] - min[j]) / step[j]);
      code[j] = Math.min(LEVELS, Math.max(0, level)) - OFFSET;
    }
    return code;
  }

  decode(code: Int8Array): Float32Array {
    const { min, step, state } = this.fitted('decode');
    if (code.length !== state.dim) {
      throw new EmbeddingError('DIMENSION_MISMATCH', `${ESTIMATOR}.decode: code has length ${code.length}, expected ${state.dim}`);
    }
    return Float32Array.from(code, (value, j) => min[j] + (value + OFFSET) * step[j]);
  }

  /** Encodes every vector (scikit-learn's transform). */
  transform(vectors: readonly Float32Array[]): Int8Array[] {
    const { state } = this.fitted('transform');
    checkInputVectors(vectors, ESTIMATOR, 'transform', state.dim);
    return vectors.map((vector) => this.encode(vector));
  }

  /** Decodes every code back to approximate float vectors. */
  inverseTransform(codes: readonly Int8Array[]): Float32Array[] {
    return codes.map((code) => this.decode(code));
  }

  toJSON(): Int8QuantizerJson {
    return { kind: 'int8-quantizer', version: 1, params: {}, state: this.state };
  }

  static fromJSON(json: unknown): Int8Quantizer {
    const { state } = parseEstimatorJson(INT8_QUANTIZER_JSON, json, ESTIMATOR);
    expectLength(state.min.length, state.dim, 'state.min', ESTIMATOR);
    expectLength(state.max.length, state.dim, 'state.max', ESTIMATOR);
    const inverted = state.min.findIndex((low, j) => low > state.max[j]);
    if (inverted !== -1) throw new EmbeddingError('BAD_PARAMETER', `${ESTIMATOR}.fromJSON: state.min.${inverted} is above state.max.${inverted}`);
    const quantizer = new Int8Quantizer();
    quantizer.learned = quantizer.derive(state);
    return quantizer;
  }

  private derive(state: Int8QuantizerState): { state: Int8QuantizerState; min: Float64Array; step: Float64Array } {
    return { state, min: Float64Array.from(state.min), step: Float64Array.from(state.max, (high, j) => (high - state.min[j]) / LEVELS) };
  }

  private fitted(method: string): { state: Int8QuantizerState; min: Float64Array; step: Float64Array } {
    if (this.learned === null) throw notFitted(ESTIMATOR, method);
    return this.learned;
  }
}

const INT8_QUANTIZER_JSON = z.strictObject({
  kind: z.literal('int8-quantizer'),
  version: z.literal(1),
  params: z.strictObject({}),
  state: z.strictObject({ dim: z.int().positive(), min: numberList, max: numberList }),
});
