import type { QpProblem } from './qp-solver';

/** One linear constraint lower <= sum(values[k] * x[indices[k]]) <= upper. */
export interface LinearRow {
  indices: number[];
  values: number[];
  lower: number;
  upper: number;
}

/**
 * Assembles a QP whose quadratic part lives on the first `covariance.length`
 * variables: 1/2 x'Qx with Q = 2 * (riskWeight * Sigma + ridge * I), i.e. the
 * objective riskWeight * w'Sigma w + ridge * ||w||^2 (PyPortfolioOpt's
 * portfolio_variance and L2_reg terms), plus linear costs and rows.
 */
export class QpBuilder {
  readonly linear: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  private readonly rows: LinearRow[] = [];

  constructor(readonly numVars: number) {
    this.linear = new Float64Array(numVars);
    this.colLower = new Float64Array(numVars).fill(-Infinity);
    this.colUpper = new Float64Array(numVars).fill(Infinity);
  }

  addRow(row: LinearRow): void {
    this.rows.push(row);
  }

  /**
   * Builds the problem. The whole objective is multiplied by one positive
   * factor so the largest coefficient is about 1: the argmin is unchanged, and
   * the solver's absolute tolerances mean the same thing for any units.
   */
  build(covariance: Float64Array[], riskWeight: number, ridge: number): QpProblem {
    const n = covariance.length;
    let largest = 0;
    for (let i = 0; i < n; i++) largest = Math.max(largest, 2 * Math.abs(riskWeight * covariance[i][i] + ridge));
    for (const c of this.linear) largest = Math.max(largest, Math.abs(c));
    const scale = largest > 0 ? 1 / largest : 1;

    const problem: QpProblem = {
      numVars: this.numVars,
      linear: this.linear.map((c) => c * scale),
      colLower: this.colLower,
      colUpper: this.colUpper,
      rows: this.packRows(),
    };
    if (riskWeight !== 0 || ridge !== 0) problem.hessianLower = lowerTriangle(covariance, riskWeight, ridge, scale, this.numVars);
    return problem;
  }

  private packRows(): QpProblem['rows'] {
    const m = this.rows.length;
    const starts = new Int32Array(m + 1);
    for (let r = 0; r < m; r++) starts[r + 1] = starts[r] + this.rows[r].indices.length;
    const indices = new Int32Array(starts[m]);
    const values = new Float64Array(starts[m]);
    const lower = new Float64Array(m);
    const upper = new Float64Array(m);
    this.rows.forEach((row, r) => {
      indices.set(row.indices, starts[r]);
      values.set(row.values, starts[r]);
      lower[r] = row.lower;
      upper[r] = row.upper;
    });
    return { starts, indices, values, lower, upper };
  }
}

/** Lower triangle (compressed columns) of 2 * scale * (riskWeight * Sigma + ridge * I), padded with empty columns. */
function lowerTriangle(
  covariance: Float64Array[],
  riskWeight: number,
  ridge: number,
  scale: number,
  numVars: number,
): NonNullable<QpProblem['hessianLower']> {
  const n = covariance.length;
  const starts = new Int32Array(numVars + 1);
  const nonZeros = (n * (n + 1)) / 2;
  const indices = new Int32Array(nonZeros);
  const values = new Float64Array(nonZeros);
  let k = 0;
  for (let j = 0; j < n; j++) {
    starts[j] = k;
    for (let i = j; i < n; i++) {
      const entry = riskWeight * covariance[i][j] + (i === j ? ridge : 0);
      // Symmetrise from the lower triangle: the caller checked symmetry to a tolerance.
      indices[k] = i;
      values[k] = 2 * scale * entry;
      k++;
    }
  }
  for (let j = n; j <= numVars; j++) starts[j] = k;
  return { starts, indices, values };
}
