import { canonicalJson, loadArtifact, type ArtifactManifest } from '@tethys/artifacts';
import { IsolationForest } from '@tethys/isolation-forest';
import { TransactionFeaturePipeline, type FeatureMatrix, type Transaction } from './features';

export const ANOMALY_DETECTOR_KIND = 'anomaly_detector';

/** Files of an anomaly detector artifact, besides manifest.json and metrics.json. */
export const DETECTOR_FILES = {
  forest: 'forest.json',
  pipeline: 'feature_pipeline.json',
  detector: 'detector.json',
} as const;

export interface FeatureContribution {
  feature: string;
  /** Share of the isolation credited to this feature (a row's shares sum to 1). */
  contribution: number;
  /** The feature's value for this transaction. */
  value: number;
}

export interface TransactionScore {
  transactionId: string;
  /** The Isolation Forest anomaly score s(x) in (0, 1]: above 0.5 leans anomalous (Liu et al. 2008). */
  anomalyScore: number;
  /** scikit-learn's decision_function: negative means flagged. */
  decision: number;
  isFlagged: boolean;
}

export interface TransactionExplanation extends TransactionScore {
  /** All features, largest contribution first. */
  contributions: FeatureContribution[];
}

/**
 * A fitted feature pipeline and Isolation Forest that score transactions
 * together: scoring applies the very transformation the forest was fitted on.
 */
export class AnomalyDetector {
  constructor(
    readonly pipeline: TransactionFeaturePipeline,
    readonly forest: IsolationForest,
  ) {
    if (!pipeline.isFitted || !forest.isFitted) throw new Error('AnomalyDetector needs a fitted pipeline and forest');
    if (forest.nFeatures !== pipeline.featureNames.length) {
      throw new Error(
        `AnomalyDetector: the forest has ${forest.nFeatures} features, the pipeline produces ${pipeline.featureNames.length}`,
      );
    }
  }

  get featureNames(): readonly string[] {
    return this.pipeline.featureNames;
  }

  /** The detection threshold on `anomalyScore`: flagged above it. */
  get scoreThreshold(): number {
    return -this.forest.offset;
  }

  features(transactions: Transaction[]): FeatureMatrix {
    return this.pipeline.transform(transactions);
  }

  /** Scores a batch. Velocity features count the same user's transactions within the batch. */
  score(transactions: Transaction[]): TransactionScore[] {
    return this.scoreMatrix(transactions, this.features(transactions));
  }

  /** Scores and explains a batch: which features drove each transaction's isolation. */
  explain(transactions: Transaction[]): TransactionExplanation[] {
    const matrix = this.features(transactions);
    const scores = this.scoreMatrix(transactions, matrix);
    const contributions = this.forest.explain(matrix);
    const names = this.featureNames;
    return scores.map((score, row) => {
      const list: FeatureContribution[] = names.map((feature, col) => ({
        feature,
        contribution: contributions[row * matrix.cols + col],
        value: matrix.data[row * matrix.cols + col],
      }));
      list.sort((a, b) => b.contribution - a.contribution || a.feature.localeCompare(b.feature));
      return { ...score, contributions: list };
    });
  }

  private scoreMatrix(transactions: Transaction[], matrix: FeatureMatrix): TransactionScore[] {
    const samples = this.forest.scoreSamples(matrix);
    const offset = this.forest.offset;
    return transactions.map((tx, i) => ({
      transactionId: tx.transactionId,
      anomalyScore: -samples[i],
      decision: samples[i] - offset,
      isFlagged: samples[i] - offset < 0,
    }));
  }

  /** The artifact files (JSON text) that `loadAnomalyDetector` reads back. */
  toFiles(): Record<string, string> {
    return {
      [DETECTOR_FILES.forest]: canonicalJson(this.forest.toJSON()),
      [DETECTOR_FILES.pipeline]: canonicalJson(this.pipeline.toJSON()),
      [DETECTOR_FILES.detector]: canonicalJson({
        featureNames: this.featureNames,
        offset: this.forest.offset,
        scoreThreshold: this.scoreThreshold,
        scoreConvention: 'anomalyScore = 2^(-E[h(x)]/c(maxSamples)); flagged when anomalyScore > scoreThreshold',
      }),
    };
  }
}

export interface LoadedAnomalyDetector {
  detector: AnomalyDetector;
  manifest: ArtifactManifest;
}

/** Loads a trained detector, verifying the manifest's schema version and every file's sha256 first. */
export function loadAnomalyDetector(dir: string): LoadedAnomalyDetector {
  const artifact = loadArtifact(dir, { kind: ANOMALY_DETECTOR_KIND });
  const forest = IsolationForest.fromJSON(artifact.readJson(DETECTOR_FILES.forest));
  const pipeline = TransactionFeaturePipeline.fromJSON(artifact.readJson(DETECTOR_FILES.pipeline));
  return { detector: new AnomalyDetector(pipeline, forest), manifest: artifact.manifest };
}
