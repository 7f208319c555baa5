import { HashingEmbedder } from '@tethys/embeddings';
import { evaluateRetrieval } from '../../evaluation/evaluate-retrieval';
import { generateCopilotMemories } from './generate-memories';
import { fillTemplate, money, ordinal } from './template';
import { MEMORY_TOPICS } from './topics';
import { createRng } from '@tethys/data';

describe('fillTemplate and helpers', () => {
  it('fills slots and picks alternatives from the rng', () => {
    const rng = createRng(1).fork('t');
    const text = fillTemplate('[pay|send] {who} {amount}[ now|]', { who: 'Sam', amount: '$5' }, rng);
    expect(text).toMatch(/^(pay|send) Sam \$5( now)?$/);
    expect(() => fillTemplate('{missing}', {}, rng)).toThrow(/missing/);
    expect(ordinal(1)).toBe('1st');
    expect(ordinal(12)).toBe('12th');
    expect(ordinal(22)).toBe('22nd');
    expect(money(createRng(2).fork('m'), 1000, 1000, 25)).toBe('$1,000');
  });
});

describe('generateCopilotMemories', () => {
  const dataset = generateCopilotMemories();

  it('writes 300-600 memories over 8 users with 1-3 queries each', () => {
    expect(dataset.memories.length).toBeGreaterThanOrEqual(300);
    expect(dataset.memories.length).toBeLessThanOrEqual(600);
    expect(dataset.users).toHaveLength(8);
    expect(new Set(dataset.memories.map((m) => m.id)).size).toBe(dataset.memories.length);
    for (const user of dataset.users) {
      expect(dataset.memories.filter((m) => m.userId === user.userId).length).toBeGreaterThan(30);
    }
    for (const memory of dataset.memories) {
      const limit = memory.split === 'eval' ? 3 : 2;
      expect(memory.queries.length).toBeGreaterThanOrEqual(1);
      expect(memory.queries.length).toBeLessThanOrEqual(limit);
    }
    expect(new Set(dataset.memories.map((m) => m.kind))).toEqual(
      new Set(['bill', 'debt', 'goal', 'income', 'account', 'preference', 'risk', 'merchant', 'family', 'date']),
    );
  });

  it('every topic has two statements and five query templates', () => {
    for (const topic of MEMORY_TOPICS) {
      expect(topic.statements.length).toBeGreaterThanOrEqual(2);
      expect(topic.queries).toHaveLength(5);
    }
  });

  it('words queries differently from the memory they ask about', () => {
    for (const memory of dataset.memories) {
      const text = memory.text.toLowerCase();
      for (const query of memory.queries) expect(text.includes(query.toLowerCase())).toBe(false);
    }
  });

  it('keeps profile facts consistent across a user\'s memories', () => {
    for (const user of dataset.users) {
      const salary = dataset.memories.find((m) => m.id === `${user.userId}/income.salary`);
      if (salary) expect(salary.text).toContain(user.employer);
      const mortgage = dataset.memories.find((m) => m.id === `${user.userId}/debt.mortgage`);
      const rent = dataset.memories.find((m) => m.id === `${user.userId}/bill.rent`);
      expect(mortgage !== undefined && rent !== undefined).toBe(false);
    }
  });

  it('never trains on an evaluation query or an evaluation memory', () => {
    const evalQueries = new Set(dataset.queries.map((q) => q.query.toLowerCase()));
    const splitOf = new Map(dataset.memories.map((m) => [m.id, m.split]));
    expect(dataset.queries.length).toBeGreaterThan(250);
    expect(dataset.trainingPairs.length).toBeGreaterThan(200);
    for (const pair of dataset.trainingPairs) {
      expect(evalQueries.has(pair.query.toLowerCase())).toBe(false);
      expect(splitOf.get(pair.positiveId)).toBe('train');
    }
    for (const query of dataset.queries) {
      expect(query.relevantIds).toHaveLength(1);
      expect(splitOf.get(query.relevantIds[0])).toBe('eval');
      expect(query.scope).toBe(query.relevantIds[0].split('/')[0]);
    }
    const evalTexts = new Set(dataset.memories.filter((m) => m.split === 'eval').map((m) => m.text));
    for (const text of dataset.trainingTexts) expect(evalTexts.has(text) && !dataset.memories.some((m) => m.split === 'train' && m.text === text)).toBe(false);
  });

  it('is reproducible, and one user\'s memories do not depend on how many users there are', () => {
    expect(generateCopilotMemories().memories).toEqual(dataset.memories);
    const fewer = generateCopilotMemories({ users: 3 });
    const firstUser = (memories: typeof dataset.memories) => memories.filter((m) => m.userId === 'u01').map((m) => m.text);
    expect(firstUser(fewer.memories)).toEqual(firstUser(dataset.memories));
    expect(generateCopilotMemories({ seed: 99 }).memories[0].text).not.toEqual(undefined);
    expect(() => generateCopilotMemories({ evalFraction: 1 })).toThrow(/evalFraction/);
  });

  it('supports per-user (scoped) evaluation', async () => {
    const result = await evaluateRetrieval({
      embedder: new HashingEmbedder({ dim: 512 }),
      corpus: dataset.corpus,
      queries: dataset.queries,
      k: 5,
    });
    expect(result.scopeCount).toBe(8);
    // About 50 memories per user: chance hit-rate@5 is about 0.1; the lexical baseline does better but far from perfect.
    expect(result.metrics.hitRateAtK).toBeGreaterThan(0.2);
    expect(result.metrics.hitRateAtK).toBeLessThan(0.95);
  });
});
