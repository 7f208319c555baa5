import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { fixNonPositiveSemidefinite, isPositiveSemidefinite } from './psd';
import { RiskModelError } from './risk-model-error';

// test_sample_cov_npd's matrix: eigenvalues about -0.00167 and 0.0813.
const npd = new Matrix([
  [0.03818144, 0.04182824],
  [0.04182824, 0.04149209],
]);

describe('isPositiveSemidefinite (Cholesky of M + 1e-16 I)', () => {
  it('accepts positive definite and zero matrices, rejects an indefinite one', () => {
    expect(isPositiveSemidefinite(new Matrix([[2, 1], [1, 2]]))).toBe(true);
    expect(isPositiveSemidefinite(Matrix.zeros(3, 3))).toBe(true);
    expect(isPositiveSemidefinite(npd)).toBe(false);
    expect(isPositiveSemidefinite(new Matrix([[1, 2], [2, 1]]))).toBe(false);
  });
});

describe('fixNonPositiveSemidefinite', () => {
  it('returns a PSD matrix unchanged (same object)', () => {
    const psd = new Matrix([[2, 1], [1, 2]]);
    expect(fixNonPositiveSemidefinite(psd)).toBe(psd);
  });

  it("'spectral' zeroes the negative eigenvalue and keeps the positive one", () => {
    const fixed = fixNonPositiveSemidefinite(npd, 'spectral');
    expect(isPositiveSemidefinite(fixed)).toBe(true);
    const before = new EigenvalueDecomposition(npd, { assumeSymmetric: true }).realEigenvalues;
    const after = new EigenvalueDecomposition(fixed, { assumeSymmetric: true }).realEigenvalues;
    expect(after[0]).toBeCloseTo(0, 14);
    expect(after[1]).toBeCloseTo(before[1], 14);
  });

  it("'diag' subtracts 1.1 x the smallest eigenvalue from the diagonal", () => {
    const fixed = fixNonPositiveSemidefinite(npd, 'diag');
    expect(isPositiveSemidefinite(fixed)).toBe(true);
    const smallest = Math.min(...new EigenvalueDecomposition(npd, { assumeSymmetric: true }).realEigenvalues);
    expect(fixed.get(0, 1)).toBe(npd.get(0, 1));
    expect(fixed.get(0, 0)).toBeCloseTo(npd.get(0, 0) - 1.1 * smallest, 15);
  });

  it('rejects an unknown method, a non-square or non-finite matrix', () => {
    expect(() => fixNonPositiveSemidefinite(npd, 'clip' as 'diag')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', parameter: 'options.fixMethod' }),
    );
    expect(() => fixNonPositiveSemidefinite(new Matrix(2, 3))).toThrow(
      expect.objectContaining({ code: 'SHAPE_MISMATCH', parameter: 'matrix' }),
    );
    expect(() => isPositiveSemidefinite(new Matrix([[Number.NaN]]))).toThrow(RiskModelError);
  });
});
