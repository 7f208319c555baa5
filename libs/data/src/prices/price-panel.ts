import { typeCsvRecords, formatNames } from '../csv/load-csv-columns';
import type { ColumnSpec, CsvSchema } from '../csv/csv-schema';
import { parseCsv } from '../csv/parse-csv';
import { DataError } from '../errors/data-error';
import { readTextFile } from '../files/read-text-file';

/**
 * Prices on a shared calendar: `prices[a][t]` is asset `assets[a]` on
 * `dates[t]`; NaN marks a missing price (not yet listed, delisted, a gap).
 */
export interface PricePanel {
  dates: string[];
  assets: string[];
  prices: Float64Array[];
}

export interface ReadPricePanelOptions {
  /** The date column's name; default 'date'. */
  dateColumn?: string;
  /** Assets to load, in this order; default every column except the date column. */
  assets?: string[];
}

/**
 * Reads a wide price CSV: one ISO-8601 date column, then one column per asset.
 * Dates must be strictly increasing (DUPLICATE_DATE / UNSORTED_DATE). Empty
 * cells are allowed and become NaN (late listings); a price that is not a
 * number (NON_NUMERIC), NaN/Inf (NON_FINITE) or not positive (INVALID_VALUE)
 * is an error naming file, row and column. Columns not selected are ignored.
 */
export function readPricePanel(file: string, options: ReadPricePanelOptions = {}): PricePanel {
  const dateColumn = options.dateColumn ?? 'date';
  validateAssetOption(options.assets, dateColumn);
  const records = parseCsv(readTextFile(file), file);
  const { header } = records;
  if (!header.includes(dateColumn)) {
    throw new DataError('MISSING_COLUMN', `date column not in header; found ${formatNames(header)}`, {
      file,
      column: dateColumn,
    });
  }
  const assets = options.assets ?? header.filter((name) => name !== dateColumn);
  if (assets.length === 0) {
    throw new DataError('EMPTY', `no asset columns besides the date column ${JSON.stringify(dateColumn)}`, { file });
  }

  const priceSpec: ColumnSpec = { type: 'number', nullable: true };
  const schema: CsvSchema = {
    columns: { [dateColumn]: { type: 'date' }, ...Object.fromEntries(assets.map((asset) => [asset, priceSpec])) },
    extraColumns: 'ignore',
    orderBy: dateColumn,
  };
  const positive = (price: number): string | null => (price > 0 ? null : `price must be positive, got ${price}`);
  const checks = Object.fromEntries(assets.map((asset) => [asset, positive]));
  const { columns } = typeCsvRecords(records, file, schema, checks);
  const prices = assets.map((asset) => columns[asset] as Float64Array);
  return { dates: columns[dateColumn] as string[], assets: [...assets], prices };
}

function validateAssetOption(assets: string[] | undefined, dateColumn: string): void {
  if (assets === undefined) return;
  if (assets.length === 0) {
    throw new DataError('INVALID_ARGUMENT', 'options.assets must name at least one asset', {
      parameter: 'options.assets',
    });
  }
  const seen = new Set<string>();
  for (const asset of assets) {
    if (asset === dateColumn || seen.has(asset)) {
      throw new DataError(
        'INVALID_ARGUMENT',
        `options.assets lists ${JSON.stringify(asset)} ${asset === dateColumn ? 'which is the date column' : 'twice'}`,
        { parameter: 'options.assets', column: asset },
      );
    }
    seen.add(asset);
  }
}
