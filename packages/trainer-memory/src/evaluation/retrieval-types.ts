/** One retrievable document. `scope` (e.g. a user id) restricts which queries may find it. */
export interface CorpusDocument {
  readonly id: string;
  readonly text: string;
  /** When set on any document, every document and query needs one, and each query searches only its own scope. */
  readonly scope?: string;
}

/** A query and every corpus id that counts as a correct answer (binary relevance). */
export interface RetrievalQuery {
  readonly query: string;
  readonly relevantIds: readonly string[];
  readonly scope?: string;
}
