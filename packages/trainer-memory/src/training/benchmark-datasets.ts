import type { RetrievalDataset } from '../datasets';
import { generateCopilotMemories, loadNasdaqTickers, loadReutersHeadlines } from '../datasets';
import type { MemoryTrainerParams } from '../params';

/** The three retrieval benchmarks of the issue, split with the params' dataset seed. */
export function loadBenchmarkDatasets(params: MemoryTrainerParams): RetrievalDataset[] {
  const seed = params.datasetSeed;
  return [
    loadReutersHeadlines({ seed }),
    loadNasdaqTickers({ seed, evalCompanies: params.corpus.nasdaqEvalCompanies }),
    generateCopilotMemories({ seed }),
  ];
}

/** The data files the benchmarks read (hashed into every artifact's manifest). */
export const BENCHMARK_INPUT_FILES = ['data/text/reuters_acq_crude.csv', 'data/text/nasdaq_listing.csv'];
