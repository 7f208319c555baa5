import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateTransactions, parseGeneratorParams, toCsv } from '@tethys/transactions-generator';
import { anomalyTrainerParamsSchema, type AnomalyTrainerParams } from '../params';

/**
 * Test-only: a small labelled transaction set from the workspace generator,
 * written to a fresh temp dir, with trainer params pointing at it.
 */
export function smallDataset(): { dir: string; csv: string; params: AnomalyTrainerParams } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trainer-anomaly-'));
  const generated = generateTransactions(
    parseGeneratorParams({
      seed: 11,
      users: 40,
      startDate: '2024-02-01',
      days: 30,
      anomalyRates: { large_amount: 0.008, burst: 0.008, odd_hour_far_from_home: 0.006, new_category: 0.006 },
    }),
  );
  const csv = path.join(dir, 'transactions.csv');
  writeFileSync(csv, toCsv(generated.rows));
  const params = anomalyTrainerParamsSchema.parse({
    seed: 3,
    data: { transactions: 'transactions.csv', benchmark: null, benchmarkLabelColumn: 'outlier' },
    output: 'model',
    split: { train: 0.7, validation: 0, test: 0.3 },
    features: { velocityWindowMinutes: 60, minUserHistory: 5 },
    forest: { nEstimators: 40, maxSamples: 'auto', maxFeatures: 1, contamination: 0.03 },
    evaluation: { topFalsePositives: 3, sweepFlagRates: [0.01, 0.05] },
  });
  return { dir, csv, params };
}
