import type { TransactionExplanation } from './detector';
import { evaluateDetections } from './evaluation';
import type { LabelledTransaction } from './transactions-csv';

function tx(id: string, anomalyType: string | null): LabelledTransaction {
  return {
    transactionId: id,
    userId: 'u1',
    timestamp: Date.parse('2024-01-01T00:00:00Z') + Number(id.slice(1)) * 60000,
    amount: 10,
    merchant: 'm',
    merchantCategory: 'groceries',
    latitude: 0,
    longitude: 0,
    isAnomaly: anomalyType !== null,
    anomalyType,
  };
}

function scored(id: string, anomalyScore: number, threshold: number): TransactionExplanation {
  return {
    transactionId: id,
    anomalyScore,
    decision: threshold - anomalyScore,
    isFlagged: anomalyScore > threshold,
    contributions: [
      { feature: 'amount_log', contribution: 0.6, value: 2.4 },
      { feature: 'distance_from_home_km', contribution: 0.3, value: 1.1 },
      { feature: 'hour_rarity', contribution: 0.1, value: 0.2 },
    ],
  };
}

// Six transactions, threshold 0.6: t1 (burst, 0.9) and t2 (large, 0.7) are caught,
// t3 (large, 0.5) is missed, t4 (normal, 0.65) is the one false positive.
const transactions = [tx('t1', 'burst'), tx('t2', 'large_amount'), tx('t3', 'large_amount'), tx('t4', null), tx('t5', null), tx('t6', null)];
const explained = [0.9, 0.7, 0.5, 0.65, 0.4, 0.3].map((s, i) => scored(`t${i + 1}`, s, 0.6));

describe('evaluateDetections', () => {
  const evaluation = evaluateDetections(transactions, explained, { scoreThreshold: 0.6, topFalsePositives: 5, sweepFlagRates: [0.5] });

  it('counts the confusion at the detector threshold', () => {
    expect(evaluation.rows).toBe(6);
    expect(evaluation.positives).toBe(3);
    expect(evaluation.atThreshold).toMatchObject({ threshold: 0.6, tp: 2, fp: 1, tn: 2, fn: 1 });
    expect(evaluation.atThreshold.detectionRate).toBeCloseTo(2 / 3, 12);
    expect(evaluation.atThreshold.falsePositiveRate).toBeCloseTo(1 / 3, 12);
  });

  it('reports recall per anomaly type', () => {
    expect(evaluation.detectionRateByType).toEqual({
      burst: { count: 1, detected: 1, detectionRate: 1 },
      large_amount: { count: 2, detected: 1, detectionRate: 0.5 },
    });
  });

  it('computes the ranking metrics', () => {
    // Positives rank 1, 2, 4 among 6: 8 of 9 positive/negative pairs ordered correctly.
    expect(evaluation.rocAuc).toBeCloseTo(8 / 9, 12);
    // AP = (1/3)(1/1) + (1/3)(2/2) + (1/3)(3/4)
    expect(evaluation.averagePrecision).toBeCloseTo((1 + 1 + 0.75) / 3, 12);
    expect(evaluation.precisionAtK).toEqual({ k: 3, precision: 2 / 3 });
  });

  it('lists the false positives with their features and top reasons', () => {
    expect(evaluation.topFalsePositives).toHaveLength(1);
    expect(evaluation.topFalsePositives[0]).toMatchObject({
      transactionId: 't4',
      anomalyScore: 0.65,
      features: { amount_log: 2.4, distance_from_home_km: 1.1, hour_rarity: 0.2 },
      topReasons: ['amount_log', 'distance_from_home_km', 'hour_rarity'],
    });
  });

  it('sweeps thresholds by flag rate', () => {
    // Flagging half (3 of 6): the top three scores 0.9, 0.7, 0.65 -> 2 true positives.
    expect(evaluation.thresholdSweep).toHaveLength(1);
    expect(evaluation.thresholdSweep[0]).toMatchObject({ flagRate: 0.5, tp: 2, fp: 1 });
  });

  it('refuses mismatched lengths', () => {
    expect(() => evaluateDetections(transactions, explained.slice(1), { scoreThreshold: 0.6, topFalsePositives: 1, sweepFlagRates: [0.1] })).toThrow(
      '6 transactions but 5 scores',
    );
  });
});
