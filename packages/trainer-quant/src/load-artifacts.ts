import path from 'node:path';
import { loadArtifact, loadJsonArtifact, type LoadedArtifact, type LoadedJsonArtifact } from '@tethys/artifacts';
import type { PerformanceReport, PortfolioPerformance } from '@tethys/finance-math';
import type { FlaggedDay } from './risk-anomalies';
import { QUANT_KINDS, type SummaryEntry } from './train';

/** What models/portfolio_opt_<profile>.json holds. */
export interface PortfolioArtifact {
  profile: string;
  description: string;
  objective: string;
  asOf: string;
  weights: Record<string, number>;
  expectedPerformance: PortfolioPerformance;
  backtest: {
    start: string;
    end: string;
    rebalances: number;
    averageTurnover: number;
    fallbacks: { date: string; reason: string }[];
    portfolio: PerformanceReport;
    equalWeightBenchmark: PerformanceReport;
  };
}

/** Loads a risk profile's portfolio, verifying its manifest and content hash. */
export function loadPortfolio(profile: string, modelsDir = 'models'): LoadedJsonArtifact<PortfolioArtifact> {
  return loadJsonArtifact<PortfolioArtifact>(path.join(modelsDir, `portfolio_opt_${profile}.json`), { kind: QUANT_KINDS.portfolio });
}

/** Loads the quant summary: every quant artifact with its headline metrics. */
export function loadQuantSummary(modelsDir = 'models'): LoadedJsonArtifact<{ artifacts: SummaryEntry[] }> {
  return loadJsonArtifact(path.join(modelsDir, 'quant_training_summary.json'), { kind: QUANT_KINDS.summary });
}

/** Loads models/risk_anomaly_<universe>/ (verified) with its flagged days. */
export function loadRiskAnomalies(universe: string, modelsDir = 'models'): { artifact: LoadedArtifact; mostAnomalous: FlaggedDay[]; allFlaggedDates: string[] } {
  const artifact = loadArtifact(path.join(modelsDir, `risk_anomaly_${universe}`), { kind: QUANT_KINDS.riskAnomaly });
  const flagged = artifact.readJson<{ mostAnomalous: FlaggedDay[]; allFlaggedDates: string[] }>('flagged_days.json');
  return { artifact, mostAnomalous: flagged.mostAnomalous, allFlaggedDates: flagged.allFlaggedDates };
}
