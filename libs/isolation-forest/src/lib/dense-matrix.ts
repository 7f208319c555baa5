/** A row-major matrix of doubles: element (r, c) lives at `data[r * cols + c]`. */
export interface DenseMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/**
 * Copies an array of equal-length rows into a DenseMatrix. Rejects ragged rows
 * and non-finite values with a RangeError naming the row and column.
 */
export function denseMatrix(rows: ArrayLike<ArrayLike<number>>): DenseMatrix {
  const rowCount = rows.length;
  const cols = rowCount > 0 ? rows[0].length : 0;
  const data = new Float64Array(rowCount * cols);
  for (let r = 0; r < rowCount; r++) {
    const row = rows[r];
    if (row.length !== cols) {
      throw new RangeError(`denseMatrix: row ${r} has ${row.length} columns, expected ${cols} (as row 0)`);
    }
    for (let c = 0; c < cols; c++) {
      const value = row[c];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new RangeError(`denseMatrix: row ${r}, column ${c}: value ${String(value)} is not a finite number`);
      }
      data[r * cols + c] = value;
    }
  }
  return { rows: rowCount, cols, data };
}

/**
 * Checks a DenseMatrix built by hand (not through `denseMatrix`): consistent
 * shape, the expected column count where one is given, finite values.
 */
export function assertValidMatrix(X: DenseMatrix, context: string, expectedCols?: number): void {
  if (
    X === null ||
    typeof X !== 'object' ||
    !(X.data instanceof Float64Array) ||
    !Number.isInteger(X.rows) ||
    !Number.isInteger(X.cols) ||
    X.rows < 0 ||
    X.cols < 0
  ) {
    throw new RangeError(`${context}: X must be a DenseMatrix { rows, cols, data: Float64Array }`);
  }
  if (X.data.length !== X.rows * X.cols) {
    throw new RangeError(
      `${context}: X.data has ${X.data.length} values but rows x cols = ${X.rows} x ${X.cols} = ${X.rows * X.cols}`,
    );
  }
  if (expectedCols !== undefined && X.cols !== expectedCols) {
    throw new RangeError(`${context}: X has ${X.cols} columns but the model was fitted on ${expectedCols} features`);
  }
  const data = X.data;
  for (let i = 0; i < data.length; i++) {
    // `v - v` is NaN exactly for NaN and +-Infinity: one cheap test per value.
    const value = data[i];
    if (value - value !== 0) {
      const row = Math.floor(i / X.cols);
      throw new RangeError(`${context}: X row ${row}, column ${i - row * X.cols}: value ${value} is not finite`);
    }
  }
}
