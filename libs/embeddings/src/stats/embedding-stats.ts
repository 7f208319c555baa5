import { createRng } from '@tethys/data';
import { quantileSorted } from '@tethys/finance-math';
import { EmbeddingError } from '../embedding-error';
import { principalComponents } from './principal-components';
import { checkInteger, checkVectors } from './vector-checks';

export interface EmbeddingStatsOptions {
  /** Seed for the sampled pairs (only used when the pairs are sampled); default 0. */
  seed?: number;
  /** Above this many distinct pairs, the mean cosine is estimated from this many seeded random pairs; default 100,000. */
  maxPairs?: number;
  /** How many explained-variance ratios to report; default 10 (fewer when there are fewer dimensions). */
  components?: number;
}

export interface NormSummary {
  mean: number;
  /** Sample standard deviation (divisor n - 1; 0 for one vector). */
  sd: number;
  min: number;
  p05: number;
  median: number;
  p95: number;
  max: number;
}

export interface AnisotropySummary {
  /** Mean cosine similarity between two different vectors: near 0 for isotropic embeddings, near 1 when all point one way. */
  meanCosine: number;
  /** `exact`: every distinct pair; `sampled`: `pairs` uniformly drawn pairs of distinct vectors (seeded). */
  method: 'exact' | 'sampled';
  pairs: number;
  /** The seed of the sampled pairs (present only when sampled). */
  seed?: number;
}

export interface SpectrumSummary {
  /** Share of the total variance along each of the first principal axes, largest first. */
  explainedVarianceRatio: number[];
  /** Running sum of explainedVarianceRatio. */
  cumulativeVarianceRatio: number[];
  /** Roy & Vetterli (2007): exp of the Shannon entropy of the covariance eigenvalues normalised to sum 1 (between 1 and dim). */
  effectiveRank: number;
  /** Fewest principal axes that hold at least 90 / 95 / 99 % of the variance (over the full spectrum). */
  dimsFor90: number;
  dimsFor95: number;
  dimsFor99: number;
}

export interface EmbeddingStats {
  count: number;
  dim: number;
  norms: NormSummary;
  anisotropy: AnisotropySummary;
  spectrum: SpectrumSummary;
}

const DEFAULT_MAX_PAIRS = 100_000;
const DEFAULT_COMPONENTS = 10;

/**
 * Summary statistics of a set of embeddings for `embedding_stats.json`: norm
 * distribution, anisotropy (mean pairwise cosine) and the PCA spectrum.
 * Needs at least two vectors of one length, finite and non-zero.
 */
export function embeddingStats(vectors: readonly Float32Array[], options: EmbeddingStatsOptions = {}): EmbeddingStats {
  const dim = checkVectors(vectors, 'embeddingStats', { minCount: 2 });
  const seed = options.seed ?? 0;
  const maxPairs = checkInteger(options.maxPairs ?? DEFAULT_MAX_PAIRS, 'maxPairs', 1);
  const components = checkInteger(options.components ?? Math.min(DEFAULT_COMPONENTS, dim), 'components', 1, dim);
  const norms = vectors.map((vector, row) => {
    const norm = Math.sqrt(dotProduct(vector, vector));
    if (norm === 0) throw new EmbeddingError('BAD_PARAMETER', `embeddingStats: vector ${row} is all zeros (cosine is undefined)`);
    return norm;
  });
  return {
    count: vectors.length,
    dim,
    norms: summariseNorms(norms),
    anisotropy: meanPairwiseCosine(vectors, norms, maxPairs, seed),
    spectrum: varianceSpectrum(vectors, components),
  };
}

function summariseNorms(norms: readonly number[]): NormSummary {
  const sorted = Float64Array.from(norms).sort();
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  const squares = sorted.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return {
    mean,
    sd: sorted.length > 1 ? Math.sqrt(squares / (sorted.length - 1)) : 0,
    min: sorted[0],
    p05: quantileSorted(sorted, 0.05),
    median: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    max: sorted[sorted.length - 1],
  };
}

function meanPairwiseCosine(vectors: readonly Float32Array[], norms: readonly number[], maxPairs: number, seed: number): AnisotropySummary {
  const count = vectors.length;
  const cosine = (i: number, j: number): number => dotProduct(vectors[i], vectors[j]) / (norms[i] * norms[j]);
  const allPairs = (count * (count - 1)) / 2;
  if (allPairs <= maxPairs) {
    let sum = 0;
    for (let i = 0; i < count; i += 1) for (let j = i + 1; j < count; j += 1) sum += cosine(i, j);
    return { meanCosine: sum / allPairs, method: 'exact', pairs: allPairs };
  }
  // Pairs drawn with replacement: an unbiased estimate of the mean over all distinct pairs.
  const rng = createRng(seed).fork('embedding-stats/pairs');
  let sum = 0;
  for (let drawn = 0; drawn < maxPairs; drawn += 1) {
    const i = rng.int(count);
    const j = (i + 1 + rng.int(count - 1)) % count; // uniform over the other count - 1 vectors
    sum += cosine(i, j);
  }
  return { meanCosine: sum / maxPairs, method: 'sampled', pairs: maxPairs, seed };
}

function varianceSpectrum(vectors: readonly Float32Array[], components: number): SpectrumSummary {
  const { variances, totalVariance } = principalComponents(vectors, 0, 'embeddingStats');
  if (!(totalVariance > 0)) {
    throw new EmbeddingError('BAD_PARAMETER', 'embeddingStats: all vectors are identical, so the variance spectrum is undefined');
  }
  // Shares of the eigenvalue sum (equal to the total variance up to rounding), so the shares add to 1.
  const eigenSum = variances.reduce((sum, value) => sum + value, 0);
  const ratios = Array.from(variances, (value) => value / eigenSum);
  const cumulative: number[] = [];
  ratios.reduce((running, ratio) => {
    cumulative.push(running + ratio);
    return running + ratio;
  }, 0);
  const entropy = ratios.reduce((sum, p) => (p > 0 ? sum - p * Math.log(p) : sum), 0);
  const dimsFor = (share: number): number => {
    const index = cumulative.findIndex((value) => value >= share - 1e-12);
    return index === -1 ? ratios.length : index + 1;
  };
  const shown = Math.min(components, ratios.length);
  return {
    explainedVarianceRatio: ratios.slice(0, shown),
    cumulativeVarianceRatio: cumulative.slice(0, shown),
    effectiveRank: Math.exp(entropy),
    dimsFor90: dimsFor(0.9),
    dimsFor95: dimsFor(0.95),
    dimsFor99: dimsFor(0.99),
  };
}

function dotProduct(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += a[i] * b[i];
  return sum;
}
