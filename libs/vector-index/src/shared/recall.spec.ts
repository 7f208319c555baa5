import { recallAgainstExact } from './recall';

const hits = (...ids: number[]) => ids.map((id) => ({ id, score: 0 }));

describe('recallAgainstExact', () => {
  it('averages the share of exact ids found per query', () => {
    expect(recallAgainstExact([hits(1, 2, 9), hits(4, 5, 6)], [hits(1, 2, 3), hits(4, 5, 6)], 3)).toBeCloseTo((2 / 3 + 1) / 2, 12);
  });
  it('only counts the first k of each list', () => {
    expect(recallAgainstExact([hits(9, 1)], [hits(1, 2)], 1)).toBe(0);
  });
  it('rejects lists of different lengths', () => {
    expect(() => recallAgainstExact([], [hits(1)], 1)).toThrow(RangeError);
  });
});
