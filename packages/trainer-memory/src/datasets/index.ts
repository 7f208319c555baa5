export { DEFAULT_DATASET_SEED, type RetrievalDataset, type TrainingPair } from './dataset-types';
export { findWorkspaceRoot, defaultTextDataFile } from './workspace-paths';
export { normalizeWhitespace, splitSentences } from './text';
export {
  loadReutersHeadlines,
  type ReutersArticle,
  type ReutersHeadlineDataset,
  type ReutersHeadlineOptions,
} from './reuters-headlines';
export { colloquialNameWords, companyQuery } from './company-query';
export { loadNasdaqTickers, type NasdaqListing, type NasdaqTickerDataset, type NasdaqTickerOptions } from './nasdaq-tickers';
export {
  generateCopilotMemories,
  type CopilotMemoryDataset,
  type CopilotMemoryOptions,
  type GeneratedMemory,
} from './memories/generate-memories';
export { MEMORY_TOPICS, type MemoryKind, type MemoryTopic, type UserProfile } from './memories/topics';
export { readUserRetrievalSet, type UserRetrievalSet } from './user-retrieval-set';
export { generateTransactionDescriptions, merchantNames } from './transaction-descriptions';
export {
  financialTrainingCorpus,
  type FinancialTrainingCorpus,
  type FinancialTrainingCorpusOptions,
  type TrainingSource,
} from './financial-training-corpus';
