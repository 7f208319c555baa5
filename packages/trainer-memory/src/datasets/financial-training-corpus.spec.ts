import { financialTrainingCorpus } from './financial-training-corpus';
import { generateCopilotMemories } from './memories/generate-memories';
import { loadNasdaqTickers } from './nasdaq-tickers';
import { loadReutersHeadlines } from './reuters-headlines';
import { generateTransactionDescriptions, merchantNames } from './transaction-descriptions';

describe('generateTransactionDescriptions', () => {
  it('is deterministic and reads like bank-statement lines', () => {
    const lines = generateTransactionDescriptions(200, 11);
    expect(lines).toHaveLength(200);
    expect(generateTransactionDescriptions(200, 11)).toEqual(lines);
    expect(generateTransactionDescriptions(200, 12)).not.toEqual(lines);
    expect(lines.some((line) => /^POS DEBIT [A-Z0-9&+ ]+ #\d{4} [A-Z ]+ [A-Z]{2}$/.test(line))).toBe(true);
    expect(lines.some((line) => /^ACH CREDIT .* PAYROLL PPD ID: \d{9}$/.test(line))).toBe(true);
    expect(() => generateTransactionDescriptions(-1, 1)).toThrow(/count/);
    expect(merchantNames()).toContain("Trader Joe's");
    expect(merchantNames().some((name) => name.startsWith('a '))).toBe(false);
  });
});

describe('financialTrainingCorpus', () => {
  const corpus = financialTrainingCorpus({ transactionCount: 300 });

  it('deduplicates, keeps a fixed order and counts every source', () => {
    expect(new Set(corpus.sentences).size).toBe(corpus.sentences.length);
    const total = Object.values(corpus.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(corpus.sentences.length);
    for (const count of Object.values(corpus.counts)) expect(count).toBeGreaterThan(50);
    expect(financialTrainingCorpus({ transactionCount: 300 }).sentences).toEqual(corpus.sentences);
  });

  it('holds no evaluation query and no held-out document of any dataset', () => {
    const sentences = new Set(corpus.sentences);
    const reuters = loadReutersHeadlines();
    const nasdaq = loadNasdaqTickers();
    const memories = generateCopilotMemories();
    for (const dataset of [reuters, nasdaq, memories]) {
      for (const query of dataset.queries) expect(sentences.has(query.query)).toBe(false);
    }
    for (const article of reuters.articles) if (article.split === 'eval') expect(sentences.has(article.headline)).toBe(false);
    // Two users can say the very same thing; such a text is legitimately on the training side too.
    const trainMemoryTexts = new Set(memories.memories.filter((m) => m.split === 'train').map((m) => m.text));
    for (const memory of memories.memories) {
      if (memory.split === 'eval' && !trainMemoryTexts.has(memory.text)) expect(sentences.has(memory.text)).toBe(false);
    }
    const evalNames = nasdaq.listings.filter((l) => l.split === 'eval').map((l) => l.name);
    const trainNames = new Set(nasdaq.listings.filter((l) => l.split === 'train').map((l) => l.name));
    for (const name of evalNames) if (!trainNames.has(name)) expect(sentences.has(name)).toBe(false);
  });
});
