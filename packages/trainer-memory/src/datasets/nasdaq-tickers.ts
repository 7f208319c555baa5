import { createRng, DataError, readCsvRecords } from '@tethys/data';
import type { CorpusDocument, RetrievalQuery } from '../evaluation/retrieval-types';
import { colloquialNameWords, companyQuery } from './company-query';
import { requireColumns } from './csv-columns';
import { DEFAULT_DATASET_SEED, type RetrievalDataset, type TrainingPair } from './dataset-types';
import { normalizeWhitespace } from './text';
import { defaultTextDataFile } from './workspace-paths';

export interface NasdaqListing {
  readonly symbol: string;
  /** The company name as listed. */
  readonly name: string;
  /** Tickers whose names reduce to the same colloquial name form one company (units, warrants, share classes). */
  readonly company: string;
  readonly split: 'train' | 'eval';
}

export interface NasdaqTickerOptions {
  /** Defaults to data/text/nasdaq_listing.csv in the workspace. */
  readonly file?: string;
  readonly seed?: number;
  /** Companies held out as evaluation queries (default 300). */
  readonly evalCompanies?: number;
}

export interface NasdaqTickerDataset extends RetrievalDataset {
  readonly listings: readonly NasdaqListing[];
}

/**
 * Company -> ticker retrieval over the NASDAQ listing.
 *
 * - corpus: one document per ticker, "SYMBOL — Company Name" (all 3,206 rows);
 * - companies: tickers grouped by colloquial name (`colloquialNameWords`), so
 *   "Alsius Corporation" ALUS/ALUSU/ALUSW is one company with three tickers;
 * - split (seeded, fork "nasdaq-split"): companies are shuffled; the first
 *   `evalCompanies` are evaluation companies, the rest training companies;
 * - queries: one per evaluation company, `companyQuery(name)` with its own
 *   stream (fork "nasdaq-eval-queries"): legal forms and parentheticals dropped,
 *   lower case, common words swapped for abbreviations/expansions with
 *   probability 1/2, placed in a frame such as "ticker for {name}". Relevant
 *   ids = every ticker of the company. The ticker symbol never appears in a query;
 * - trainingPairs: one generated query per training company (fork
 *   "nasdaq-train-queries") with the company's first ticker document;
 * - trainingTexts: training companies' listed names.
 */
export function loadNasdaqTickers(options: NasdaqTickerOptions = {}): NasdaqTickerDataset {
  const file = options.file ?? defaultTextDataFile('nasdaq_listing.csv');
  const seed = options.seed ?? DEFAULT_DATASET_SEED;
  const rows = readListings(file);

  const companyMembers = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const members = companyMembers.get(row.company);
    if (members) members.push(i);
    else companyMembers.set(row.company, [i]);
  });
  const companies = [...companyMembers.keys()];
  const evalCompanies = options.evalCompanies ?? 300;
  if (!Number.isInteger(evalCompanies) || evalCompanies < 1 || evalCompanies >= companies.length) {
    throw new DataError('INVALID_ARGUMENT', `evalCompanies: must be an integer in [1, ${companies.length - 1}], got ${evalCompanies}`, {
      parameter: 'evalCompanies',
    });
  }
  const root = createRng(seed).fork('nasdaq-tickers');
  const shuffled = root.fork('nasdaq-split').shuffle([...companies]);
  const evalSet = new Set(shuffled.slice(0, evalCompanies));

  const listings: NasdaqListing[] = rows.map((row) => ({ ...row, split: evalSet.has(row.company) ? 'eval' : 'train' }));
  const documentText = (row: { symbol: string; name: string }) => `${row.symbol} — ${row.name}`;
  const corpus: CorpusDocument[] = listings.map((listing) => ({ id: listing.symbol, text: documentText(listing) }));

  // Separate streams: changing the training side never changes the evaluation queries.
  const evalRng = root.fork('nasdaq-eval-queries');
  const trainRng = root.fork('nasdaq-train-queries');
  const queries: RetrievalQuery[] = [];
  const trainingPairs: TrainingPair[] = [];
  const trainingTexts = new Set<string>();
  for (const company of shuffled) {
    const members = (companyMembers.get(company) as number[]).map((i) => listings[i]);
    const first = members[0];
    if (evalSet.has(company)) {
      queries.push({ query: companyQuery(first.name, evalRng), relevantIds: members.map((member) => member.symbol) });
    } else {
      trainingPairs.push({ query: companyQuery(first.name, trainRng), positive: documentText(first), positiveId: first.symbol });
      for (const member of members) trainingTexts.add(member.name);
    }
  }
  return { name: 'nasdaq-tickers', seed, corpus, queries, trainingPairs, trainingTexts: [...trainingTexts], listings };
}

function readListings(file: string): Omit<NasdaqListing, 'split'>[] {
  const records = readCsvRecords(file);
  const column = requireColumns(records, ['Symbol', 'Description'], file);
  const seen = new Map<string, number>();
  return records.rows.map((row, i) => {
    const symbol = row[column.Symbol].trim();
    const name = normalizeWhitespace(row[column.Description]);
    const where = (name: string) => ({ file, row: i + 1, column: name });
    if (symbol === '') throw new DataError('MISSING_VALUE', 'empty ticker symbol', where('Symbol'));
    if (seen.has(symbol)) throw new DataError('INVALID_VALUE', `duplicate symbol ${symbol} (first on row ${seen.get(symbol)})`, where('Symbol'));
    if (name === '') throw new DataError('MISSING_VALUE', 'empty company name', where('Description'));
    seen.set(symbol, i + 1);
    return { symbol, name, company: colloquialNameWords(name).join(' ') };
  });
}
