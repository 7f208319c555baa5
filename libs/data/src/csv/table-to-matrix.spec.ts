import { table } from 'arquero';
import { sliceTable } from '../splits/time-split';
import { expectDataError } from '../testing/data-error-helpers';
import { tableToMatrix } from './table-to-matrix';

describe('tableToMatrix', () => {
  const data = table({ a: [1, 2, 3], b: new Float64Array([10, 20, 30]), label: ['x', 'y', 'z'] });

  it('copies the chosen columns row-major, in the order asked', () => {
    const matrix = tableToMatrix(data, ['b', 'a']);
    expect(matrix).toEqual({ rows: 3, cols: 2, data: new Float64Array([10, 1, 20, 2, 30, 3]), columns: ['b', 'a'] });
  });

  it('respects slices of a table', () => {
    const matrix = tableToMatrix(sliceTable(data, [1, 3]), ['a']);
    expect(Array.from(matrix.data)).toEqual([2, 3]);
    const filtered = tableToMatrix(data.slice(2, 3), ['a', 'b']);
    expect(Array.from(filtered.data)).toEqual([3, 30]);
  });

  it('MISSING_COLUMN for an unknown column', () => {
    expectDataError(() => tableToMatrix(data, ['a', 'c']), {
      code: 'MISSING_COLUMN',
      column: 'c',
      parameter: 'columns',
      message: 'column "c": column not in table',
    });
  });

  it('NON_NUMERIC for text and NON_FINITE for NaN, with the 1-based row', () => {
    expectDataError(() => tableToMatrix(data, ['label']), {
      code: 'NON_NUMERIC',
      row: 1,
      column: 'label',
      message: 'row 1, column "label": expected a number, got "x"',
    });
    const gappy = table({ v: new Float64Array([1, 2, Number.NaN]) });
    expectDataError(() => tableToMatrix(gappy, ['v']), {
      code: 'NON_FINITE',
      row: 3,
      column: 'v',
      message: 'row 3, column "v": NaN is not a finite number',
    });
  });

  it('INVALID_ARGUMENT for no columns', () => {
    expectDataError(() => tableToMatrix(data, []), {
      code: 'INVALID_ARGUMENT',
      parameter: 'columns',
      message: 'tableToMatrix needs at least one column',
    });
  });
});
