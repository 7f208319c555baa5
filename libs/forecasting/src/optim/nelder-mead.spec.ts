import { minimizeNelderMead } from './nelder-mead';

describe('minimizeNelderMead', () => {
  it('finds the minimum of a shifted quadratic bowl', () => {
    const result = minimizeNelderMead((x) => (x[0] - 0.3) ** 2 + 2 * (x[1] + 0.4) ** 2, [0.9, 0.9], {
      lower: [-1, -1],
      upper: [1, 1],
    });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(0.3, 6);
    expect(result.x[1]).toBeCloseTo(-0.4, 6);
  });

  it('follows the curved valley of the Rosenbrock function', () => {
    const result = minimizeNelderMead((x) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2, [-1.2, 1], {
      lower: [-2, -2],
      upper: [2, 2],
      maxIterations: 5000,
    });
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
  });

  it('stops on the bound when the unconstrained minimum lies outside the box', () => {
    const evaluated: number[][] = [];
    const result = minimizeNelderMead(
      (x) => {
        evaluated.push([...x]);
        return (x[0] - 2) ** 2 + (x[1] - 0.5) ** 2;
      },
      [0.1, 0.1],
      { lower: [0, 0], upper: [1, 1] },
    );
    expect(result.x[0]).toBeCloseTo(1, 8);
    expect(result.x[1]).toBeCloseTo(0.5, 5);
    // Never evaluated outside the box.
    expect(evaluated.every((x) => x.every((value) => value >= 0 && value <= 1))).toBe(true);
  });

  it('treats NaN as worse than anything and walks away from it', () => {
    const result = minimizeNelderMead((x) => (x[0] > 0.8 ? Number.NaN : (x[0] - 0.5) ** 2), [0.75], {
      lower: [0],
      upper: [1],
    });
    expect(result.x[0]).toBeCloseTo(0.5, 6);
  });
});
