import type { CsvSchema } from './csv-schema';
import { readCsvTable } from './read-csv-table';
import { expectDataError, makeTempDir, type TempDir } from '../testing/data-error-helpers';

const schema: CsvSchema = {
  columns: {
    date: { type: 'date' },
    id: { type: 'integer' },
    price: { type: 'number' },
    name: { type: 'string' },
    active: { type: 'boolean' },
  },
  orderBy: 'date',
};
const HEADER = 'date,id,price,name,active\n';

describe('readCsvTable', () => {
  let dir: TempDir;
  beforeAll(() => {
    dir = makeTempDir('table');
  });
  afterAll(() => dir.remove());

  it('types every column as declared, in schema order', () => {
    const file = dir.write(
      'ok.csv',
      '"active","name","price","id","date"\r\n' +
        'true,"Acme, Inc.",12.5,1,2025-01-02\r\n' +
        '0,"say ""hi""", -3e2 ,2,2025-01-03T14:22:05Z\r\n',
    );
    const table = readCsvTable(file, schema);
    expect(table.columnNames()).toEqual(['date', 'id', 'price', 'name', 'active']);
    expect(table.objects()).toEqual([
      { date: '2025-01-02', id: 1, price: 12.5, name: 'Acme, Inc.', active: true },
      { date: '2025-01-03T14:22:05Z', id: 2, price: -300, name: 'say "hi"', active: false },
    ]);
    expect(table.column('price')).toBeInstanceOf(Float64Array);
  });

  it('turns empty cells in nullable columns into NaN (numbers) or null (others)', () => {
    const file = dir.write('nullable.csv', 'n,i,s,b,d\n,,,,\n1,2,x,TRUE,2020-02-29\n');
    const table = readCsvTable(file, {
      columns: {
        n: { type: 'number', nullable: true },
        i: { type: 'integer', nullable: true },
        s: { type: 'string', nullable: true },
        b: { type: 'boolean', nullable: true },
        d: { type: 'date', nullable: true },
      },
    });
    const [first, second] = table.objects() as Record<string, unknown>[];
    expect(first.n).toBeNaN();
    expect(first.i).toBeNaN();
    expect(first).toMatchObject({ s: null, b: null, d: null });
    expect(second).toEqual({ n: 1, i: 2, s: 'x', b: true, d: '2020-02-29' });
  });

  it("drops undeclared columns with extraColumns: 'ignore'", () => {
    const file = dir.write('extra-ok.csv', 'x,keep,y\n1,2,3\n');
    const table = readCsvTable(file, { columns: { keep: { type: 'number' } }, extraColumns: 'ignore' });
    expect(table.columnNames()).toEqual(['keep']);
    expect(Array.from(table.array('keep'))).toEqual([2]);
  });

  it('loads the real Dow fixture with quoted header and dates', () => {
    const columns: CsvSchema['columns'] = { date: { type: 'date' }, AA: { type: 'number' }, MSFT: { type: 'number' } };
    const table = readCsvTable(`${__dirname}/../__fixtures__/dowjones30_head.csv`, {
      columns,
      extraColumns: 'ignore',
      orderBy: 'date',
    });
    expect(table.numRows()).toBe(6);
    expect(table.get('date', 0)).toBe('1990-12-31');
    expect(table.get('AA', 2)).toBe(5.88);
  });

  describe('errors name the file, row, column and line', () => {
    const cases: {
      title: string;
      content: string;
      code: Parameters<typeof expectDataError>[1]['code'];
      row?: number;
      column?: string;
      detail: string;
      schema?: CsvSchema;
    }[] = [
      { title: 'empty file', content: '', code: 'EMPTY', detail: 'file is empty: no header row' },
      { title: 'header only', content: HEADER, code: 'EMPTY', detail: 'file has a header but no data rows' },
      {
        title: 'wrong field count',
        content: `${HEADER}2025-01-01,1,2,a,true\n2025-01-02,1,2,a\n`,
        code: 'MALFORMED_CSV',
        row: 2,
        detail: 'expected 5 fields, found 4 (line 3)',
      },
      {
        title: 'missing column',
        content: 'date,id,price,name\n2025-01-01,1,2,a\n',
        code: 'MISSING_COLUMN',
        column: 'active',
        detail: 'column not in header; found "date", "id", "price", "name"',
      },
      {
        title: 'extra column',
        content: 'date,id,price,name,active,extra\n2025-01-01,1,2,a,true,9\n',
        code: 'EXTRA_COLUMN',
        column: 'extra',
        detail: "column not declared in the schema (set extraColumns: 'ignore' to drop it)",
      },
      {
        title: 'text in a number column',
        content: `${HEADER}2025-01-01,1,2,a,true\n2025-01-02,2,12abc,b,false\n`,
        code: 'NON_NUMERIC',
        row: 2,
        column: 'price',
        detail: 'expected a number, got "12abc" (line 3)',
      },
      {
        title: 'hex is not a number',
        content: `${HEADER}2025-01-01,1,0x1f,a,true\n`,
        code: 'NON_NUMERIC',
        row: 1,
        column: 'price',
        detail: 'expected a number, got "0x1f" (line 2)',
      },
      {
        title: 'NaN in a number column',
        content: `${HEADER}2025-01-01,1,NaN,a,true\n`,
        code: 'NON_FINITE',
        row: 1,
        column: 'price',
        detail: '"NaN" is not a finite number (line 2)',
      },
      {
        title: 'Inf in a number column',
        content: `${HEADER}2025-01-01,1,1,a,true\n2025-01-02,2,-Inf,a,true\n`,
        code: 'NON_FINITE',
        row: 2,
        column: 'price',
        detail: '"-Inf" is not a finite number (line 3)',
      },
      {
        title: 'overflow',
        content: `${HEADER}2025-01-01,1,1e999,a,true\n`,
        code: 'NON_FINITE',
        row: 1,
        column: 'price',
        detail: '"1e999" overflows to a non-finite number (line 2)',
      },
      {
        title: 'fraction in an integer column',
        content: `${HEADER}2025-01-01,1.5,1,a,true\n`,
        code: 'INVALID_VALUE',
        row: 1,
        column: 'id',
        detail: 'expected an integer, got "1.5" (line 2)',
      },
      {
        title: 'bad boolean',
        content: `${HEADER}2025-01-01,1,1,a,yes\n`,
        code: 'INVALID_VALUE',
        row: 1,
        column: 'active',
        detail: 'expected true, false, 1 or 0, got "yes" (line 2)',
      },
      {
        title: 'empty cell in a non-nullable column',
        content: `${HEADER}2025-01-01,1,1,a,true\n2025-01-02,2,1,,true\n`,
        code: 'MISSING_VALUE',
        row: 2,
        column: 'name',
        detail: 'empty cell in a non-nullable column (line 3)',
      },
      {
        title: 'impossible date',
        content: `${HEADER}2025-02-30,1,1,a,true\n`,
        code: 'INVALID_DATE',
        row: 1,
        column: 'date',
        detail:
          'expected an ISO-8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]), got "2025-02-30" (line 2)',
      },
      {
        title: 'duplicate date, compared by time',
        content: `${HEADER}2025-01-01,1,1,a,true\n2025-01-02,2,1,a,true\n2025-01-02T00:00:00Z,3,1,a,true\n`,
        code: 'DUPLICATE_DATE',
        row: 3,
        column: 'date',
        detail: "2025-01-02T00:00:00Z repeats the previous row's date 2025-01-02 (line 4)",
      },
      {
        title: 'unsorted date',
        content: `${HEADER}2025-01-02,1,1,a,true\n2025-01-01T23:59:59+00:00,2,1,a,true\n`,
        code: 'UNSORTED_DATE',
        row: 2,
        column: 'date',
        detail:
          "2025-01-01T23:59:59+00:00 is earlier than the previous row's 2025-01-02; dates must be strictly increasing (line 3)",
      },
      {
        title: 'the earliest bad row wins over column order',
        content: `${HEADER}2025-01-01,1,1,a,maybe\n2025-01-02,x,1,a,true\n`,
        code: 'INVALID_VALUE',
        row: 1,
        column: 'active',
        detail: 'expected true, false, 1 or 0, got "maybe" (line 2)',
      },
    ];

    it.each(cases)('$title → $code', ({ title, content, code, row, column, detail, schema: caseSchema }) => {
      const file = dir.write(`${title.replace(/\W+/g, '-')}.csv`, content);
      const where = [row === undefined ? '' : `row ${row}`, column === undefined ? '' : `column "${column}"`]
        .filter((part) => part !== '')
        .join(', ');
      expectDataError(() => readCsvTable(file, caseSchema ?? schema), {
        code,
        file,
        row,
        column,
        message: `${file}: ${where === '' ? '' : `${where}: `}${detail}`,
      });
    });

    it('FILE_NOT_FOUND for a missing file or a directory', () => {
      const missing = dir.path('nope.csv');
      expectDataError(() => readCsvTable(missing, schema), {
        code: 'FILE_NOT_FOUND',
        file: missing,
        message: `${missing}: file not found`,
      });
      const directory = dir.path('');
      expectDataError(() => readCsvTable(directory, schema), {
        code: 'FILE_NOT_FOUND',
        file: directory,
        message: `${directory}: is a directory, not a file`,
      });
    });
  });

  describe('schema checks (INVALID_ARGUMENT)', () => {
    it('rejects unknown types, bad extraColumns and a bad orderBy before reading', () => {
      const file = dir.path('never-read.csv');
      expectDataError(() => readCsvTable(file, { columns: {} }), {
        code: 'INVALID_ARGUMENT',
        parameter: 'schema.columns',
        message: 'schema.columns must declare at least one column',
      });
      expectDataError(() => readCsvTable(file, { columns: { x: { type: 'float' as never } } }), {
        code: 'INVALID_ARGUMENT',
        parameter: 'schema.columns.x.type',
        column: 'x',
        message: 'column "x": schema.columns["x"].type must be one of number, integer, string, date, boolean, got "float"',
      });
      expectDataError(() => readCsvTable(file, { columns: { x: { type: 'number' } }, extraColumns: 'drop' as never }), {
        code: 'INVALID_ARGUMENT',
        parameter: 'schema.extraColumns',
        message: `schema.extraColumns must be 'error' or 'ignore', got "drop"`,
      });
      for (const orderBy of ['x', 'missing', 'constructor', 'd']) {
        expectDataError(
          () => readCsvTable(file, { columns: { x: { type: 'number' }, d: { type: 'date', nullable: true } }, orderBy }),
          {
            code: 'INVALID_ARGUMENT',
            parameter: 'schema.orderBy',
            message: `schema.orderBy must name a non-nullable date column of the schema, got "${orderBy}"`,
          },
        );
      }
    });
  });
});
