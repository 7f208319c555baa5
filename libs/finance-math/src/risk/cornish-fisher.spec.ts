import { cornishFisherVaR, cornishFisherVaRFromMoments, cornishFisherZ, edgeworthTailMean } from './cornish-fisher';
import { normalCdf, normalInverseCdf, normalPdf } from './normal';
import { normalVaRFromMoments, parametricVaR } from './parametric';
import { RiskMetricError } from './risk-error';

/** Simpson's rule for the integral of z f(z) over [-12, g] (Edgeworth density f), divided by the tail. */
function numericalTailMean(g: number, tail: number, skew: number, kurtosis: number): number {
  const intervals = 4000;
  const lower = -12;
  const width = (g - lower) / intervals;
  const integrand = (z: number): number => {
    const he3 = z ** 3 - 3 * z;
    const he4 = z ** 4 - 6 * z * z + 3;
    const he6 = z ** 6 - 15 * z ** 4 + 45 * z * z - 15;
    return z * normalPdf(z) * (1 + (skew / 6) * he3 + (kurtosis / 24) * he4 + ((skew * skew) / 72) * he6);
  };
  let sum = integrand(lower) + integrand(g);
  for (let i = 1; i < intervals; i++) sum += (i % 2 === 1 ? 4 : 2) * integrand(lower + i * width);
  return (sum * width) / 3 / tail;
}

describe('cornishFisherZ', () => {
  it('is z itself when skew = kurtosis = 0', () => {
    expect(cornishFisherZ(-1.6448536269514729, 0, 0)).toBe(-1.6448536269514729);
  });

  it('matches a hand expansion at z = -2, S = -0.5, K = 3', () => {
    // -2 + (4 - 1)(-0.5)/6 + (-8 + 6)(3)/24 - (-16 + 10)(0.25)/36 = -2 - 0.25 - 0.25 + 1/24
    expect(cornishFisherZ(-2, -0.5, 3)).toBeCloseTo(-2.5 + 1 / 24, 15);
  });
});

describe('cornishFisherVaRFromMoments', () => {
  it('reduces exactly to the normal VaR and CVaR when skew = excess kurtosis = 0', () => {
    for (const level of [0.9, 0.95, 0.99]) {
      for (const horizon of [1, 10]) {
        const cf = cornishFisherVaRFromMoments({ mean: 0.0005, sd: 0.015, skew: 0, excessKurtosis: 0 }, { level, horizon });
        const normal = normalVaRFromMoments(0.0005, 0.015, { level, horizon });
        expect(cf.valueAtRisk).toBeCloseTo(normal.valueAtRisk, 15);
        expect(cf.conditionalValueAtRisk).toBeCloseTo(normal.conditionalValueAtRisk, 15);
      }
    }
  });

  it('VaR is -(mean + sd g) with the hand-expanded g; negative skew and fat tails raise it', () => {
    const z = normalInverseCdf(0.05);
    const g = cornishFisherZ(z, -0.5, 3);
    const estimate = cornishFisherVaRFromMoments({ mean: 0.001, sd: 0.02, skew: -0.5, excessKurtosis: 3 }, { level: 0.95 });
    expect(estimate.valueAtRisk).toBeCloseTo(-(0.001 + 0.02 * g), 15);
    expect(estimate.valueAtRisk).toBeGreaterThan(normalVaRFromMoments(0.001, 0.02, { level: 0.95 }).valueAtRisk);
    expect(estimate.conditionalValueAtRisk).toBeGreaterThan(estimate.valueAtRisk);
  });

  it("modified ES equals a numerical integral of the Edgeworth density's tail", () => {
    for (const [skew, kurtosis, tail] of [
      [-0.5, 1, 0.05],
      [0.3, 0.5, 0.01],
      [-1, 2, 0.025],
    ]) {
      const g = cornishFisherZ(normalInverseCdf(tail), skew, kurtosis);
      expect(edgeworthTailMean(g, tail, skew, kurtosis)).toBeCloseTo(numericalTailMean(g, tail, skew, kurtosis), 8);
    }
    // With S = K = 0 it is the normal tail mean -phi(z) / tail.
    const z = normalInverseCdf(0.05);
    expect(edgeworthTailMean(z, 0.05, 0, 0)).toBeCloseTo(-normalPdf(z) / 0.05, 15);
    expect(normalCdf(z)).toBeCloseTo(0.05, 15);
  });

  it('caps CVaR at VaR where the expansion puts the tail mean above the quantile (high kurtosis)', () => {
    // K = 6 at 99%: g = -3.64 but the Edgeworth tail mean is about -2.1.
    const estimate = cornishFisherVaRFromMoments({ mean: 0, sd: 1, skew: 0, excessKurtosis: 6 }, { level: 0.99 });
    expect(estimate.conditionalValueAtRisk).toBe(estimate.valueAtRisk);
  });

  it('scales the cumulants over the horizon: h-period = one period with h mean, sqrt(h) sd, S/sqrt(h), K/h', () => {
    const moments = { mean: 0.001, sd: 0.02, skew: -0.4, excessKurtosis: 2 };
    const tenDay = cornishFisherVaRFromMoments(moments, { level: 0.99, horizon: 10 });
    const equivalent = cornishFisherVaRFromMoments(
      { mean: 0.01, sd: 0.02 * Math.sqrt(10), skew: -0.4 / Math.sqrt(10), excessKurtosis: 0.2 },
      { level: 0.99 },
    );
    expect(tenDay.valueAtRisk).toBeCloseTo(equivalent.valueAtRisk, 14);
    expect(tenDay.conditionalValueAtRisk).toBeCloseTo(equivalent.conditionalValueAtRisk, 14);
  });

  it('rejects non-finite moments', () => {
    expect(() => cornishFisherVaRFromMoments({ mean: 0, sd: 1, skew: Number.NaN, excessKurtosis: 0 })).toThrow(
      expect.objectContaining({ code: 'NON_FINITE_DATA', parameter: 'moments.skew' }),
    );
  });
});

describe('cornishFisherVaR on data', () => {
  it('uses moment-ratio skewness and kurtosis: a symmetric two-point series has S = 0, K = -2', () => {
    // +-1 alternating: m2 = 1, m3 = 0, m4 = 1 -> K = 1 - 3 = -2; sd (ddof 1) = sqrt(20/19).
    const returns = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 1 : -1));
    const sd = Math.sqrt(20 / 19);
    const expected = cornishFisherVaRFromMoments({ mean: 0, sd, skew: 0, excessKurtosis: -2 }, { level: 0.95 });
    expect(cornishFisherVaR(returns, { level: 0.95 })).toEqual(expected);
    // Thin tails: a smaller VaR than the normal one far out (at 99%, where z^3 - 3z < 0).
    expect(cornishFisherVaR(returns, { level: 0.99 }).valueAtRisk).toBeLessThan(parametricVaR(returns, { level: 0.99 }).valueAtRisk);
  });

  it('rejects a constant series (no skewness) with DEGENERATE_DATA', () => {
    expect(() => cornishFisherVaR([0.01, 0.01, 0.01, 0.01])).toThrow(RiskMetricError);
    expect(() => cornishFisherVaR([0.01, 0.01, 0.01, 0.01])).toThrow(expect.objectContaining({ code: 'DEGENERATE_DATA' }));
  });
});
