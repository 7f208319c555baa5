import { Matrix } from 'ml-matrix';

/** The common rule-of-thumb HAC lag length floor(4 (T / 100)^(2/9)) (Newey & West 1994). */
export function defaultNeweyWestLags(observations: number): number {
  return Math.floor(4 * (observations / 100) ** (2 / 9));
}

/**
 * Newey-West HAC covariance of OLS coefficients with Bartlett weights:
 * V = (X'X)^-1 S (X'X)^-1, S = Σ_t u_t² x_t x_t' + Σ_{l=1..L} w_l Σ_{t=l}^{T-1} u_t u_{t-l} (x_t x_{t-l}' + x_{t-l} x_t'),
 * w_l = 1 - l / (L + 1). No small-sample scaling (statsmodels' `cov_type='HAC'` default);
 * L = 0 gives White's HC0.
 */
export function neweyWestCovariance(design: Matrix, residuals: Float64Array, inverseGram: Matrix, lags: number): Matrix {
  const rows = design.rows;
  const columns = design.columns;
  // Scores g_t = u_t x_t.
  const scores = new Matrix(rows, columns);
  for (let t = 0; t < rows; t++) {
    for (let j = 0; j < columns; j++) scores.set(t, j, residuals[t] * design.get(t, j));
  }
  const meat = new Matrix(columns, columns);
  for (let lag = 0; lag <= lags; lag++) {
    const weight = lag === 0 ? 1 : 1 - lag / (lags + 1);
    for (let i = 0; i < columns; i++) {
      for (let j = 0; j < columns; j++) {
        // Γ_l[i][j] = Σ_t g_t[i] g_{t-l}[j]; lag l adds w_l (Γ_l + Γ_l'), lag 0 adds Γ_0 once.
        let gamma = 0;
        for (let t = lag; t < rows; t++) gamma += scores.get(t, i) * scores.get(t - lag, j);
        const contribution = weight * gamma;
        meat.set(i, j, meat.get(i, j) + contribution);
        if (lag > 0) meat.set(j, i, meat.get(j, i) + contribution);
      }
    }
  }
  const covariance = inverseGram.mmul(meat).mmul(inverseGram);
  // Symmetrise away rounding so standard errors read the same from either triangle.
  for (let i = 0; i < columns; i++) {
    for (let j = i + 1; j < columns; j++) {
      const average = (covariance.get(i, j) + covariance.get(j, i)) / 2;
      covariance.set(i, j, average);
      covariance.set(j, i, average);
    }
  }
  return covariance;
}
