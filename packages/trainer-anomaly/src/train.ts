import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { reproducibleTimestamp, writeArtifact, type ArtifactManifest } from '@tethys/artifacts';
import { timeSplit } from '@tethys/data';
import { rocAuc } from '@tethys/finance-math';
import { IsolationForest } from '@tethys/isolation-forest';
import packageJson from '../package.json';
import { AnomalyDetector, ANOMALY_DETECTOR_KIND } from './detector';
import { evaluateDetections, type DetectionEvaluation } from './evaluation';
import { evaluateLabelledCsv } from './evaluate-labelled-csv';
import { TransactionFeaturePipeline } from './features';
import type { AnomalyTrainerParams } from './params';
import { readLabelledTransactionsCsv, type LabelledTransaction } from './transactions-csv';

export interface AnomalyTrainingMetrics {
  data: { rows: number; trainRows: number; testRows: number; trainPeriod: [string, string]; testPeriod: [string, string] };
  features: string[];
  /** In-sample ranking quality on the training period (labels never used for fitting). */
  train: { rocAuc: number };
  /** Held-out, later period: the honest numbers. */
  test: DetectionEvaluation;
  /** The same forest settings on a real labelled benchmark (shuttle), if configured. */
  benchmark: { file: string; rows: number; positives: number; rocAuc: number; averagePrecision: number; precisionAtK: number } | null;
}

export interface AnomalyTrainingResult {
  detector: AnomalyDetector;
  manifest: ArtifactManifest;
  metrics: AnomalyTrainingMetrics;
  /** Wall-clock milliseconds per step (not part of the artifact: they vary between runs). */
  timingsMs: Record<string, number>;
}

function period(rows: LabelledTransaction[]): [string, string] {
  return [new Date(rows[0].timestamp).toISOString(), new Date(rows[rows.length - 1].timestamp).toISOString()];
}

/**
 * The anomaly stage: split the labelled transactions in time, fit the feature
 * profiles and the forest on the earlier part only, evaluate on the later
 * part, check the forest settings on the real benchmark, and write
 * `models/anomaly_detector/` atomically. Paths in params are relative to `root`.
 */
export function trainAnomalyDetector(
  params: AnomalyTrainerParams,
  options: { root?: string; log?: (line: string) => void } = {},
): AnomalyTrainingResult {
  const root = options.root ?? process.cwd();
  const log = options.log ?? (() => undefined);
  const resolve = (p: string) => path.resolve(root, p);
  const timingsMs: Record<string, number> = {};
  const timed = <T>(step: string, fn: () => T): T => {
    const start = performance.now();
    const value = fn();
    timingsMs[step] = Math.round(performance.now() - start);
    return value;
  };

  const transactionsFile = resolve(params.data.transactions);
  const all = timed('read', () => readLabelledTransactionsCsv(transactionsFile));
  // Stable sort by time: the split must never let the future leak into training.
  const ordered = all
    .map((tx, index) => ({ tx, index }))
    .sort((a, b) => a.tx.timestamp - b.tx.timestamp || a.index - b.index)
    .map(({ tx }) => tx);
  const split = timeSplit(ordered.length, params.split);
  const train = ordered.slice(...split.train);
  const test = ordered.slice(...split.test);
  log(`read ${ordered.length} transactions: ${train.length} train, ${test.length} test (time-ordered)`);

  const pipeline = timed('fitFeatures', () => new TransactionFeaturePipeline(params.features).fit(train));
  const trainMatrix = timed('transformTrain', () => pipeline.transform(train));
  const forest = timed('fitForest', () => new IsolationForest({ ...params.forest, seed: params.seed }).fit(trainMatrix));
  const detector = new AnomalyDetector(pipeline, forest);

  const trainScores = forest.scoreSamples(trainMatrix).map((s) => -s);
  const trainRocAuc = rocAuc(trainScores, Uint8Array.from(train, (t) => (t.isAnomaly ? 1 : 0)));
  const explained = timed('scoreTest', () => detector.explain(test));
  const testEvaluation = evaluateDetections(test, explained, { ...params.evaluation, scoreThreshold: detector.scoreThreshold });
  log(
    `test: ROC-AUC ${testEvaluation.rocAuc.toFixed(4)}, AP ${testEvaluation.averagePrecision.toFixed(4)}, ` +
      `detection rate ${testEvaluation.atThreshold.detectionRate.toFixed(3)} at FPR ${testEvaluation.atThreshold.falsePositiveRate.toFixed(4)}`,
  );

  const inputs = [transactionsFile];
  let benchmark: AnomalyTrainingMetrics['benchmark'] = null;
  if (params.data.benchmark !== null) {
    const benchmarkFile = resolve(params.data.benchmark);
    const result = timed('benchmark', () =>
      evaluateLabelledCsv(benchmarkFile, params.data.benchmarkLabelColumn, { ...params.forest, contamination: 'auto', seed: params.seed }),
    );
    benchmark = {
      file: params.data.benchmark,
      rows: result.rows,
      positives: result.positives,
      rocAuc: result.rocAuc,
      averagePrecision: result.averagePrecision,
      precisionAtK: result.precisionAtK.precision,
    };
    inputs.push(benchmarkFile);
    log(`benchmark ${params.data.benchmark}: ROC-AUC ${result.rocAuc.toFixed(4)}`);
  }

  const metrics: AnomalyTrainingMetrics = {
    data: { rows: ordered.length, trainRows: train.length, testRows: test.length, trainPeriod: period(train), testPeriod: period(test) },
    features: [...pipeline.featureNames],
    train: { rocAuc: trainRocAuc },
    test: testEvaluation,
    benchmark,
  };
  const manifest = timed('write', () =>
    writeArtifact({
      dir: resolve(params.output),
      kind: ANOMALY_DETECTOR_KIND,
      producer: { package: packageJson.name, version: packageJson.version },
      seed: params.seed,
      params,
      inputs,
      root,
      files: detector.toFiles(),
      metrics: metrics as unknown as Record<string, unknown>,
      createdAt: reproducibleTimestamp(process.env, root),
    }),
  );
  log(`wrote ${params.output} (${manifest.outputs.length} files)`);
  return { detector, manifest, metrics, timingsMs };
}
