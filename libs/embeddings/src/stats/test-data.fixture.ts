import { createRng } from '@tethys/data';

/**
 * Seeded vectors with a known covariance: coordinate k of the latent signal has
 * standard deviation `scales[k]` along axis `basis[k]`, plus isotropic noise.
 */
export function structuredVectors(options: {
  count: number;
  dim: number;
  scales: readonly number[];
  noise: number;
  seed: number;
  basis?: readonly Float64Array[];
  offset?: number;
}): Float32Array[] {
  const rng = createRng(options.seed);
  const basis = options.basis ?? options.scales.map((_, k) => Float64Array.from({ length: options.dim }, (_, j) => (j === k ? 1 : 0)));
  return Array.from({ length: options.count }, () => {
    const vector = new Float32Array(options.dim).fill(options.offset ?? 0);
    options.scales.forEach((scale, k) => {
      const amount = rng.normal(0, scale);
      for (let j = 0; j < options.dim; j += 1) vector[j] += amount * basis[k][j];
    });
    for (let j = 0; j < options.dim; j += 1) vector[j] += rng.normal(0, options.noise);
    return vector;
  });
}

/** A random orthonormal set of `count` vectors in `dim` dimensions (Gram-Schmidt on seeded normals). */
export function randomOrthonormalBasis(count: number, dim: number, seed: number): Float64Array[] {
  const rng = createRng(seed);
  const basis: Float64Array[] = [];
  while (basis.length < count) {
    const candidate = Float64Array.from({ length: dim }, () => rng.normal());
    for (const previous of basis) {
      const overlap = candidate.reduce((sum, value, j) => sum + value * previous[j], 0);
      for (let j = 0; j < dim; j += 1) candidate[j] -= overlap * previous[j];
    }
    const norm = Math.hypot(...candidate);
    basis.push(candidate.map((value) => value / norm));
  }
  return basis;
}
