import { createRng } from '@tethys/data';
import { TransactionFeaturePipeline } from './pipeline';
import { FeaturePipelineStateError, type FeaturePipelineState } from './state';
import type { Transaction } from './transaction';

/** A small random history: 12 users around two places, a few categories and merchants. */
function randomHistory(seed: number, count: number): Transaction[] {
  const rng = createRng(seed);
  const categories = ['groceries', 'fuel', 'restaurants', 'travel'];
  return Array.from({ length: count }, (_, i) => {
    const user = rng.int(12);
    return {
      transactionId: `t${i}`,
      userId: `u${String(user).padStart(2, '0')}`,
      timestamp: Date.UTC(2024, 0, 1) + rng.int(30 * 86_400) * 1000,
      amount: Math.round(Math.exp(rng.normal(3, 1)) * 100) / 100,
      merchant: `m${rng.int(15)}`,
      merchantCategory: categories[rng.int(categories.length)],
      latitude: (user % 2 ? 40 : 51) + rng.normal(0, 0.05),
      longitude: (user % 2 ? -74 : 0) + rng.normal(0, 0.05),
    };
  });
}

describe('TransactionFeaturePipeline: toJSON / fromJSON', () => {
  const history = randomHistory(1, 400);
  const batch = [...randomHistory(2, 150), { ...history[0], userId: 'stranger' }];
  const pipeline = new TransactionFeaturePipeline({ velocityWindowMinutes: 90 }).fit(history);

  it('round-trips through JSON text to identical transforms', () => {
    const text = JSON.stringify(pipeline.toJSON());
    const restored = TransactionFeaturePipeline.fromJSON(JSON.parse(text));
    expect(restored.isFitted).toBe(true);
    expect(restored.options).toEqual({ velocityWindowMinutes: 90, minUserHistory: 5 });
    expect(restored.transform(batch).data).toEqual(pipeline.transform(batch).data);
    expect(JSON.stringify(restored.toJSON())).toBe(text);
  });

  it('is deterministic: the same history in another order gives the same JSON text', () => {
    const shuffled = createRng(9).shuffle([...history]);
    const again = new TransactionFeaturePipeline({ velocityWindowMinutes: 90 }).fit(shuffled);
    expect(JSON.stringify(again.toJSON())).toBe(JSON.stringify(pipeline.toJSON()));
    const users = pipeline.toJSON().users.map((u) => u.userId);
    expect(users).toEqual([...users].sort());
  });

  it('returns a copy: editing it does not change the pipeline', () => {
    const state = pipeline.toJSON();
    state.global.amount.centre = 1e6;
    expect(pipeline.toJSON().global.amount.centre).not.toBe(1e6);
  });

  function rejection(mutate: (state: FeaturePipelineState & Record<string, unknown>) => void): FeaturePipelineStateError {
    const state = pipeline.toJSON() as FeaturePipelineState & Record<string, unknown>;
    mutate(state);
    try {
      TransactionFeaturePipeline.fromJSON(state);
    } catch (error) {
      if (error instanceof FeaturePipelineStateError) return error;
      throw error;
    }
    throw new Error('expected fromJSON to fail');
  }

  it.each<[string, (s: FeaturePipelineState & Record<string, unknown>) => void, string]>([
    ['a wrong format', (s) => Object.assign(s, { format: 'other' }), 'format'],
    ['an unknown key', (s) => Object.assign(s, { extra: 1 }), '(root)'],
    ['a missing user field', (s) => delete (s.users[0] as Partial<FeaturePipelineState['users'][0]>).homeLatitude, 'users.0.homeLatitude'],
    ['a 23-hour histogram', (s) => s.users[1].hourCounts.pop(), 'users.1.hourCounts'],
    ['a zero scale', (s) => (s.global.amount.scale = 0), 'global.amount.scale'],
    ['a merchant index out of range', (s) => s.users[0].merchants.push(10_000), `users.0.merchants.${0}`],
    ['unsorted users', (s) => s.users.reverse(), 'users.1.userId'],
    ['other feature names', (s) => s.featureNames.pop(), 'featureNames'],
    ['category counts of the wrong length', (s) => s.users[2].categoryCounts.push(1), 'users.2.categoryCounts'],
  ])('rejects %s, naming the path', (_what, mutate, path) => {
    const error = rejection(mutate);
    if (path.startsWith('users.0.merchants')) expect(error.path).toMatch(/^users\.0\.merchants\.\d+$/);
    else expect(error.path).toBe(path);
    expect(error.message).toContain('invalid feature pipeline state');
  });

  it('rejects non-objects', () => {
    expect(() => TransactionFeaturePipeline.fromJSON(null)).toThrow(FeaturePipelineStateError);
    expect(() => TransactionFeaturePipeline.fromJSON('{}')).toThrow(FeaturePipelineStateError);
  });
});
