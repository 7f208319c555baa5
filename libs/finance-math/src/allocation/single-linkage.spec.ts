import { AllocationError } from './allocation-error';
import { dendrogramLeafOrder, singleLinkage } from './single-linkage';

const lineDistances = (xs: number[]): number[][] => xs.map((a) => xs.map((b) => Math.abs(a - b)));

describe('singleLinkage', () => {
  it('reproduces scipy linkage rows for points on a line', () => {
    // scipy.cluster.hierarchy.linkage(pdist([[0],[1],[3],[7]]), 'single') = [[0,1,1,2],[2,4,2,3],[3,5,4,4]]
    expect(singleLinkage(lineDistances([0, 1, 3, 7]))).toEqual([
      { left: 0, right: 1, distance: 1, size: 2 },
      { left: 2, right: 4, distance: 2, size: 3 },
      { left: 3, right: 5, distance: 4, size: 4 },
    ]);
  });

  it('merges two tight pairs before joining them', () => {
    const steps = singleLinkage(lineDistances([0, 10, 0.5, 10.2]));
    expect(steps.map((s) => [s.left, s.right, s.size])).toEqual([
      [1, 3, 2],
      [0, 2, 2],
      [4, 5, 4],
    ]);
    expect(steps[2].distance).toBeCloseTo(9.5, 12);
    expect(dendrogramLeafOrder(steps)).toEqual([1, 3, 0, 2]);
  });

  it('reads the leaf order left child first', () => {
    expect(dendrogramLeafOrder(singleLinkage(lineDistances([0, 1, 3, 7])))).toEqual([3, 2, 0, 1]);
  });

  it('rejects negative distances and too few items', () => {
    expect(() => singleLinkage([[0, -1], [-1, 0]])).toThrow(AllocationError);
    expect(() => singleLinkage([[0]])).toThrow(/at least 2/);
  });
});
