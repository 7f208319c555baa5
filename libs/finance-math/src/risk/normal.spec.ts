import { chiSquare1Cdf, chiSquare1Survival } from './chi-square';
import { acklamInverseCdf, normalCdf, normalInverseCdf, normalPdf } from './normal';

// Reference values: scipy.stats.norm 1.17 (cdf/ppf), printed with repr.
const CDF_CASES: [number, number][] = [
  [-30, 4.906713927147908e-198],
  [-10, 7.61985302416047e-24],
  [-5, 2.866515718791933e-7],
  [-3, 0.0013498980316300933],
  [-2.5, 0.006209665325776132],
  [-1, 0.15865525393145707],
  [0, 0.5],
  [1, 0.8413447460685429],
  [1.96, 0.9750021048517795],
  [3.1, 0.9990323967867817],
  [5, 0.9999997133484281],
];

describe('normalCdf', () => {
  it.each(CDF_CASES)('Phi(%p) matches scipy to 1e-13 relative', (x, expected) => {
    expect(Math.abs(normalCdf(x) - expected) / expected).toBeLessThan(1e-13);
  });

  it('is symmetric, monotone across the series/continued-fraction switch, and saturates', () => {
    for (const x of [0.3, 1.7, 2.99, 3, 3.01, 6]) expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
    expect(normalCdf(-3.0000001)).toBeLessThan(normalCdf(-3));
    expect(normalCdf(-2.9999999)).toBeGreaterThan(normalCdf(-3));
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});

describe('normalPdf', () => {
  it('is exp(-x^2/2)/sqrt(2 pi)', () => {
    expect(normalPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 16);
    expect(normalPdf(2)).toBeCloseTo(Math.exp(-2) / Math.sqrt(2 * Math.PI), 16);
    expect(normalPdf(-1.3)).toBe(normalPdf(1.3));
  });
});

describe('normalInverseCdf', () => {
  // scipy.stats.norm.ppf
  const PPF_CASES: [number, number][] = [
    [1e-20, -9.262340089798409],
    [0.001, -3.090232306167813],
    [0.01, -2.3263478740408408],
    [0.05, -1.6448536269514729],
    [0.3, -0.5244005127080409],
    [0.95, 1.6448536269514722],
    [0.975, 1.959963984540054],
    [0.99, 2.3263478740408408],
  ];

  it.each(PPF_CASES)('Phi^-1(%p) matches scipy to 1e-14 relative', (p, expected) => {
    expect(Math.abs(normalInverseCdf(p) - expected) / Math.abs(expected)).toBeLessThan(1e-14);
  });

  it("Acklam's approximation alone is within its stated 1.2e-9 relative error", () => {
    for (const [p, expected] of PPF_CASES) {
      expect(Math.abs(acklamInverseCdf(p) - expected) / Math.abs(expected)).toBeLessThan(1.2e-9);
    }
  });

  it('round-trips through the cdf over the whole range', () => {
    for (const p of [1e-300, 1e-12, 1e-6, 0.02, 0.02425, 0.1, 0.5, 0.77, 0.97575, 0.999, 1 - 1e-9]) {
      expect(Math.abs(normalCdf(normalInverseCdf(p)) - p) / Math.min(p, 1 - p)).toBeLessThan(1e-7);
      expect(Math.abs(normalCdf(normalInverseCdf(p)) - p)).toBeLessThan(2e-16);
    }
    expect(normalInverseCdf(0.5)).toBe(0);
    expect(normalInverseCdf(0)).toBe(-Infinity);
    expect(normalInverseCdf(1)).toBe(Infinity);
  });

  it('rejects p outside [0, 1]', () => {
    expect(() => normalInverseCdf(1.5)).toThrow(RangeError);
    expect(() => normalInverseCdf(Number.NaN)).toThrow(/p must be in \[0, 1\]/);
  });
});

describe('chi-square with 1 degree of freedom', () => {
  it('matches scipy.stats.chi2(1)', () => {
    expect(chiSquare1Cdf(3.841458820694124)).toBeCloseTo(0.95, 14);
    expect(chiSquare1Cdf(0.5)).toBeCloseTo(0.5204998778130466, 14);
    expect(chiSquare1Survival(50) / 1.537459794428033e-12).toBeCloseTo(1, 12);
  });

  it('is 0 / 1 at and below zero, and cdf + survival = 1', () => {
    expect(chiSquare1Cdf(0)).toBe(0);
    expect(chiSquare1Survival(-1)).toBe(1);
    expect(chiSquare1Cdf(2.7) + chiSquare1Survival(2.7)).toBeCloseTo(1, 15);
    expect(() => chiSquare1Cdf(Number.NaN)).toThrow(RangeError);
  });
});
