import { normalCdf } from './normal';

/**
 * Chi-square with one degree of freedom, through the normal: if Z ~ N(0, 1) then
 * Z^2 ~ chi2(1), so P(chi2 <= x) = P(|Z| <= sqrt x) = 2 Phi(sqrt x) - 1.
 */
export function chiSquare1Cdf(x: number): number {
  if (Number.isNaN(x)) throw new RangeError('chiSquare1Cdf: x must not be NaN');
  if (x <= 0) return 0;
  return 1 - chiSquare1Survival(x);
}

/** P(chi2(1) > x) = 2 Phi(-sqrt x): the p-value of a 1-dof likelihood-ratio test, accurate in the far tail. */
export function chiSquare1Survival(x: number): number {
  if (Number.isNaN(x)) throw new RangeError('chiSquare1Survival: x must not be NaN');
  if (x <= 0) return 1;
  return 2 * normalCdf(-Math.sqrt(x));
}
