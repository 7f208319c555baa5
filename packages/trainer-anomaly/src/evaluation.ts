import {
  averagePrecision,
  confusionAtThreshold,
  countPositives,
  precisionAtK,
  quantile,
  rocAuc,
  type ConfusionCounts,
} from '@tethys/finance-math';
import type { TransactionExplanation } from './detector';
import type { LabelledTransaction } from './transactions-csv';

export interface TypeDetection {
  count: number;
  detected: number;
  /** Recall for this anomaly type at the detector's threshold. */
  detectionRate: number;
}

export interface FalsePositive {
  transactionId: string;
  userId: string;
  timestamp: string;
  amount: number;
  merchantCategory: string;
  anomalyScore: number;
  /** Feature values, and the three features that drove the isolation most. */
  features: Record<string, number>;
  topReasons: string[];
}

export interface SweepPoint extends ConfusionCounts {
  flagRate: number;
}

export interface DetectionEvaluation {
  rows: number;
  positives: number;
  rocAuc: number;
  averagePrecision: number;
  /** Precision among the k highest scores, k = number of true anomalies. */
  precisionAtK: { k: number; precision: number };
  /** At the detector's own threshold (the contamination offset). */
  atThreshold: ConfusionCounts & { detectionRate: number; falsePositiveRate: number };
  detectionRateByType: Record<string, TypeDetection>;
  topFalsePositives: FalsePositive[];
  /** The same counts at thresholds that flag the given fractions of transactions. */
  thresholdSweep: SweepPoint[];
}

export interface EvaluationOptions {
  /** The detector's threshold on anomalyScore (reported; flags come from each score's decision). */
  scoreThreshold: number;
  topFalsePositives: number;
  sweepFlagRates: number[];
}

/**
 * Evaluates explained scores against the generator's labels: ranking quality
 * (ROC-AUC, average precision, precision@k), the confusion at the detector's
 * threshold, recall per injected anomaly type, the false positives that
 * scored highest (with the features behind them), and a threshold sweep.
 */
export function evaluateDetections(
  transactions: LabelledTransaction[],
  explained: TransactionExplanation[],
  options: EvaluationOptions,
): DetectionEvaluation {
  const n = transactions.length;
  if (explained.length !== n) throw new Error(`evaluateDetections: ${n} transactions but ${explained.length} scores`);
  const scores = Float64Array.from(explained, (e) => e.anomalyScore);
  const labels = Uint8Array.from(transactions, (t) => (t.isAnomaly ? 1 : 0));
  const positives = countPositives(labels);
  // flagged <=> decision < 0 <=> -decision > 0; the smallest positive double makes ">= threshold" mean "> 0".
  const flagMargin = Float64Array.from(explained, (e) => -e.decision);
  const confusion = confusionAtThreshold(flagMargin, labels, Number.MIN_VALUE);

  const byType: Record<string, TypeDetection> = {};
  transactions.forEach((tx, i) => {
    if (!tx.isAnomaly) return;
    const type = tx.anomalyType ?? 'unlabelled';
    const entry = (byType[type] ??= { count: 0, detected: 0, detectionRate: 0 });
    entry.count++;
    if (explained[i].isFlagged) entry.detected++;
  });
  for (const entry of Object.values(byType)) entry.detectionRate = entry.detected / entry.count;

  const sortedTypes = Object.fromEntries(Object.entries(byType).sort(([a], [b]) => a.localeCompare(b)));

  const falsePositives = transactions
    .map((tx, i) => ({ tx, e: explained[i] }))
    .filter(({ tx, e }) => !tx.isAnomaly && e.isFlagged)
    .sort((a, b) => b.e.anomalyScore - a.e.anomalyScore || a.tx.transactionId.localeCompare(b.tx.transactionId))
    .slice(0, options.topFalsePositives)
    .map(({ tx, e }) => ({
      transactionId: tx.transactionId,
      userId: tx.userId,
      timestamp: new Date(tx.timestamp).toISOString(),
      amount: tx.amount,
      merchantCategory: tx.merchantCategory,
      anomalyScore: e.anomalyScore,
      features: Object.fromEntries(
        [...e.contributions].sort((a, b) => a.feature.localeCompare(b.feature)).map((c) => [c.feature, c.value]),
      ),
      topReasons: e.contributions.slice(0, 3).map((c) => c.feature),
    }));

  const thresholdSweep = options.sweepFlagRates.map((flagRate) => ({
    flagRate,
    ...confusionAtThreshold(scores, labels, quantile(scores, 1 - flagRate)),
  }));

  return {
    rows: n,
    positives,
    rocAuc: rocAuc(scores, labels),
    averagePrecision: averagePrecision(scores, labels),
    precisionAtK: { k: positives, precision: precisionAtK(scores, labels, positives) },
    atThreshold: {
      ...confusion,
      threshold: options.scoreThreshold,
      detectionRate: confusion.recall,
      falsePositiveRate: confusion.fpr,
    },
    detectionRateByType: sortedTypes,
    topFalsePositives: falsePositives,
    thresholdSweep,
  };
}
