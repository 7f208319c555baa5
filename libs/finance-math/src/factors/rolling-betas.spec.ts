import { createRng } from '@tethys/data';
import { expectFactorError } from './expect-factor-error.fixture';
import { ols } from './ols';
import { rollingBetas } from './rolling-betas';

describe('rollingBetas', () => {
  const T = 60;
  const rng = createRng(5);
  const market = Float64Array.from({ length: T }, () => rng.normal(0, 0.01));
  // The loading switches from 0.5 to 1.5 at t = 30.
  const y = market.map((m, t) => (t < 30 ? 0.5 : 1.5) * m + rng.normal(0, 0.001));
  const factors = { names: ['market'], returns: [market] };

  it('is NaN before the first full window and equals the window OLS from then on', () => {
    const window = 20;
    const rolling = rollingBetas(y, factors, window);
    expect(rolling.names).toEqual(['market']);
    for (let t = 0; t < window - 1; t++) {
      expect(rolling.betas[0][t]).toBeNaN();
      expect(rolling.alpha[t]).toBeNaN();
    }
    for (const end of [window - 1, 35, T - 1]) {
      const fit = ols(y.slice(end - window + 1, end + 1), [market.slice(end - window + 1, end + 1)]);
      expect(rolling.alpha[end]).toBeCloseTo(fit.coefficients[0], 14);
      expect(rolling.betas[0][end]).toBeCloseTo(fit.coefficients[1], 12);
    }
    expect(rolling.betas[0][29]).toBeCloseTo(0.5, 1);
    expect(rolling.betas[0][T - 1]).toBeCloseTo(1.5, 1);
  });

  it('with window = T fills only the last date, with the full-sample fit', () => {
    const rolling = rollingBetas(y, factors, T);
    expect(rolling.betas[0].filter((b) => !Number.isNaN(b))).toHaveLength(1);
    expect(rolling.betas[0][T - 1]).toBeCloseTo(ols(y, [market]).coefficients[1], 12);
  });

  it('refuses windows that are too long or too short, and names a singular window', () => {
    expectFactorError(() => rollingBetas(y, factors, T + 1), 'WINDOW_TOO_LONG', 'window');
    expectFactorError(() => rollingBetas(y, factors, 2), 'TOO_FEW_OBSERVATIONS', 'window');
    expectFactorError(() => rollingBetas(y, factors, 0), 'INVALID_PARAMETER', 'window');
    expectFactorError(() => rollingBetas(y, factors, 10.5), 'INVALID_PARAMETER', 'window');
    // A factor that is flat for 12 dates makes any window inside that stretch singular.
    const flat = market.slice();
    flat.fill(0.001, 10, 22);
    const error = expectFactorError(() => rollingBetas(y, { names: ['market'], returns: [flat] }, 10), 'SINGULAR_DESIGN', 'factors', 19);
    expect(error.message).toMatch(/observations 10\.\.19/);
    expectFactorError(() => rollingBetas(y.subarray(1), factors, 10), 'LENGTH_MISMATCH', 'factors.returns[0] (market)');
  });
});
