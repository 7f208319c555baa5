import { expectAllClose } from '../testing/test-helpers';
import { analyticForecastSd } from './ets-intervals';
import type { EtsSpec } from './ets-model';

describe('analyticForecastSd (Hyndman et al. 2008, class 1), worked by hand', () => {
  it('additive trend and season: c_j = alpha + alpha*beta*j + gamma*[j mod m = 0]', () => {
    const spec: EtsSpec = { trend: 'additive', damped: false, seasonal: 'additive', seasonPeriod: 4 };
    // alpha 0.5, beta 0.2 (error-correction 0.1), gamma 0.3: c = 0.6, 0.7, 0.8, 1.2, 1.0
    const sd = analyticForecastSd(spec, { alpha: 0.5, beta: 0.2, gamma: 0.3, phi: 1 }, 2, 6);
    const variance = [1, 1.36, 1.85, 2.49, 3.93, 4.93];
    expectAllClose(sd, variance.map((v) => 2 * Math.sqrt(v)), 1e-12);
  });

  it('damped trend: phi_j = phi + ... + phi^j replaces j', () => {
    const spec: EtsSpec = { trend: 'additive', damped: true, seasonal: 'none', seasonPeriod: 1 };
    // alpha 0.5, beta 0.2, phi 0.5: phi_j = 0.5, 0.75 -> c = 0.55, 0.575
    const sd = analyticForecastSd(spec, { alpha: 0.5, beta: 0.2, gamma: 0, phi: 0.5 }, 1, 3);
    expectAllClose(sd, [1, Math.sqrt(1 + 0.55 ** 2), Math.sqrt(1 + 0.55 ** 2 + 0.575 ** 2)], 1e-12);
  });
});
