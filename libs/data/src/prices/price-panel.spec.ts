import { readPricePanel } from './price-panel';
import { expectDataError, makeTempDir, type TempDir } from '../testing/data-error-helpers';

const FIXTURES = `${__dirname}/../__fixtures__`;

describe('readPricePanel', () => {
  let dir: TempDir;
  beforeAll(() => {
    dir = makeTempDir('panel');
  });
  afterAll(() => dir.remove());

  it('reads the real Dow 30 file head (quoted header and dates)', () => {
    const panel = readPricePanel(`${FIXTURES}/dowjones30_head.csv`);
    expect(panel.dates).toEqual(['1990-12-31', '1991-01-02', '1991-01-03', '1991-01-04', '1991-01-07', '1991-01-08']);
    expect(panel.assets).toHaveLength(30);
    expect(panel.assets.slice(0, 3)).toEqual(['AA', 'AXP', 'T']);
    expect(panel.assets[29]).toBe('DIS');
    expect(Array.from(panel.prices[0])).toEqual([5.92, 5.92, 5.88, 5.76, 5.72, 5.63]);
    expect(panel.prices.every((series) => series instanceof Float64Array && series.length === 6)).toBe(true);
  });

  it('selects assets in the order asked', () => {
    const panel = readPricePanel(`${FIXTURES}/dowjones30_head.csv`, { assets: ['MSFT', 'AA'] });
    expect(panel.assets).toEqual(['MSFT', 'AA']);
    expect(panel.prices[1][3]).toBe(5.76);
  });

  it('turns empty cells into NaN (late listings in the PyPortfolioOpt prices)', () => {
    const panel = readPricePanel(`${FIXTURES}/pypfopt_fb_listing.csv`, { assets: ['AAPL', 'FB', 'BABA'] });
    expect(panel.dates).toEqual(['2012-05-15', '2012-05-16', '2012-05-17', '2012-05-18', '2012-05-21']);
    const [aapl, fb, baba] = panel.prices;
    expect(aapl[0]).toBe(53.496014);
    expect(Array.from(fb.slice(0, 3)).every(Number.isNaN)).toBe(true);
    expect(Array.from(fb.slice(3))).toEqual([38.23, 34.029999]);
    expect(Array.from(baba).every(Number.isNaN)).toBe(true);
  });

  it('takes another date column name and ignores unselected columns', () => {
    const file = dir.write('named.csv', 'Day,X,junk\n2020-01-01,1,not a price\n2020-01-02,2,\n');
    expect(readPricePanel(file, { dateColumn: 'Day', assets: ['X'] })).toEqual({
      dates: ['2020-01-01', '2020-01-02'],
      assets: ['X'],
      prices: [new Float64Array([1, 2])],
    });
  });

  const cases: {
    title: string;
    content: string;
    code: Parameters<typeof expectDataError>[1]['code'];
    row?: number;
    column?: string;
    detail: string;
  }[] = [
    {
      title: 'zero price',
      content: 'date,A,B\n2020-01-01,1,2\n2020-01-02,0,2\n',
      code: 'INVALID_VALUE',
      row: 2,
      column: 'A',
      detail: 'price must be positive, got 0 (line 3)',
    },
    {
      title: 'negative price',
      content: 'date,A,B\n2020-01-01,1,-2\n',
      code: 'INVALID_VALUE',
      row: 1,
      column: 'B',
      detail: 'price must be positive, got -2 (line 2)',
    },
    {
      title: 'text price',
      content: 'date,A,B\n2020-01-01,1,2\n2020-01-02,1,n/a\n',
      code: 'NON_NUMERIC',
      row: 2,
      column: 'B',
      detail: 'expected a number, got "n/a" (line 3)',
    },
    {
      title: 'NaN price',
      content: 'date,A\n2020-01-01,nan\n',
      code: 'NON_FINITE',
      row: 1,
      column: 'A',
      detail: '"nan" is not a finite number (line 2)',
    },
    {
      title: 'bad date',
      content: 'date,A\n2020-01-01,1\n01/02/2020,1\n',
      code: 'INVALID_DATE',
      row: 2,
      column: 'date',
      detail:
        'expected an ISO-8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]), got "01/02/2020" (line 3)',
    },
    {
      title: 'missing date',
      content: 'date,A\n2020-01-01,1\n,1\n',
      code: 'MISSING_VALUE',
      row: 2,
      column: 'date',
      detail: 'empty cell in a non-nullable column (line 3)',
    },
    {
      title: 'repeated date',
      content: 'date,A\n2020-01-01,1\n2020-01-01,1\n',
      code: 'DUPLICATE_DATE',
      row: 2,
      column: 'date',
      detail: "2020-01-01 repeats the previous row's date 2020-01-01 (line 3)",
    },
    {
      title: 'dates out of order',
      content: 'date,A\n2020-01-02,1\n2020-01-03,1\n2020-01-01,1\n',
      code: 'UNSORTED_DATE',
      row: 3,
      column: 'date',
      detail: "2020-01-01 is earlier than the previous row's 2020-01-03; dates must be strictly increasing (line 4)",
    },
    {
      title: 'no date column',
      content: 'day,A\n2020-01-01,1\n',
      code: 'MISSING_COLUMN',
      column: 'date',
      detail: 'date column not in header; found "day", "A"',
    },
    {
      title: 'no asset columns',
      content: 'date\n2020-01-01\n',
      code: 'EMPTY',
      detail: 'no asset columns besides the date column "date"',
    },
  ];

  it.each(cases)('$title → $code', ({ title, content, code, row, column, detail }) => {
    const file = dir.write(`${title.replace(/\W+/g, '-')}.csv`, content);
    const where = [row === undefined ? '' : `row ${row}`, column === undefined ? '' : `column "${column}"`]
      .filter((part) => part !== '')
      .join(', ');
    expectDataError(() => readPricePanel(file), {
      code,
      file,
      row,
      column,
      message: `${file}: ${where === '' ? '' : `${where}: `}${detail}`,
    });
  });

  it('MISSING_COLUMN for a requested asset the file lacks', () => {
    const file = dir.write('lacks.csv', 'date,A\n2020-01-01,1\n');
    expectDataError(() => readPricePanel(file, { assets: ['A', 'B'] }), {
      code: 'MISSING_COLUMN',
      file,
      column: 'B',
      message: `${file}: column "B": column not in header; found "date", "A"`,
    });
  });

  it('INVALID_ARGUMENT for an empty or repeating asset list', () => {
    const file = dir.path('unread.csv');
    expectDataError(() => readPricePanel(file, { assets: [] }), {
      code: 'INVALID_ARGUMENT',
      parameter: 'options.assets',
      message: 'options.assets must name at least one asset',
    });
    expectDataError(() => readPricePanel(file, { assets: ['A', 'A'] }), {
      code: 'INVALID_ARGUMENT',
      parameter: 'options.assets',
      column: 'A',
      message: 'column "A": options.assets lists "A" twice',
    });
    expectDataError(() => readPricePanel(file, { assets: ['date'] }), {
      code: 'INVALID_ARGUMENT',
      parameter: 'options.assets',
      column: 'date',
      message: 'column "date": options.assets lists "date" which is the date column',
    });
  });

  it('FILE_NOT_FOUND', () => {
    const file = dir.path('absent.csv');
    expectDataError(() => readPricePanel(file), { code: 'FILE_NOT_FOUND', file, message: `${file}: file not found` });
  });
});
