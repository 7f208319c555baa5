export { createRng, type Rng } from './random/rng';
export { DataError, type DataErrorCode, type DataErrorLocation } from './errors/data-error';
export type { ColumnSpec, ColumnType, CsvSchema } from './csv/csv-schema';
export { readCsvTable } from './csv/read-csv-table';
export { readCsvInferred, type InferredCsv } from './csv/read-csv-inferred';
export { tableToMatrix, type NumericMatrix } from './csv/table-to-matrix';
export { readPricePanel, type PricePanel, type ReadPricePanelOptions } from './prices/price-panel';
export { priceReturns, type MissingPolicy, type ReturnKind, type ReturnPanel } from './prices/price-returns';
export { sliceTable, timeSplit, type SplitFractions, type TimeSplit } from './splits/time-split';
