import { regularizedIncompleteBeta, studentTTwoSidedPValue } from './student-t';

describe('studentTTwoSidedPValue', () => {
  it('matches the closed forms for 1 and 2 degrees of freedom', () => {
    for (const t of [0.1, 0.5, 1, 2.5, 10]) {
      // df = 1 is the Cauchy: p = 1 - (2/π) atan|t|; df = 2: p = 1 - |t| / sqrt(2 + t²).
      expect(studentTTwoSidedPValue(t, 1)).toBeCloseTo(1 - (2 / Math.PI) * Math.atan(t), 13);
      expect(studentTTwoSidedPValue(-t, 2)).toBeCloseTo(1 - t / Math.sqrt(2 + t * t), 13);
    }
  });

  it.each([
    // scipy.stats: 2 * t.sf(t, df)
    [2.0, 10, 0.07338803477074037],
    [2.309401076758503, 3, 0.10408803866182785],
    [1.0, 2500, 0.31740728647324756],
    [3.5, 120, 0.0006538077398618747],
    [0.01, 30, 0.9920874925731777],
    [8.0, 5, 0.0004929066605724442],
    [40.0, 2000, 1.4278618533562838e-257],
    [1.96, 1e6, 0.04999606758526985],
  ])('t = %p, df = %p gives scipy\'s %p', (t, df, expected) => {
    expect(studentTTwoSidedPValue(t, df)).toBeGreaterThan(expected * (1 - 1e-8));
    expect(studentTTwoSidedPValue(t, df)).toBeLessThan(expected * (1 + 1e-8));
  });

  it('gives 1 at t = 0 and 0 at infinity', () => {
    expect(studentTTwoSidedPValue(0, 7)).toBe(1);
    expect(studentTTwoSidedPValue(Infinity, 7)).toBe(0);
    expect(studentTTwoSidedPValue(-Infinity, 7)).toBe(0);
  });
});

describe('regularizedIncompleteBeta', () => {
  it('matches I_x(1, b) = 1 - (1 - x)^b and I_x(a, 1) = x^a', () => {
    expect(regularizedIncompleteBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 14);
    expect(regularizedIncompleteBeta(0.3, 2.5, 1)).toBeCloseTo(0.3 ** 2.5, 14);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
});
