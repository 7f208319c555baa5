import { createRng } from '@tethys/data';
import { fitPca, pcaProject } from './pca';

describe('fitPca', () => {
  it('finds the direction of largest variance, with a fixed sign, and projects onto it', () => {
    const rng = createRng(11);
    // Points along (3, 4)/5 with small noise in the other direction.
    const rows = Array.from({ length: 200 }, () => {
      const t = rng.normal(0, 2);
      const noise = rng.normal(0, 0.1);
      return Float32Array.of(1 + 0.6 * t - 0.8 * noise, -2 + 0.8 * t + 0.6 * noise);
    });
    const pca = fitPca(rows, 1);
    expect(pca.components[0]).toBeCloseTo(0.6, 2);
    expect(pca.components[1]).toBeCloseTo(0.8, 2);
    expect(pca.variances[0]).toBeGreaterThan(3);
    expect(pca.mean[0]).toBeCloseTo(1, 0);
    const out = new Float32Array(1);
    pcaProject(pca, Float32Array.of(pca.mean[0] + 0.6, pca.mean[1] + 0.8), out);
    expect(out[0]).toBeCloseTo(1, 2);
    // Negated rows have the same covariance: the sign convention keeps the same component.
    const flipped = fitPca(rows.map((row) => Float32Array.from(row, (x) => -x)), 1);
    expect(flipped.components[1]).toBeCloseTo(0.8, 2);
  });

  it('rejects too few rows and a dimension above the input dimension', () => {
    expect(() => fitPca([Float32Array.of(1, 2)], 1)).toThrow('PCA needs at least 2 rows');
    expect(() => fitPca([Float32Array.of(1, 2), Float32Array.of(2, 1)], 3)).toThrow('dim must be an integer in [1, 2]');
  });
});
