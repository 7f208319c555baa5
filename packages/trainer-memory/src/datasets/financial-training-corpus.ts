import { DataError } from '@tethys/data';
import { DEFAULT_DATASET_SEED } from './dataset-types';
import { generateCopilotMemories, type CopilotMemoryOptions } from './memories/generate-memories';
import { loadNasdaqTickers } from './nasdaq-tickers';
import { loadReutersHeadlines } from './reuters-headlines';
import { generateTransactionDescriptions, merchantNames } from './transaction-descriptions';

export interface FinancialTrainingCorpusOptions {
  /** Seed for every split and generator; use the same seed as the evaluation datasets (default DEFAULT_DATASET_SEED). */
  readonly seed?: number;
  readonly reutersFile?: string;
  readonly nasdaqFile?: string;
  /** Passed to loadNasdaqTickers: companies held out (and so left out here). */
  readonly nasdaqEvalCompanies?: number;
  /** Memory generator settings other than the seed. */
  readonly memories?: Omit<CopilotMemoryOptions, 'seed'>;
  /** Generated bank-statement lines (default 600). */
  readonly transactionCount?: number;
}

export type TrainingSource = 'reuters' | 'nasdaq' | 'memories' | 'transactions' | 'merchants';

export interface FinancialTrainingCorpus {
  readonly seed: number;
  /** Deduplicated sentences in source order, then first-appearance order. */
  readonly sentences: string[];
  /** Sentences each source added after deduplication, in order. */
  readonly counts: Readonly<Record<TrainingSource, number>>;
}

/**
 * Sentences for distilling a student embedder, drawn only from the training
 * side of every split, so no evaluation query (nor a held-out document) is seen:
 * 1. reuters: the training-half headlines and body sentences (loadReutersHeadlines);
 * 2. nasdaq: listed names of the training companies (loadNasdaqTickers);
 * 3. memories: training memories' texts and training queries (generateCopilotMemories);
 * 4. transactions: `transactionCount` generated bank-statement lines;
 * 5. merchants: every merchant/provider/bank name in the generators' vocabulary.
 * Exact duplicates (after trimming) are dropped, keeping the first; the order is
 * fixed by the seed, so the corpus (and the student trained on it) is reproducible.
 */
export function financialTrainingCorpus(options: FinancialTrainingCorpusOptions = {}): FinancialTrainingCorpus {
  const seed = options.seed ?? DEFAULT_DATASET_SEED;
  const transactionCount = options.transactionCount ?? 600;
  if (!Number.isInteger(transactionCount) || transactionCount < 0) {
    throw new DataError('INVALID_ARGUMENT', `transactionCount: must be a non-negative integer, got ${transactionCount}`, {
      parameter: 'transactionCount',
    });
  }
  const sources: [TrainingSource, () => readonly string[]][] = [
    ['reuters', () => loadReutersHeadlines({ file: options.reutersFile, seed }).trainingTexts],
    ['nasdaq', () => loadNasdaqTickers({ file: options.nasdaqFile, seed, evalCompanies: options.nasdaqEvalCompanies }).trainingTexts],
    ['memories', () => generateCopilotMemories({ ...options.memories, seed }).trainingTexts],
    ['transactions', () => generateTransactionDescriptions(transactionCount, seed)],
    ['merchants', () => merchantNames()],
  ];
  const seen = new Set<string>();
  const sentences: string[] = [];
  const counts = { reuters: 0, nasdaq: 0, memories: 0, transactions: 0, merchants: 0 };
  for (const [source, read] of sources) {
    for (const raw of read()) {
      const sentence = raw.trim();
      if (sentence === '' || seen.has(sentence)) continue;
      seen.add(sentence);
      sentences.push(sentence);
      counts[source]++;
    }
  }
  return { seed, sentences, counts };
}
