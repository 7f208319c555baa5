import { createHash } from 'node:crypto';
import { Int8Quantizer, PcaReducer, Whitener } from '@tethys/embeddings';
import { evaluateVectors, type IndexFactory, type RetrievalEvaluation } from '../evaluation';
import type { EmbeddedDataset } from './embedded-dataset';
import { latencyRow, type LatencyRow, retrievalRow, type RetrievalRow } from './retrieval-table';

export interface VariantOptions {
  k: number;
  /** PCA target dimensions (those not below the embedder's dimension are skipped). */
  pcaDims: readonly number[];
  /** Compression variants (PCA, whitening, int8) on top of the full vectors. */
  compression: boolean;
  /** Extra indexes evaluated on the full vectors (the flat index is always evaluated). */
  indexes: readonly { name: string; factory: IndexFactory }[];
}

interface Variant {
  name: string;
  bytesPerVector: number;
  corpus: Float32Array[];
  queries: Float32Array[];
}

function compressionVariants(embedded: EmbeddedDataset, pcaDims: readonly number[]): Variant[] {
  const { corpusVectors, queryVectors } = embedded;
  const dim = embedded.embedder.dim;
  const variants: Variant[] = [];
  // Every transform is fitted on the corpus vectors only (what an index owner has), never on the queries.
  for (const components of pcaDims.filter((d) => d < dim && d < corpusVectors.length)) {
    const pca = new PcaReducer({ components }).fit(corpusVectors);
    variants.push({ name: `pca-${components}`, bytesPerVector: components * 4, corpus: pca.transform(corpusVectors), queries: pca.transform(queryVectors) });
  }
  // Whitening divides by per-axis variance: keep at most half as many axes as documents so
  // no axis's variance is estimated from (near-)degenerate directions of a small corpus.
  const whitener = new Whitener({ components: Math.min(dim, Math.floor(corpusVectors.length / 2)) }).fit(corpusVectors);
  variants.push({
    name: 'whitened',
    bytesPerVector: (whitener.params.components ?? dim) * 4,
    corpus: whitener.transform(corpusVectors),
    queries: whitener.transform(queryVectors),
  });
  const quantizer = new Int8Quantizer().fit(corpusVectors);
  // Searched as stored: the int8 codes decoded back to floats (what a quantised index scores).
  variants.push({
    name: 'int8',
    bytesPerVector: quantizer.bytesPerVector,
    corpus: quantizer.inverseTransform(quantizer.transform(corpusVectors)),
    queries: quantizer.inverseTransform(quantizer.transform(queryVectors)),
  });
  return variants;
}

function evaluateVariant(embedded: EmbeddedDataset, variant: Variant, k: number, index: 'flat' | IndexFactory): RetrievalEvaluation {
  const { dataset, embedder } = embedded;
  const embedderHash =
    variant.name === 'full' ? embedder.identityHash : createHash('sha256').update(`${embedder.identityHash}+${variant.name}`).digest('hex');
  return evaluateVectors({
    corpus: dataset.corpus.map((doc, i) => ({ id: doc.id, vector: variant.corpus[i], scope: doc.scope })),
    queries: dataset.queries.map((query, i) => ({ ...query, vector: variant.queries[i] })),
    embedderHash,
    index,
    k,
  });
}

/**
 * The retrieval rows of one embedder on one benchmark: full vectors on the flat
 * index (plus any extra indexes), then each compression variant on the flat index.
 */
export function evaluateEmbeddedDataset(embedded: EmbeddedDataset, options: VariantOptions): { rows: RetrievalRow[]; latencies: LatencyRow[] } {
  const rows: RetrievalRow[] = [];
  const latencies: LatencyRow[] = [];
  const full: Variant = { name: 'full', bytesPerVector: embedded.embedder.dim * 4, corpus: embedded.corpusVectors, queries: embedded.queryVectors };
  const labels = { dataset: embedded.dataset.name, embedder: embedded.embedder.name };
  const indexes: { name: string; index: 'flat' | IndexFactory }[] = [{ name: 'flat', index: 'flat' }, ...options.indexes.map((i) => ({ name: i.name, index: i.factory }))];
  for (const { name, index } of indexes) {
    const evaluation = evaluateVariant(embedded, full, options.k, index);
    rows.push(retrievalRow({ ...labels, variant: full.name, index: name, bytesPerVector: full.bytesPerVector }, evaluation));
    latencies.push(latencyRow({ ...labels, variant: full.name, index: name }, evaluation, embedded.measured));
  }
  if (options.compression) {
    for (const variant of compressionVariants(embedded, options.pcaDims)) {
      const evaluation = evaluateVariant(embedded, variant, options.k, 'flat');
      rows.push(retrievalRow({ ...labels, variant: variant.name, index: 'flat', bytesPerVector: variant.bytesPerVector }, evaluation));
      latencies.push(latencyRow({ ...labels, variant: variant.name, index: 'flat' }, evaluation, null));
    }
  }
  return { rows, latencies };
}
