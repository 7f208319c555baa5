import { createRng } from '@tethys/data';
import { EmbeddingError } from '../embedding-error';
import { embeddingStats } from './embedding-stats';
import { principalComponents } from './principal-components';
import { randomOrthonormalBasis, structuredVectors } from './test-data.fixture';

const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += a[i] * b[i];
  return sum;
};

describe('embeddingStats', () => {
  it('summarises the norm distribution (sample sd, numpy-linear quantiles)', () => {
    const vectors = [1, 2, 3, 4, 5].map((norm) => Float32Array.of(0.6 * norm, 0.8 * norm));
    vectors.push(Float32Array.of(0, 3)); // a sixth vector off the line, so the spectrum is defined
    const { norms, count, dim } = embeddingStats(vectors);
    expect(count).toBe(6);
    expect(dim).toBe(2);
    expect(norms.mean).toBeCloseTo(3, 6);
    expect(norms.min).toBeCloseTo(1, 6);
    expect(norms.max).toBeCloseTo(5, 6);
    expect(norms.median).toBeCloseTo(3, 6);
    expect(norms.p05).toBeCloseTo(1.25, 6); // sorted 1,2,3,3,4,5: position 0.25 between 1 and 2
    expect(norms.p95).toBeCloseTo(4.75, 6);
    expect(norms.sd).toBeCloseTo(Math.sqrt(10 / 5), 6);
  });

  it('computes the mean pairwise cosine exactly for small sets', () => {
    const stats = embeddingStats([Float32Array.of(1, 0), Float32Array.of(0, 2), Float32Array.of(3, 3)]);
    expect(stats.anisotropy.method).toBe('exact');
    expect(stats.anisotropy.pairs).toBe(3);
    expect(stats.anisotropy.meanCosine).toBeCloseTo((0 + Math.SQRT1_2 + Math.SQRT1_2) / 3, 6);
  });

  it('samples seeded pairs above maxPairs, close to the exact mean', () => {
    const vectors = structuredVectors({ count: 300, dim: 6, scales: [2, 1], noise: 0.3, seed: 3, offset: 1 });
    const exact = embeddingStats(vectors, { maxPairs: 1_000_000 }).anisotropy;
    const sampled = embeddingStats(vectors, { maxPairs: 20_000, seed: 7 }).anisotropy;
    expect(exact.method).toBe('exact');
    expect(sampled).toMatchObject({ method: 'sampled', pairs: 20_000, seed: 7 });
    expect(Math.abs(sampled.meanCosine - exact.meanCosine)).toBeLessThan(0.01);
    expect(embeddingStats(vectors, { maxPairs: 20_000, seed: 7 }).anisotropy.meanCosine).toBe(sampled.meanCosine);
    expect(embeddingStats(vectors, { maxPairs: 20_000, seed: 8 }).anisotropy.meanCosine).not.toBe(sampled.meanCosine);
  });

  it('recovers a known variance spectrum (variances 9 : 4 : 1 on a random basis)', () => {
    const basis = randomOrthonormalBasis(3, 12, 11);
    const vectors = structuredVectors({ count: 4000, dim: 12, scales: [3, 2, 1], noise: 0.01, seed: 5, basis, offset: 0.5 });
    const { spectrum } = embeddingStats(vectors, { components: 4 });
    expect(spectrum.explainedVarianceRatio).toHaveLength(4);
    expect(spectrum.explainedVarianceRatio[0]).toBeCloseTo(9 / 14, 1);
    expect(spectrum.explainedVarianceRatio[1]).toBeCloseTo(4 / 14, 1);
    expect(spectrum.explainedVarianceRatio[2]).toBeCloseTo(1 / 14, 1);
    expect(spectrum.explainedVarianceRatio[3]).toBeLessThan(0.001);
    expect(spectrum.cumulativeVarianceRatio[2]).toBeGreaterThan(0.99);
    expect([spectrum.dimsFor90, spectrum.dimsFor95, spectrum.dimsFor99]).toEqual([2, 3, 3]);
    const shares = [9, 4, 1].map((v) => v / 14);
    const expectedRank = Math.exp(-shares.reduce((sum, p) => sum + p * Math.log(p), 0));
    expect(spectrum.effectiveRank).toBeGreaterThan(expectedRank - 0.1);
    expect(spectrum.effectiveRank).toBeLessThan(expectedRank + 0.1);
  });

  it('gives effective rank = dim for a perfectly isotropic set', () => {
    const dim = 5;
    const vectors: Float32Array[] = [];
    for (let k = 0; k < dim; k += 1) {
      for (const sign of [1, -1]) vectors.push(Float32Array.from({ length: dim }, (_, j) => (j === k ? sign : 0)));
    }
    const { spectrum, anisotropy } = embeddingStats(vectors);
    expect(spectrum.effectiveRank).toBeCloseTo(dim, 6);
    expect(spectrum.dimsFor90).toBe(5);
    expect(anisotropy.meanCosine).toBeCloseTo(-1 / (2 * dim - 1), 6);
  });

  it('refuses unusable input with typed errors naming the vector', () => {
    const ok = Float32Array.of(1, 2, 3);
    expect(() => embeddingStats([ok])).toThrow(/at least 2 vectors/);
    expect(() => embeddingStats([ok, Float32Array.of(1, 2)])).toThrow(expect.objectContaining({ code: 'DIMENSION_MISMATCH' }));
    expect(() => embeddingStats([ok, Float32Array.of(1, Number.NaN, 3)])).toThrow(/vector 1, component 1 is NaN/);
    expect(() => embeddingStats([ok, new Float32Array(3)])).toThrow(/vector 1 is all zeros/);
    expect(() => embeddingStats([ok, ok])).toThrow(/identical/);
    expect(() => embeddingStats([ok, Float32Array.of(3, 2, 1)], { components: 0 })).toThrow(EmbeddingError);
    expect(() => embeddingStats([ok, Float32Array.of(3, 2, 1)], { maxPairs: 1.5 })).toThrow(/maxPairs/);
  });
});

describe('principalComponents', () => {
  it.each([
    ['more vectors than dimensions (covariance eigen-decomposition)', 60, 8],
    ['fewer vectors than dimensions (SVD of the data)', 6, 20],
  ])('returns orthonormal axes whose projections have the reported variances: %s', (_, count, dim) => {
    const rng = createRng(count);
    const vectors = Array.from({ length: count }, () => Float32Array.from({ length: dim }, (_, j) => rng.normal(j % 3, 1 + j / 4)));
    const pca = principalComponents(vectors, 4);
    for (let a = 0; a < 4; a += 1) {
      for (let b = 0; b < 4; b += 1) expect(dot(pca.axes[a], pca.axes[b])).toBeCloseTo(a === b ? 1 : 0, 8);
      const projections = vectors.map((vector) => dot(Float64Array.from(vector, (v, j) => v - pca.mean[j]), pca.axes[a]));
      const variance = projections.reduce((sum, p) => sum + p * p, 0) / (count - 1);
      expect(variance).toBeCloseTo(pca.variances[a], 5);
    }
    for (let k = 1; k < pca.variances.length; k += 1) expect(pca.variances[k]).toBeLessThanOrEqual(pca.variances[k - 1]);
    expect(pca.variances.reduce((sum, v) => sum + v, 0)).toBeCloseTo(pca.totalVariance, 6);
  });

  it('refuses more axes than the vectors span', () => {
    const basis = randomOrthonormalBasis(2, 20, 2);
    const flat = structuredVectors({ count: 6, dim: 20, scales: [2, 1], noise: 0, seed: 9, basis });
    expect(principalComponents(flat, 2).axes).toHaveLength(2);
    expect(() => principalComponents(flat, 4)).toThrow(/span fewer than 3 dimensions/);
    expect(() => principalComponents(flat, 6)).toThrow(/components must be an integer in \[0, 5\]/);
  });
});
