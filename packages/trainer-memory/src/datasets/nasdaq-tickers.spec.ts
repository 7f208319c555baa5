import { createRng } from '@tethys/data';
import { colloquialNameWords, companyQuery } from './company-query';
import { loadNasdaqTickers } from './nasdaq-tickers';

describe('colloquialNameWords / companyQuery', () => {
  it('drops legal forms, parentheticals and punctuation', () => {
    expect(colloquialNameWords('Cheesecake Factory Incorporated (The)')).toEqual(['cheesecake', 'factory']);
    expect(colloquialNameWords('Merrill Lynch & Co., Inc.')).toEqual(['merrill', 'lynch']);
    expect(colloquialNameWords('Alliance Bancorp, Inc. of Pennsylvania')).toEqual(['alliance', 'bancorp', 'of', 'pennsylvania']);
    expect(colloquialNameWords('U.S. Physical Therapy, Inc.')).toEqual(['u.s.', 'physical', 'therapy']);
    expect(colloquialNameWords('IAC/InterActiveCorp')).toEqual(['iac', 'interactivecorp']);
    // Nothing but a legal form: keep the words rather than return nothing.
    expect(colloquialNameWords('Company Inc.')).toEqual(['company', 'inc']);
  });

  it('builds lower-case queries without legal forms, reproducibly', () => {
    const name = 'Akamai Technologies, Inc.';
    const queries = Array.from({ length: 40 }, (_, seed) => companyQuery(name, createRng(seed).fork('query')));
    for (const query of queries) {
      expect(query).toBe(query.toLowerCase());
      expect(query).toContain('akamai');
      expect(query).not.toMatch(/\binc\b/);
    }
    // Both the kept word and its abbreviation occur across seeds.
    expect(queries.some((q) => /\btech\b/.test(q))).toBe(true);
    expect(queries.some((q) => /\btechnologies\b/.test(q))).toBe(true);
    expect(companyQuery(name, createRng(3).fork('q'))).toBe(companyQuery(name, createRng(3).fork('q')));
  });
});

describe('loadNasdaqTickers (real data/text/nasdaq_listing.csv)', () => {
  const dataset = loadNasdaqTickers();

  it('has one document per ticker and groups tickers of one company', () => {
    expect(dataset.corpus).toHaveLength(3206);
    expect(dataset.corpus[0]).toEqual({ id: 'AACC', text: 'AACC — Asset Acceptance Capital Corp.' });
    const alsius = dataset.listings.filter((l) => l.company === 'alsius');
    expect(alsius.map((l) => l.symbol).sort()).toEqual(['ALUS', 'ALUSU', 'ALUSW']);
    expect(new Set(alsius.map((l) => l.split)).size).toBe(1);
  });

  it('asks about held-out companies only, without copying the listing', () => {
    expect(dataset.queries).toHaveLength(300);
    const listingOf = new Map(dataset.listings.map((l) => [l.symbol, l]));
    const docOf = new Map(dataset.corpus.map((d) => [d.id, d.text]));
    for (const query of dataset.queries) {
      const first = listingOf.get(query.relevantIds[0]);
      expect(first?.split).toBe('eval');
      // Every ticker of the company is relevant.
      const company = dataset.listings.filter((l) => l.company === first?.company).map((l) => l.symbol);
      expect([...query.relevantIds].sort()).toEqual(company.sort());
      for (const id of query.relevantIds) {
        expect(query.query).not.toBe(docOf.get(id));
        // The symbol shows up only where it is a word of the name itself (POPE — Pope Resources).
        const nameWords = (listingOf.get(id)?.name ?? '').toUpperCase().split(/\W+/);
        if (!nameWords.includes(id)) expect(query.query.toUpperCase().split(/\s+/)).not.toContain(id);
      }
    }
    const trainingQueries = new Set(dataset.trainingPairs.map((p) => p.query));
    const trainingNames = new Set(dataset.trainingTexts);
    for (const query of dataset.queries) expect(trainingQueries.has(query.query)).toBe(false);
    for (const listing of dataset.listings) {
      if (listing.split === 'eval') expect(trainingNames.has(listing.name)).toBe(false);
    }
    expect(dataset.trainingPairs.length).toBeGreaterThan(2000);
  });

  it('is reproducible from the seed', () => {
    const small = loadNasdaqTickers({ evalCompanies: 20 });
    expect(loadNasdaqTickers({ evalCompanies: 20 }).queries).toEqual(small.queries);
    expect(loadNasdaqTickers({ evalCompanies: 20, seed: 5 }).queries).not.toEqual(small.queries);
    expect(() => loadNasdaqTickers({ evalCompanies: 0 })).toThrow(/evalCompanies/);
  });
});
