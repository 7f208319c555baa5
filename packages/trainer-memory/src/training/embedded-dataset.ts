import type { Embedder } from '@tethys/embeddings';
import type { RetrievalDataset } from '../datasets';
import type { MeasuredEmbedding } from './retrieval-table';

/** A benchmark's corpus and queries embedded once, reused by every variant, index and statistic. */
export interface EmbeddedDataset {
  dataset: RetrievalDataset;
  embedder: Embedder;
  corpusVectors: Float32Array[];
  queryVectors: Float32Array[];
  measured: MeasuredEmbedding;
}

/**
 * Embeds the corpus in batches (throughput) and every query on its own (the
 * latency a user sees), keeping both timings.
 */
export async function embedDataset(embedder: Embedder, dataset: RetrievalDataset, batchSize: number): Promise<EmbeddedDataset> {
  const corpusStart = performance.now();
  const corpusVectors: Float32Array[] = [];
  for (let start = 0; start < dataset.corpus.length; start += batchSize) {
    corpusVectors.push(...(await embedder.embed(dataset.corpus.slice(start, start + batchSize).map((doc) => doc.text))));
  }
  const corpusMs = performance.now() - corpusStart;
  const queryVectors: Float32Array[] = [];
  const queryDurationsMs: number[] = [];
  for (const query of dataset.queries) {
    const start = performance.now();
    const [vector] = await embedder.embed([query.query]);
    queryDurationsMs.push(performance.now() - start);
    queryVectors.push(vector);
  }
  return { dataset, embedder, corpusVectors, queryVectors, measured: { corpusMs, queryDurationsMs } };
}
