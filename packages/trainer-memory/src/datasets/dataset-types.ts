import type { CorpusDocument, RetrievalQuery } from '../evaluation/retrieval-types';

/** A (query, positive document) pair for contrastive training or distillation. */
export interface TrainingPair {
  readonly query: string;
  readonly positive: string;
  /** Corpus id of the positive document. */
  readonly positiveId: string;
}

/**
 * A retrieval benchmark with its training material. Every loader splits with a
 * seeded Rng so that no evaluation query (and no text derived from it) ever
 * appears in `trainingPairs` or `trainingTexts`.
 */
export interface RetrievalDataset {
  readonly name: string;
  readonly seed: number;
  /** Everything a query may retrieve (train-side documents included: they are distractors). */
  readonly corpus: CorpusDocument[];
  /** Held-out evaluation queries. */
  readonly queries: RetrievalQuery[];
  readonly trainingPairs: TrainingPair[];
  /** Unlabelled training-side texts (for distillation), deduplicated. */
  readonly trainingTexts: string[];
}

/** The seed every dataset uses unless told otherwise, so the splits of all loaders agree. */
export const DEFAULT_DATASET_SEED = 1729;
