import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError } from '@tethys/data';
import { HashingEmbedder } from '@tethys/embeddings';
import { evaluateRetrieval } from '../evaluation/evaluate-retrieval';
import { loadReutersHeadlines } from './reuters-headlines';

describe('loadReutersHeadlines (real data/text/reuters_acq_crude.csv)', () => {
  const dataset = loadReutersHeadlines();

  it('keeps all 70 bodies in the corpus and splits articles into halves', () => {
    expect(dataset.corpus).toHaveLength(70);
    const train = dataset.articles.filter((a) => a.split === 'train');
    expect(train.length).toBeGreaterThanOrEqual(35);
    expect(train.length).toBeLessThanOrEqual(38);
    expect(dataset.trainingPairs).toHaveLength(train.length);
    for (const doc of dataset.corpus) {
      expect(doc.text).not.toMatch(/reuter\W*$/i);
      expect(doc.text).not.toMatch(/\n/);
    }
  });

  it('never trains on an evaluation headline or an evaluation article', () => {
    const splitOf = new Map(dataset.articles.map((a) => [a.id, a.split]));
    const trainingQueries = new Set(dataset.trainingPairs.map((p) => p.query));
    const trainingTexts = new Set(dataset.trainingTexts);
    expect(dataset.queries.length).toBeGreaterThan(25);
    for (const query of dataset.queries) {
      expect(trainingQueries.has(query.query)).toBe(false);
      expect(trainingTexts.has(query.query)).toBe(false);
      for (const id of query.relevantIds) expect(splitOf.get(id)).toBe('eval');
    }
    for (const pair of dataset.trainingPairs) expect(splitOf.get(pair.positiveId)).toBe('train');
  });

  it('keeps re-filed versions of one story on the same side', () => {
    const splitOf = new Map(dataset.articles.map((a) => [a.id, a.split]));
    // Same headline (489, 502); same opening, different headline (248, 352).
    expect(splitOf.get('489')).toBe(splitOf.get('502'));
    expect(splitOf.get('248')).toBe(splitOf.get('352'));
  });

  it('pairs each training headline with the lead of its own article', () => {
    const bodyOf = new Map(dataset.corpus.map((doc) => [doc.id, doc.text]));
    const pair = dataset.trainingPairs[0];
    expect(bodyOf.get(pair.positiveId)?.startsWith(pair.positive)).toBe(true);
    expect(pair.positive.length).toBeLessThan((bodyOf.get(pair.positiveId) ?? '').length);
  });

  it('is reproducible from the seed and changes with it', () => {
    const again = loadReutersHeadlines();
    expect(again.queries).toEqual(dataset.queries);
    const other = loadReutersHeadlines({ seed: 7 });
    expect(other.queries.map((q) => q.query)).not.toEqual(dataset.queries.map((q) => q.query));
  });

  it('is a retrieval task a lexical baseline solves only in part', async () => {
    const result = await evaluateRetrieval({ embedder: new HashingEmbedder({ dim: 512 }), corpus: dataset.corpus, queries: dataset.queries, k: 5 });
    // Chance is about 5/70; headlines share company names with their bodies but are terse.
    expect(result.metrics.hitRateAtK).toBeGreaterThan(0.3);
    expect(result.metrics.mrr).toBeLessThan(1);
  });

  it('names the file and column when a column is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reuters-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'id,topic,text\n1,acq,"body"\n');
    try {
      loadReutersHeadlines({ file });
      throw new Error('expected a DataError');
    } catch (error) {
      expect(error).toBeInstanceOf(DataError);
      expect(error).toMatchObject({ code: 'MISSING_COLUMN', file, column: 'heading' });
    }
  });
});
