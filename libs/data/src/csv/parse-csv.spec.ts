import { DataError } from '../errors/data-error';
import { expectDataError } from '../testing/data-error-helpers';
import { parseCsv } from './parse-csv';

describe('parseCsv', () => {
  it('splits header and rows and records the line each row starts on', () => {
    expect(parseCsv('a,b\n1,2\n3,4')).toEqual({ header: ['a', 'b'], rows: [['1', '2'], ['3', '4']], lines: [2, 3] });
  });

  it('handles quoted fields with commas, doubled quotes and line breaks', () => {
    const text = '"name","note"\n"a,b","say ""hi"""\n"multi\nline",x\nlast,""\n';
    const parsed = parseCsv(text);
    expect(parsed.header).toEqual(['name', 'note']);
    expect(parsed.rows).toEqual([['a,b', 'say "hi"'], ['multi\nline', 'x'], ['last', '']]);
    expect(parsed.lines).toEqual([2, 3, 5]);
  });

  it('accepts CRLF and CR line endings, a BOM and trailing blank lines', () => {
    expect(parseCsv('\uFEFFa,b\r\n1,2\r\n3,4\r\n\r\n').rows).toEqual([['1', '2'], ['3', '4']]);
    expect(parseCsv('a,b\r1,2\r3,4').rows).toEqual([['1', '2'], ['3', '4']]);
    expect(parseCsv('"a","b"\r\n"x\r\ny",2\r\n3,4\r\n').lines).toEqual([2, 4]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,b,c\n,,\n1,2,\n').rows).toEqual([['', '', ''], ['1', '2', '']]);
  });

  it('names the data row and line of a record with the wrong field count', () => {
    expectDataError(() => parseCsv('a,b\n1,2\n"multi\nline",2\n1,2,3\n', 'f.csv'), {
      code: 'MALFORMED_CSV',
      file: 'f.csv',
      row: 3,
      message: 'f.csv: row 3: expected 2 fields, found 3 (line 5)',
    });
    // A blank line in the middle is a record with one field, not silently skipped.
    expectDataError(() => parseCsv('a,b\n1,2\n\n3,4\n', 'f.csv'), {
      code: 'MALFORMED_CSV',
      file: 'f.csv',
      row: 2,
      message: 'f.csv: row 2: expected 2 fields, found 1 (line 3)',
    });
  });

  it('rejects broken quoting with the row', () => {
    expectDataError(() => parseCsv('a,b\n1,"open\n2,3\n', 'q.csv'), {
      code: 'MALFORMED_CSV',
      file: 'q.csv',
      row: 1,
      message: 'q.csv: row 1: unterminated quoted field (line 2)',
    });
    expectDataError(() => parseCsv('a,b\n1,2\n"x"y,3\n', 'q.csv'), {
      code: 'MALFORMED_CSV',
      file: 'q.csv',
      row: 2,
      message: 'q.csv: row 2: unexpected text after the closing quote of field 1 (line 3)',
    });
    expectDataError(() => parseCsv('a,b\n1,x"y\n', 'q.csv'), {
      code: 'MALFORMED_CSV',
      file: 'q.csv',
      row: 1,
      message: /^q\.csv: row 1: quote inside unquoted field 2; .* \(line 2\)$/,
    });
    expectDataError(() => parseCsv('"a,b\n', 'q.csv'), {
      code: 'MALFORMED_CSV',
      file: 'q.csv',
      message: 'q.csv: unterminated quoted field (header, line 1)',
    });
  });

  it('rejects duplicate header names', () => {
    expectDataError(() => parseCsv('a,b,a\n1,2,3\n', 'd.csv'), {
      code: 'MALFORMED_CSV',
      file: 'd.csv',
      column: 'a',
      message: 'd.csv: column "a": duplicate column name in header (line 1)',
    });
  });

  it('calls a file without data rows EMPTY', () => {
    for (const text of ['', '\n\n', 'a,b\n', 'a,b\r\n\r\n']) {
      expect(() => parseCsv(text, 'e.csv')).toThrow(DataError);
      try {
        parseCsv(text, 'e.csv');
      } catch (error) {
        expect((error as DataError).code).toBe('EMPTY');
      }
    }
  });
});
