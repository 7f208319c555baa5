import { assertValidMatrix, denseMatrix } from './dense-matrix';

describe('denseMatrix', () => {
  it('stores rows row-major', () => {
    const X = denseMatrix([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(X.rows).toBe(2);
    expect(X.cols).toBe(3);
    expect(Array.from(X.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('rejects ragged rows naming the row', () => {
    expect(() => denseMatrix([[1, 2], [3]])).toThrow(new RangeError('denseMatrix: row 1 has 1 columns, expected 2 (as row 0)'));
  });

  it('rejects non-finite values naming row and column', () => {
    expect(() => denseMatrix([[1, 2], [3, NaN]])).toThrow(/row 1, column 1: value NaN/);
    expect(() => denseMatrix([[Infinity, 2]])).toThrow(/row 0, column 0: value Infinity/);
    expect(() => denseMatrix([[1, '2' as unknown as number]])).toThrow(RangeError);
  });
});

describe('assertValidMatrix', () => {
  it('checks shape, column count and finiteness of hand-built matrices', () => {
    const ok = { rows: 2, cols: 2, data: new Float64Array([1, 2, 3, 4]) };
    expect(() => assertValidMatrix(ok, 'ctx', 2)).not.toThrow();
    expect(() => assertValidMatrix(ok, 'ctx', 3)).toThrow('ctx: X has 2 columns but the model was fitted on 3 features');
    expect(() => assertValidMatrix({ rows: 2, cols: 3, data: new Float64Array(4) }, 'ctx')).toThrow(/2 x 3/);
    expect(() => assertValidMatrix({ rows: 2, cols: 2, data: new Float64Array([1, 2, -Infinity, 4]) }, 'ctx')).toThrow(
      'ctx: X row 1, column 0: value -Infinity is not finite',
    );
  });
});
