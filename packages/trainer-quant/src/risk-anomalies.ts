import type { ReturnPanel } from '@tethys/data';
import { IsolationForest, type IsolationForestParams } from '@tethys/isolation-forest';
import { marketRiskFeatures, type MarketRiskFeatureOptions } from './market-risk-features';

export interface FlaggedDay {
  date: string;
  /** Isolation Forest anomaly score s(x) in (0, 1]. */
  anomalyScore: number;
  /** The three features that isolated the day, with their shares. */
  topReasons: { feature: string; contribution: number; value: number }[];
  features: Record<string, number>;
}

export interface RiskAnomalyResult {
  forest: IsolationForest;
  featureNames: string[];
  /** Dates scored (every date with a full feature window). */
  dates: string[];
  anomalyScores: Float64Array;
  /** Flagged days (decision < 0), most anomalous first. */
  flagged: FlaggedDay[];
}

/**
 * Market risk anomalies: an Isolation Forest over daily market-state features
 * (see marketRiskFeatures) flags the days whose joint return, volatility and
 * correlation picture is most isolated. Unsupervised; `contamination` sets how
 * many days are flagged.
 */
export function detectRiskAnomalies(
  panel: ReturnPanel,
  featureOptions: MarketRiskFeatureOptions,
  forestParams: Partial<IsolationForestParams>,
): RiskAnomalyResult {
  const features = marketRiskFeatures(panel, featureOptions);
  const forest = new IsolationForest(forestParams).fit(features);
  const samples = forest.scoreSamples(features);
  const contributions = forest.explain(features);
  const offset = forest.offset;
  const anomalyScores = samples.map((s) => -s);
  const flagged: FlaggedDay[] = [];
  for (let row = 0; row < features.rows; row++) {
    if (samples[row] - offset >= 0) continue;
    const values = features.names.map((feature, col) => ({
      feature,
      contribution: contributions[row * features.cols + col],
      value: features.data[row * features.cols + col],
    }));
    flagged.push({
      date: features.dates[row],
      anomalyScore: anomalyScores[row],
      topReasons: [...values].sort((a, b) => b.contribution - a.contribution || a.feature.localeCompare(b.feature)).slice(0, 3),
      features: Object.fromEntries(values.map((v) => [v.feature, v.value])),
    });
  }
  flagged.sort((a, b) => b.anomalyScore - a.anomalyScore || a.date.localeCompare(b.date));
  return { forest, featureNames: features.names, dates: features.dates, anomalyScores, flagged };
}
