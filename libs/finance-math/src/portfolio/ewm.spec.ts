import { ewmMeanLast } from './ewm';
import { RiskModelError } from './risk-model-error';

describe('ewmMeanLast (pandas ewm(span).mean().iloc[-1], adjust=True, ignore_na=False)', () => {
  it('weights (1 - alpha)^age, alpha = 2 / (span + 1)', () => {
    // span 3 -> alpha 0.5: weights 0.25, 0.5, 1.
    expect(ewmMeanLast([1, 2, 3], 3)).toBeCloseTo((0.25 * 1 + 0.5 * 2 + 3) / 1.75, 15);
  });

  it('a NaN ages the earlier weights but adds none; leading NaN are skipped', () => {
    expect(ewmMeanLast([Number.NaN, 1, Number.NaN, 3], 3)).toBeCloseTo((0.25 * 1 + 3) / 1.25, 15);
    expect(ewmMeanLast([1, 3, Number.NaN], 3)).toBeCloseTo((0.5 * 1 * 0.5 + 3 * 0.5) / (0.25 + 0.5), 15);
  });

  it('keeps a constant series exact and is NaN without observations', () => {
    expect(ewmMeanLast([0.1, 0.1, 0.1, 0.1], 2)).toBe(0.1);
    expect(ewmMeanLast([Number.NaN, Number.NaN], 10)).toBeNaN();
  });

  it('tends to the plain mean for a huge span', () => {
    expect(ewmMeanLast([1, 2, 3, 4], 1e20)).toBeCloseTo(2.5, 12);
  });

  it.each([0.5, 0, -3, Number.NaN])('rejects span %p', (span) => {
    expect(() => ewmMeanLast([1], span)).toThrow(RiskModelError);
    expect(() => ewmMeanLast([1], span)).toThrow(/options\.span: must be >= 1/);
  });
});
