import { DataError } from './data-error';

describe('DataError', () => {
  it('formats file, row and column before the detail', () => {
    const error = new DataError('NON_NUMERIC', 'expected a number, got "x" (line 5)', {
      file: 'prices.csv',
      row: 4,
      column: 'AAPL',
    });
    expect(error.message).toBe('prices.csv: row 4, column "AAPL": expected a number, got "x" (line 5)');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DataError');
    expect(error.code).toBe('NON_NUMERIC');
    expect(error.detail).toBe('expected a number, got "x" (line 5)');
  });

  it('leaves out the parts it does not know', () => {
    expect(new DataError('EMPTY', 'no rows', { file: 'a.csv' }).message).toBe('a.csv: no rows');
    expect(new DataError('NON_FINITE', 'NaN', { row: 2 }).message).toBe('row 2: NaN');
    expect(new DataError('MISSING_COLUMN', 'gone', { file: 'a.csv', column: 'x' }).message).toBe('a.csv: column "x": gone');
    expect(new DataError('INVALID_ARGUMENT', 'n must be positive', { parameter: 'n' }).message).toBe('n must be positive');
  });

  it('does not define location fields that were not given', () => {
    const error = new DataError('EMPTY', 'nothing');
    expect(Object.keys(error)).toEqual(expect.not.arrayContaining(['file', 'row', 'column', 'parameter']));
    expect(error.file).toBeUndefined();
    expect(error.row).toBeUndefined();
    expect(error.column).toBeUndefined();
  });
});
