import { readCsvInferred } from './read-csv-inferred';
import { expectDataError, makeTempDir, type TempDir } from '../testing/data-error-helpers';

const SHUTTLE = `${__dirname}/../../../../data/anomaly/shuttle_odds_style.csv`;

describe('readCsvInferred', () => {
  let dir: TempDir;
  beforeAll(() => {
    dir = makeTempDir('inferred');
  });
  afterAll(() => dir.remove());

  it('loads the 49,097-row shuttle file', () => {
    const { table, numericColumns } = readCsvInferred(SHUTTLE, { exclude: ['outlier'] });
    expect(table.numRows()).toBe(49_097);
    expect(numericColumns).toEqual(['V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'V7', 'V8', 'V9']);
    expect(table.columnNames()).toEqual([...numericColumns, 'Class', 'outlier']);
    // First data row: 50,21,77,0,28,0,27,48,22,"Fpv.Close",1
    expect(table.get('V1', 0)).toBe(50);
    expect(table.get('V9', 0)).toBe(22);
    expect(table.get('Class', 0)).toBe('Fpv.Close');
    expect(table.get('outlier', 0)).toBe('1'); // excluded: kept verbatim
  });

  it('treats a 0/1 label as numeric unless excluded', () => {
    const file = dir.write('label.csv', 'x,"label",name\n1.5,0,a\n-2,1,b\n');
    expect(readCsvInferred(file).numericColumns).toEqual(['x', 'label']);
    const { table, numericColumns } = readCsvInferred(file, { exclude: ['label'] });
    expect(numericColumns).toEqual(['x']);
    expect(table.array('label')).toEqual(['0', '1']);
    expect(Array.from(table.array('x'))).toEqual([1.5, -2]);
  });

  it('keeps text, all-empty and all-NaN columns as strings', () => {
    const file = dir.write('text.csv', 'code,blank,nan,n\n01,,NaN,1\nA7,,nan,2\n');
    const { table, numericColumns } = readCsvInferred(file);
    expect(numericColumns).toEqual(['n']);
    expect(table.array('code')).toEqual(['01', 'A7']);
    expect(table.array('blank')).toEqual(['', '']);
  });

  it('MISSING_VALUE: an empty cell in a numeric column', () => {
    const file = dir.write('gap.csv', 'a,b\n1,2\n3,\n5,6\n');
    expectDataError(() => readCsvInferred(file), {
      code: 'MISSING_VALUE',
      file,
      row: 2,
      column: 'b',
      message: `${file}: row 2, column "b": empty cell in a numeric column (line 3)`,
    });
  });

  it('NON_FINITE: NaN or Inf among numbers, reporting the earliest bad row across columns', () => {
    const file = dir.write('inf.csv', 'a,b\n1,2\n3,4\n5,Inf\n,8\n');
    expectDataError(() => readCsvInferred(file), {
      code: 'NON_FINITE',
      file,
      row: 3,
      column: 'b',
      message: `${file}: row 3, column "b": "Inf" is not a finite number in a numeric column (line 4)`,
    });
  });

  it('MISSING_COLUMN: excluding a column that does not exist', () => {
    const file = dir.write('few.csv', 'a\n1\n');
    expectDataError(() => readCsvInferred(file, { exclude: ['label'] }), {
      code: 'MISSING_COLUMN',
      file,
      column: 'label',
      message: `${file}: column "label": excluded column not in header; found "a"`,
    });
  });

  it('shares the file-level errors of the parser', () => {
    const missing = dir.path('missing.csv');
    expectDataError(() => readCsvInferred(missing), {
      code: 'FILE_NOT_FOUND',
      file: missing,
      message: `${missing}: file not found`,
    });
    const headerOnly = dir.write('header.csv', '"a","b"\r\n');
    expectDataError(() => readCsvInferred(headerOnly), {
      code: 'EMPTY',
      file: headerOnly,
      message: `${headerOnly}: file has a header but no data rows`,
    });
    const ragged = dir.write('ragged.csv', 'a,b\n1,2\n3\n');
    expectDataError(() => readCsvInferred(ragged), {
      code: 'MALFORMED_CSV',
      file: ragged,
      row: 2,
      message: `${ragged}: row 2: expected 2 fields, found 1 (line 3)`,
    });
  });
});
