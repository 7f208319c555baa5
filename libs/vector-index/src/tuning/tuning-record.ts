/** One measured configuration. */
export interface HnswTrial {
  M: number;
  efConstruction: number;
  efSearch: number;
  /** Mean recall@10 against the exact flat index on the tuning queries. */
  recallAt10: number;
  /** Single-threaded queries per second at k = 10 (wall clock, so it varies with machine load); null when not measured. */
  queriesPerSecond: number | null;
  /** Seconds to build the graph for this (M, efConstruction); null when not measured. */
  buildSeconds: number | null;
}

/** What tuneHnsw tried and why it chose what it chose; saveVectorIndex writes it into the manifest. */
export interface HnswTuningRecord {
  targetRecallAt10: number;
  /** false when no configuration reached the target and the best recall was taken instead. */
  reachedTarget: boolean;
  /** A sentence saying how the choice was made. */
  decision: string;
  chosen: HnswTrial;
  trials: HnswTrial[];
  randomSeed: number;
  vectorCount: number;
  queryCount: number;
}
