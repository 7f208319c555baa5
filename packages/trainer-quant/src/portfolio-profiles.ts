import type { PricePanel } from '@tethys/data';
import {
  performanceReport,
  portfolioPerformance,
  weightsByAsset,
  type PerformanceReport,
  type PortfolioPerformance,
  type QpSolver,
} from '@tethys/finance-math';
import { estimate, type EstimationSettings } from './estimation';
import { optimizeProfile, optimizeProfileOrFallBack } from './optimize-profile';
import type { RiskProfile } from './params';
import { slicePanel, walkForward, type WalkForwardResult } from './walk-forward';

export interface ProfileResult {
  name: string;
  profile: RiskProfile;
  /** Last price date of the estimation window behind `weights`. */
  asOf: string;
  weights: Record<string, number>;
  /** In-sample expectation from the same estimates (PyPortfolioOpt's portfolio_performance). */
  expectedPerformance: PortfolioPerformance;
  backtest: {
    walkForward: WalkForwardResult;
    /** Rebalances where the objective was infeasible and min volatility stood in, with the reason. */
    fallbacks: { date: string; reason: string }[];
    averageTurnover: number;
    portfolio: PerformanceReport;
    benchmark: PerformanceReport;
  };
}

export interface ProfileSettings {
  estimation: EstimationSettings;
  lookbackDays: number;
  rebalanceEvery: number;
  transactionCost: number;
}

/** Deepest drawdowns first, at most `count`: the full list is long and mostly noise. */
function trimDrawdowns(report: PerformanceReport, count = 5): PerformanceReport {
  return { ...report, drawdownPeriods: [...report.drawdownPeriods].sort((a, b) => a.depth - b.depth).slice(0, count) };
}

/**
 * One risk profile end to end: weights from the latest estimation window
 * (strict: an infeasible objective is an error), and an out-of-sample
 * walk-forward backtest against equal weight with monthly rebalancing.
 */
export function runProfile(
  solver: QpSolver,
  panel: PricePanel,
  name: string,
  profile: RiskProfile,
  settings: ProfileSettings,
): ProfileResult {
  const { estimation, lookbackDays, rebalanceEvery, transactionCost } = settings;
  const rows = panel.dates.length;
  const latest = slicePanel(panel, Math.max(0, rows - lookbackDays), rows);
  const { expectedReturns, covariance } = estimate(latest, estimation);
  const weights = optimizeProfile(solver, panel.assets, expectedReturns, covariance, profile, estimation.riskFreeRate);

  const fallbacks: { date: string; reason: string }[] = [];
  const result = walkForward(
    panel,
    (history) => {
      const window = estimate(history, estimation);
      const chosen = optimizeProfileOrFallBack(solver, panel.assets, window.expectedReturns, window.covariance, profile, estimation.riskFreeRate);
      if (chosen.fallback !== null) fallbacks.push({ date: history.dates[history.dates.length - 1], reason: chosen.fallback });
      return chosen.weights;
    },
    { lookback: lookbackDays, rebalanceEvery, transactionCost },
  );
  const reportOptions = { periods: estimation.frequency, riskFreeRate: estimation.riskFreeRate };
  return {
    name,
    profile,
    asOf: latest.dates[latest.dates.length - 1],
    weights: weightsByAsset(panel.assets, weights),
    expectedPerformance: portfolioPerformance(weights, expectedReturns, covariance, estimation.riskFreeRate),
    backtest: {
      walkForward: result,
      fallbacks,
      averageTurnover: result.rebalances.reduce((sum, r) => sum + r.turnover, 0) / result.rebalances.length,
      portfolio: trimDrawdowns(performanceReport(result.portfolioReturns, { ...reportOptions, benchmark: result.benchmarkReturns })),
      benchmark: trimDrawdowns(performanceReport(result.benchmarkReturns, reportOptions)),
    },
  };
}
