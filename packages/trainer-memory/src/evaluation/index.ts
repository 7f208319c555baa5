export type { CorpusDocument, RetrievalQuery } from './retrieval-types';
export {
  hitAtK,
  meanRankingMetrics,
  ndcgAtK,
  rankingMetrics,
  recallAtK,
  reciprocalRank,
  type QueryRankingMetrics,
  type RankingSummary,
  type RelevantIds,
} from './ranking-metrics';
export { summarizeLatency, type LatencySummary } from './latency';
export {
  evaluateRetrieval,
  evaluateVectors,
  type EvaluateRetrievalOptions,
  type EvaluateVectorsOptions,
  type IndexFactory,
  type QueryOutcome,
  type RetrievalEvaluation,
  type VectorDocument,
  type VectorQuery,
  type VectorTransform,
} from './evaluate-retrieval';
