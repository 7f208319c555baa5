import { createRng } from '@tethys/data';
import { EmbeddingError } from '../embedding-error';
import { randomOrthonormalBasis, structuredVectors } from '../stats/test-data.fixture';
import { Int8Quantizer } from './int8-quantizer';
import { PcaReducer } from './pca-reducer';
import { loadReutersUseLite } from './reuters-use-lite.fixture';
import { Whitener } from './whitener';

const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += a[i] * b[i];
  return sum;
};

/** Indices of the k most cosine-similar other vectors (vectors are unit length). */
function nearest(vectors: readonly Float32Array[], query: number, k: number): number[] {
  return vectors
    .map((vector, index) => ({ index, score: index === query ? -Infinity : dot(vectors[query], vector) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map(({ index }) => index);
}

/** Mean share of each vector's top-k neighbours that are still among its top-k after a transform. */
function neighbourOverlap(before: readonly Float32Array[], after: readonly Float32Array[], k = 5): number {
  let kept = 0;
  before.forEach((_, query) => {
    const original = new Set(nearest(before, query, k));
    kept += nearest(after, query, k).filter((index) => original.has(index)).length;
  });
  return kept / (before.length * k);
}

function covariance(vectors: readonly Float32Array[]): number[][] {
  const dim = vectors[0].length;
  const mean = Array.from({ length: dim }, (_, j) => vectors.reduce((sum, v) => sum + v[j], 0) / vectors.length);
  return mean.map((_, a) =>
    mean.map((__, b) => vectors.reduce((sum, v) => sum + (v[a] - mean[a]) * (v[b] - mean[b]), 0) / (vectors.length - 1)),
  );
}

// PCA of 512-d vectors takes a moment when test files share the CPU with other work.
jest.setTimeout(30_000);

const reuters = loadReutersUseLite();

describe('PcaReducer', () => {
  it('recovers a planted 2-d subspace', () => {
    const basis = randomOrthonormalBasis(2, 10, 21);
    const vectors = structuredVectors({ count: 500, dim: 10, scales: [3, 2], noise: 0.02, seed: 4, basis, offset: 1 });
    const reducer = new PcaReducer({ components: 2, normalize: false }).fit(vectors);
    const { axes, explainedVarianceRatio } = reducer.state;
    // Each learned axis lies in the planted plane (its projection onto the plane has length ~1) ...
    for (const axis of axes) expect(Math.hypot(dot(axis, basis[0]), dot(axis, basis[1]))).toBeGreaterThan(0.999);
    // ... and the first one is the high-variance direction.
    expect(Math.abs(dot(axes[0], basis[0]))).toBeGreaterThan(0.99);
    expect(explainedVarianceRatio[0] + explainedVarianceRatio[1]).toBeGreaterThan(0.99);
    const [projected] = reducer.transform([vectors[0]]);
    expect(projected).toHaveLength(2);
  });

  it('outputs unit vectors that keep most cosine neighbours of real embeddings', () => {
    const reduced = new PcaReducer({ components: 32 }).fitTransform(reuters.vectors);
    for (const vector of reduced) expect(Math.sqrt(dot(vector, vector))).toBeCloseTo(1, 5);
    expect(neighbourOverlap(reuters.vectors, reduced)).toBeGreaterThan(0.7);
    // Fewer axes keep less: the measure can fail.
    expect(neighbourOverlap(reuters.vectors, new PcaReducer({ components: 4 }).fitTransform(reuters.vectors))).toBeLessThan(0.6);
  });

  it('round-trips through JSON to identical outputs', () => {
    const reducer = new PcaReducer({ components: 8 }).fit(reuters.vectors.slice(0, 50));
    const restored = PcaReducer.fromJSON(JSON.parse(JSON.stringify(reducer)));
    expect(restored.transform(reuters.vectors.slice(50))).toEqual(reducer.transform(reuters.vectors.slice(50)));
    expect(restored.params).toEqual({ components: 8, normalize: true });
  });

  it('refuses unfitted use, bad settings and mismatched vectors with typed errors', () => {
    const reducer = new PcaReducer({ components: 3 });
    expect(() => reducer.transform(reuters.vectors)).toThrow(expect.objectContaining({ code: 'NOT_FITTED' }));
    expect(() => reducer.toJSON()).toThrow(/call fit/);
    expect(() => new PcaReducer({ components: 0 })).toThrow(/components must be an integer >= 1/);
    expect(() => new PcaReducer({ components: 5 }).fit(reuters.vectors.slice(0, 5))).toThrow(/components .*in \[1, 4\]/);
    reducer.fit(reuters.vectors);
    expect(() => reducer.transform([new Float32Array(10)])).toThrow(expect.objectContaining({ code: 'DIMENSION_MISMATCH' }));
    expect(() => reducer.transform([Float32Array.from(reducer.state.mean)])).toThrow(/vector 0 projects to zero/);
    const json = reducer.toJSON();
    expect(() => PcaReducer.fromJSON({ ...json, kind: 'whitener' })).toThrow(/PcaReducer\.fromJSON: kind/);
    expect(() => PcaReducer.fromJSON({ ...json, state: { ...json.state, mean: [1, 2] } })).toThrow(/state\.mean has length 2, expected 512/);
  });
});

describe('Whitener', () => {
  it('gives whitened training data an identity covariance (normalize: false)', () => {
    const basis = randomOrthonormalBasis(4, 6, 8);
    const vectors = structuredVectors({ count: 400, dim: 6, scales: [5, 3, 1, 0.5], noise: 0.1, seed: 12, basis, offset: 2 });
    const whitened = new Whitener({ epsilon: 1e-9, normalize: false }).fitTransform(vectors);
    expect(whitened[0]).toHaveLength(6);
    covariance(whitened).forEach((row, a) => row.forEach((value, b) => expect(value).toBeCloseTo(a === b ? 1 : 0, 4)));
  });

  it('reduces the anisotropy of real embeddings and outputs unit vectors', () => {
    const meanCosine = (vectors: readonly Float32Array[]): number => {
      let sum = 0;
      let pairs = 0;
      for (let i = 0; i < vectors.length; i += 1) {
        for (let j = i + 1; j < vectors.length; j += 1) {
          sum += dot(vectors[i], vectors[j]);
          pairs += 1;
        }
      }
      return sum / pairs;
    };
    const whitened = new Whitener({ components: 32 }).fitTransform(reuters.vectors);
    for (const vector of whitened) expect(Math.sqrt(dot(vector, vector))).toBeCloseTo(1, 5);
    expect(meanCosine(reuters.vectors)).toBeGreaterThan(0.3);
    expect(Math.abs(meanCosine(whitened))).toBeLessThan(0.05);
  });

  it('round-trips through JSON and refuses unfitted use', () => {
    const whitener = new Whitener({ components: 6, epsilon: 1e-4 });
    expect(() => whitener.transform(reuters.vectors)).toThrow(EmbeddingError);
    whitener.fit(reuters.vectors);
    const restored = Whitener.fromJSON(JSON.parse(JSON.stringify(whitener)));
    expect(restored.transform(reuters.vectors.slice(0, 5))).toEqual(whitener.transform(reuters.vectors.slice(0, 5)));
    expect(() => new Whitener({ epsilon: -1 })).toThrow(/epsilon/);
    expect(() => Whitener.fromJSON({ kind: 'whitener' })).toThrow(/Whitener\.fromJSON: version/);
  });
});

describe('Int8Quantizer', () => {
  it('round-trips within half a quantisation step per dimension', () => {
    const rng = createRng(31);
    const vectors = Array.from({ length: 200 }, () => Float32Array.from({ length: 16 }, (_, j) => rng.normal(j / 10, 1 + j)));
    const quantizer = new Int8Quantizer().fit(vectors);
    expect(quantizer.bytesPerVector).toBe(16);
    const bound = quantizer.maxRoundTripError;
    const codes = quantizer.transform(vectors);
    expect(codes[0]).toBeInstanceOf(Int8Array);
    quantizer.inverseTransform(codes).forEach((decoded, row) =>
      decoded.forEach((value, j) => expect(Math.abs(value - vectors[row][j])).toBeLessThanOrEqual(bound[j] * (1 + 1e-6) + 1e-6)),
    );
    // The extremes map to the end codes; out-of-range values clip.
    const state = quantizer.state;
    expect(quantizer.encode(Float32Array.from(state.min))).toEqual(new Int8Array(16).fill(-128));
    expect(quantizer.encode(Float32Array.from(state.max, (value) => value + 100))).toEqual(new Int8Array(16).fill(127));
  });

  it('keeps the cosine neighbours of real embeddings', () => {
    const quantizer = new Int8Quantizer().fit(reuters.vectors);
    const decoded = quantizer.inverseTransform(quantizer.transform(reuters.vectors)).map((vector) => {
      const norm = Math.sqrt(dot(vector, vector));
      return vector.map((value) => value / norm);
    });
    expect(neighbourOverlap(reuters.vectors, decoded)).toBeGreaterThan(0.95);
  });

  it('handles constant dimensions, round-trips through JSON and refuses unfitted use', () => {
    const quantizer = new Int8Quantizer();
    expect(() => quantizer.encode(Float32Array.of(1, 2))).toThrow(expect.objectContaining({ code: 'NOT_FITTED' }));
    expect(() => quantizer.bytesPerVector).toThrow(/call fit/);
    quantizer.fit([Float32Array.of(0.5, -1), Float32Array.of(0.5, 3)]);
    expect(quantizer.decode(quantizer.encode(Float32Array.of(0.5, 1)))[0]).toBe(0.5);
    const restored = Int8Quantizer.fromJSON(JSON.parse(JSON.stringify(quantizer)));
    expect(restored.encode(Float32Array.of(0.5, 2))).toEqual(quantizer.encode(Float32Array.of(0.5, 2)));
    expect(() => quantizer.decode(new Int8Array(3))).toThrow(/code has length 3, expected 2/);
    expect(() => Int8Quantizer.fromJSON({ ...quantizer.toJSON(), state: { dim: 1, min: [2], max: [1] } })).toThrow(/state\.min\.0 is above/);
  });
});
