import { inverse, Matrix } from 'ml-matrix';
import { createRng } from '@tethys/data';
import { expectFactorError } from './expect-factor-error.fixture';
import { defaultNeweyWestLags } from './newey-west';
import { ols } from './ols';

const f64 = (values: number[]) => Float64Array.from(values);

describe('ols: hand-computed simple regression', () => {
  // x = 0..4, y = 1 3 2 5 4: x̄ = 2, ȳ = 3, Sxx = 10, Sxy = 8 -> slope 0.8, intercept 1.4;
  // residuals -0.4 0.8 -1 1.2 -0.6, RSS = 3.6, s² = 1.2, TSS = 10.
  const y = f64([1, 3, 2, 5, 4]);
  const x = f64([0, 1, 2, 3, 4]);
  const result = ols(y, [x], { hac: { lags: 1 }, names: ['x'] });

  it('recovers coefficients, residuals and R²', () => {
    expect(result.names).toEqual(['const', 'x']);
    expect(result.coefficients[0]).toBeCloseTo(1.4, 12);
    expect(result.coefficients[1]).toBeCloseTo(0.8, 12);
    [-0.4, 0.8, -1, 1.2, -0.6].forEach((u, t) => expect(result.residuals[t]).toBeCloseTo(u, 12));
    expect(result.rSquared).toBeCloseTo(0.64, 12);
    expect(result.adjustedRSquared).toBeCloseTo(0.52, 12); // 1 - 0.36 · 4 / 3
    expect(result.degreesOfFreedom).toBe(3);
    expect(result.residualVariance).toBeCloseTo(1.2, 12);
  });

  it('gives classic standard errors s² (X\'X)^-1 and Student-t p-values', () => {
    // var(slope) = s² / Sxx = 0.12; var(intercept) = s² (1/n + x̄² / Sxx) = 0.72.
    expect(result.classic.standardErrors[0]).toBeCloseTo(Math.sqrt(0.72), 12);
    expect(result.classic.standardErrors[1]).toBeCloseTo(Math.sqrt(0.12), 12);
    expect(result.classic.tStats[1]).toBeCloseTo(0.8 / Math.sqrt(0.12), 12);
    expect(result.classic.pValues[0]).toBeCloseTo(0.1975233934097841, 10); // scipy 2·t.sf(1.6499, 3)
    expect(result.classic.pValues[1]).toBeCloseTo(0.10408803866182785, 10);
  });

  it('gives the hand-computed Newey-West covariance with one lag', () => {
    // Γ0 = [[3.6, 8.4], [8.4, 23.36]], Γ1 = [[-3.04, -5.36], [-8.4, -17.44]], w1 = 1/2:
    // S = [[0.56, 1.52], [1.52, 5.92]]; (X'X)^-1 = [[0.6, -0.2], [-0.2, 0.1]]; V = B S B.
    expect(result.hac.lags).toBe(1);
    expect(result.hac.covariance.get(0, 0)).toBeCloseTo(0.0736, 12);
    expect(result.hac.covariance.get(1, 1)).toBeCloseTo(0.0208, 12);
    expect(result.hac.covariance.get(0, 1)).toBeCloseTo(-0.0336, 12);
    expect(result.hac.pValues[1]).toBeCloseTo(0.011552639435857848, 10);
  });

  it('accepts an ml-matrix design with the same result', () => {
    const fromMatrix = ols(y, new Matrix([[0], [1], [2], [3], [4]]), { hac: { lags: 1 } });
    expect(Array.from(fromMatrix.coefficients)).toEqual(Array.from(result.coefficients));
    expect(fromMatrix.names).toEqual(['const', 'x0']);
  });
});

describe('ols: Newey-West special cases', () => {
  // Intercept only, y = 1..5: u = -2 -1 0 1 2, Σu² = 10, Σ u_t u_{t-1} = 4.
  const y = f64([1, 2, 3, 4, 5]);

  it('lag 0 is White HC0 and lag 1 adds the Bartlett-weighted autocovariance', () => {
    expect(ols(y, [], { hac: { lags: 0 } }).hac.standardErrors[0]).toBeCloseTo(Math.sqrt(10 / 25), 12);
    expect(ols(y, [], { hac: { lags: 1 } }).hac.standardErrors[0]).toBeCloseTo(Math.sqrt((10 + 2 * 0.5 * 4) / 25), 12);
    expect(ols(y, []).classic.standardErrors[0]).toBeCloseTo(Math.sqrt(2.5 / 5), 12);
  });

  it('matches a brute-force double sum Σ_t Σ_s w(|t-s|) u_t u_s x_t x_s\' on random data', () => {
    const rng = createRng(11);
    const T = 40;
    const x1 = Float64Array.from({ length: T }, () => rng.normal(0, 1));
    const x2 = Float64Array.from({ length: T }, () => rng.normal(0, 1));
    const yy = Float64Array.from({ length: T }, (_, t) => 0.3 + 0.5 * x1[t] - x2[t] + rng.normal(0, 0.5));
    const lags = 3;
    const fit = ols(yy, [x1, x2], { hac: { lags } });
    const rows = Array.from({ length: T }, (_, t) => [1, x1[t], x2[t]]);
    const meat = new Matrix(3, 3);
    for (let t = 0; t < T; t++) {
      for (let s = 0; s < T; s++) {
        const distance = Math.abs(t - s);
        if (distance > lags) continue;
        const weight = 1 - distance / (lags + 1);
        for (let i = 0; i < 3; i++) {
          for (let j = 0; j < 3; j++) {
            meat.set(i, j, meat.get(i, j) + weight * fit.residuals[t] * fit.residuals[s] * rows[t][i] * rows[s][j]);
          }
        }
      }
    }
    // An independent bread: ml-matrix's LU inverse of X'X (the estimator uses an SVD).
    const X = new Matrix(rows);
    const breadInverse = inverse(X.transpose().mmul(X));
    const covariance = breadInverse.mmul(meat).mmul(breadInverse);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) expect(fit.hac.covariance.get(i, j)).toBeCloseTo(covariance.get(i, j), 12);
    }
  });

  it('defaults to floor(4 (T/100)^(2/9)) lags', () => {
    expect(defaultNeweyWestLags(100)).toBe(4);
    expect(defaultNeweyWestLags(2276)).toBe(8);
    expect(defaultNeweyWestLags(50)).toBe(3);
    const rng = createRng(3);
    const yy = Float64Array.from({ length: 250 }, () => rng.normal(0, 1));
    expect(ols(yy, []).hac.lags).toBe(Math.floor(4 * 2.5 ** (2 / 9)));
  });
});

describe('ols: exact and known fits', () => {
  it('recovers an exact two-regressor relation with R² = 1', () => {
    const x1 = f64([1, 2, 3, 4, 5, 6, 7]);
    const x2 = f64([2, -1, 0, 5, 3, 3, 1]);
    const y = x1.map((v, t) => 1 + 2 * v - 3 * x2[t]);
    const result = ols(y, [x1, x2]);
    [1, 2, -3].forEach((b, j) => expect(result.coefficients[j]).toBeCloseTo(b, 11));
    expect(result.rSquared).toBeCloseTo(1, 12);
    result.classic.standardErrors.forEach((se) => expect(se).toBeLessThan(1e-10));
    result.classic.pValues.forEach((p) => expect(p).toBeLessThan(1e-10));
  });

  it('matches numpy on a three-coefficient regression', () => {
    const x1 = f64([1, 2, 3, 4, 5, 6, 7, 8]);
    const x2 = f64([2, 1, 4, 3, 6, 5, 8, 9]);
    const y = f64([3, 4, 8, 7, 12, 11, 15, 18]);
    const result = ols(y, [x1, x2], { hac: { lags: 2 } });
    // numpy lstsq + the same formulas; p from scipy.stats.t with df = 5.
    const expected = {
      coefficients: [0.5098039215686284, 0.852941176470589, 1.1372549019607847],
      classic: [0.4758690627259454, 0.25994261928554613, 0.22612867832687839],
      classicP: [0.33299362657050663, 0.02192382048354095, 0.004003434538429667],
      hac: [0.28355432596802993, 0.2275621473965061, 0.19043131665755042],
      hacP: [0.13211332922960578, 0.013318848649903469, 0.001885178502915788],
    };
    for (let j = 0; j < 3; j++) {
      expect(result.coefficients[j]).toBeCloseTo(expected.coefficients[j], 12);
      expect(result.classic.standardErrors[j]).toBeCloseTo(expected.classic[j], 12);
      expect(result.classic.pValues[j]).toBeCloseTo(expected.classicP[j], 10);
      expect(result.hac.standardErrors[j]).toBeCloseTo(expected.hac[j], 12);
      expect(result.hac.pValues[j]).toBeCloseTo(expected.hacP[j], 10);
    }
    expect(result.rSquared).toBeCloseTo(0.9902728715507091, 12);
    expect(result.adjustedRSquared).toBeCloseTo(0.9863820201709927, 12);
  });

  it('uses the uncentred R² without an intercept', () => {
    // b = Σxy / Σx² = 59.7 / 30 = 1.99; RSS = 0.097; Σy² = 118.9.
    const result = ols(f64([2.1, 3.9, 6.2, 7.8]), [f64([1, 2, 3, 4])], { intercept: false });
    expect(result.names).toEqual(['x0']);
    expect(result.coefficients[0]).toBeCloseTo(1.99, 12);
    expect(result.rSquared).toBeCloseTo(1 - 0.097 / 118.9, 12);
    expect(result.adjustedRSquared).toBeCloseTo(1 - ((0.097 / 118.9) * 4) / 3, 12);
    expect(result.classic.standardErrors[0]).toBeCloseTo(Math.sqrt(0.097 / 3 / 30), 12);
  });
});

describe('ols: typed errors', () => {
  const y = f64([1, 2, 4, 3, 5, 7]);
  const x = f64([1, 3, 2, 5, 4, 6]);

  it('refuses too few observations for the coefficients', () => {
    const error = expectFactorError(() => ols(f64([1, 2]), [f64([3, 5])]), 'TOO_FEW_OBSERVATIONS', 'y');
    expect(error.message).toMatch(/need at least 3/);
  });

  it('refuses collinear regressors and names them', () => {
    const error = expectFactorError(() => ols(y, [x, x.map((v) => 2 * v)], { names: ['a', 'b'] }), 'SINGULAR_DESIGN', 'X');
    expect(error.message).toMatch(/column (a|b) is .*linear combination of .*\b(a|b)\b/);
    expectFactorError(() => ols(y, [f64([2, 2, 2, 2, 2, 2])]), 'SINGULAR_DESIGN', 'X');
    expectFactorError(() => ols(y, [new Float64Array(6)]), 'SINGULAR_DESIGN', 'X');
  });

  it('says where a NaN is', () => {
    const badY = y.slice();
    badY[3] = Number.NaN;
    expectFactorError(() => ols(badY, [x]), 'NON_FINITE_VALUE', 'y', 3);
    const badX = x.slice();
    badX[4] = Infinity;
    expectFactorError(() => ols(y, [x, badX]), 'NON_FINITE_VALUE', 'X[1]', 4);
    const matrix = new Matrix([[1], [2], [Number.NaN], [4], [5], [6]]);
    expectFactorError(() => ols(y, matrix), 'NON_FINITE_VALUE', 'X[:, 0]', 2);
  });

  it('refuses mismatched lengths, bad lags and a constant response', () => {
    expectFactorError(() => ols(y, [x.subarray(0, 5)]), 'LENGTH_MISMATCH', 'X[0]');
    expectFactorError(() => ols(y, new Matrix(5, 1)), 'LENGTH_MISMATCH', 'X');
    expectFactorError(() => ols(y, [x], { names: ['a', 'b'] }), 'LENGTH_MISMATCH', 'options.names');
    expectFactorError(() => ols(y, [x], { hac: { lags: 6 } }), 'INVALID_PARAMETER', 'options.hac.lags');
    expectFactorError(() => ols(y, [x], { hac: { lags: 1.5 } }), 'INVALID_PARAMETER', 'options.hac.lags');
    expectFactorError(() => ols(f64([3, 3, 3, 3]), [f64([1, 2, 3, 5])]), 'DEGENERATE_DATA', 'y');
    expectFactorError(() => ols(y, [], { intercept: false }), 'INVALID_PARAMETER', 'X');
  });
});
