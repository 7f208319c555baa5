import type { ColumnTable } from 'arquero';
import { DataError } from '../errors/data-error';

/** A dense row-major matrix: element (i, j) is `data[i * cols + j]`. */
export interface NumericMatrix {
  rows: number;
  cols: number;
  data: Float64Array;
  columns: string[];
}

/**
 * Copies the named numeric columns of a table into a row-major Float64Array,
 * the layout the model code consumes. Throws DataError for a missing column
 * (MISSING_COLUMN), a non-number value (NON_NUMERIC) or NaN/Infinity
 * (NON_FINITE); `row` is the 1-based table row.
 */
export function tableToMatrix(table: ColumnTable, columns: string[]): NumericMatrix {
  if (columns.length === 0) {
    throw new DataError('INVALID_ARGUMENT', 'tableToMatrix needs at least one column', { parameter: 'columns' });
  }
  const available = table.columnNames();
  const rows = table.numRows();
  const cols = columns.length;
  const data = new Float64Array(rows * cols);
  columns.forEach((name, columnIndex) => {
    if (!available.includes(name)) {
      throw new DataError('MISSING_COLUMN', 'column not in table', { column: name, parameter: 'columns' });
    }
    // array() honours filters and slices; column() would expose the unfiltered storage.
    const values = table.array(name);
    for (let rowIndex = 0; rowIndex < rows; rowIndex++) {
      const value = values[rowIndex];
      if (typeof value !== 'number') {
        throw new DataError('NON_NUMERIC', `expected a number, got ${JSON.stringify(value)}`, {
          row: rowIndex + 1,
          column: name,
        });
      }
      if (!Number.isFinite(value)) {
        throw new DataError('NON_FINITE', `${value} is not a finite number`, { row: rowIndex + 1, column: name });
      }
      data[rowIndex * cols + columnIndex] = value;
    }
  });
  return { rows, cols, data, columns: [...columns] };
}
