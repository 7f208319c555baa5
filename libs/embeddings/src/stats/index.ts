export {
  embeddingStats,
  type AnisotropySummary,
  type EmbeddingStats,
  type EmbeddingStatsOptions,
  type NormSummary,
  type SpectrumSummary,
} from './embedding-stats';
export { principalComponents, type PrincipalComponents } from './principal-components';
