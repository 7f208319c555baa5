import { createRng } from '@tethys/data';
import { buildFactors } from './build-factors';
import { expectFactorError } from './expect-factor-error.fixture';
import type { AssetReturnPanel } from './return-panel';

const ASSETS = ['A', 'B', 'C', 'D', 'E', 'F'];
const dateLabels = (count: number) => Array.from({ length: count }, (_, t) => `d${t}`);

/**
 * Momentum panel, 6 assets x 10 dates. Days 0-2 rank the assets D > B > A > E > C > F;
 * day 3 reverses D and F hard, which only matters if the skipped day were used.
 */
function momentumPanel(): AssetReturnPanel {
  const formation = [0.01, 0.02, -0.01, 0.03, 0.0, -0.02];
  const skipped = [0, 0, 0, -0.3, 0, 0.3];
  const returns = ASSETS.map((_, a) =>
    Float64Array.from({ length: 10 }, (_, t) => {
      if (t < 3) return formation[a];
      if (t === 3) return skipped[a];
      return 0.001 * (a + 1) * (t % 2 === 0 ? 1 : -1) + 0.0005 * t;
    }),
  );
  return { dates: dateLabels(10), assets: ASSETS, returns };
}

function randomPanel(seed: number, assets: number, dates: number): AssetReturnPanel {
  const rng = createRng(seed);
  const names = Array.from({ length: assets }, (_, a) => `S${a}`);
  const returns = names.map((_, a) => Float64Array.from({ length: dates }, () => rng.normal(0.0003, 0.005 * (1 + a / 3))));
  return { dates: dateLabels(dates), assets: names, returns };
}

describe('buildFactors: momentum', () => {
  const options = { factors: ['momentum'] as const, momentum: { lookback: 4, skip: 1 }, rebalanceEvery: 2 };

  it('ranks by the trailing return that skips the most recent period', () => {
    const panel = momentumPanel();
    const built = buildFactors(panel, { ...options, factors: [...options.factors] });
    expect(built.names).toEqual(['momentum']);
    expect(built.startIndex).toBe(4);
    expect(built.dates).toEqual(['d4', 'd5', 'd6', 'd7', 'd8', 'd9']);
    const first = built.rebalances[0];
    expect(first).toMatchObject({ factor: 'momentum', holdingStart: 4, holdingEnd: 6, date: 'd4' });
    expect(new Set(first.long)).toEqual(new Set(['B', 'D']));
    expect(new Set(first.short)).toEqual(new Set(['C', 'F']));
    // Held on d4 and d5: mean(B, D) - mean(C, F).
    const [, b, c, d, , f] = panel.returns;
    expect(built.returns[0][0]).toBeCloseTo((b[4] + d[4]) / 2 - (c[4] + f[4]) / 2, 15);
    expect(built.returns[0][1]).toBeCloseTo((b[5] + d[5]) / 2 - (c[5] + f[5]) / 2, 15);
    expect(built.rebalances.map((r) => r.holdingStart)).toEqual([4, 6, 8]);
  });

  it('would rank differently if the skipped period were used', () => {
    const built = buildFactors(momentumPanel(), { ...options, factors: ['momentum'], momentum: { lookback: 4, skip: 0 } });
    expect(new Set(built.rebalances[0].long)).toEqual(new Set(['B', 'F']));
    expect(new Set(built.rebalances[0].short)).toEqual(new Set(['C', 'D']));
  });

  it('matches a brute-force re-computation of every formation and holding return', () => {
    const panel = randomPanel(21, 7, 90);
    const lookback = 15;
    const skip = 3;
    const every = 5;
    const built = buildFactors(panel, { factors: ['momentum'], momentum: { lookback, skip }, rebalanceEvery: every });
    expect(built.rebalances).toHaveLength(Math.ceil((90 - lookback) / every));
    for (const rebalance of built.rebalances) {
      const s = rebalance.holdingStart;
      const scores = panel.returns.map((series) => series.slice(s - lookback, s - skip).reduce((g, r) => g * (1 + r), 1));
      const ranked = [...scores.keys()].sort((i, j) => scores[i] - scores[j]).map((a) => panel.assets[a]);
      expect(new Set(rebalance.long)).toEqual(new Set(ranked.slice(-2)));
      expect(new Set(rebalance.short)).toEqual(new Set(ranked.slice(0, 2)));
      for (let t = s; t < rebalance.holdingEnd; t++) {
        const leg = (names: string[]) => names.reduce((sum, name) => sum + panel.returns[panel.assets.indexOf(name)][t], 0) / names.length;
        expect(built.returns[0][t - built.startIndex]).toBeCloseTo(leg(rebalance.long) - leg(rebalance.short), 15);
      }
    }
  });
});

describe('buildFactors: no look-ahead', () => {
  const panel = randomPanel(33, 9, 120);
  const options = {
    factors: ['market', 'momentum', 'lowVolatility'] as ('market' | 'momentum' | 'lowVolatility')[],
    momentum: { lookback: 20, skip: 5 },
    lowVolatility: { lookback: 10 },
    rebalanceEvery: 7,
  };
  const baseline = buildFactors(panel, options);

  it.each([20, 27, 30, 55, 119])('changing every return from date %p on leaves earlier factor returns and formations unchanged', (cut) => {
    const rng = createRng(cut);
    const changed: AssetReturnPanel = {
      ...panel,
      returns: panel.returns.map((series) => series.map((r, t) => (t >= cut ? rng.normal(0, 0.05) : r))),
    };
    const rebuilt = buildFactors(changed, options);
    for (let k = 0; k < baseline.names.length; k++) {
      for (let t = baseline.startIndex; t < cut; t++) {
        expect(rebuilt.returns[k][t - baseline.startIndex]).toBe(baseline.returns[k][t - baseline.startIndex]);
      }
    }
    baseline.rebalances
      .filter((r) => r.holdingStart <= cut)
      .forEach((r) => expect(rebuilt.rebalances.find((x) => x.factor === r.factor && x.holdingStart === r.holdingStart)).toEqual(r));
  });

  it('forms from data strictly before the holding period (a shock on the formation date itself does not move the legs)', () => {
    const s = baseline.rebalances[2].holdingStart;
    const shocked: AssetReturnPanel = {
      ...panel,
      returns: panel.returns.map((series, a) => series.map((r, t) => (t === s ? r + (a % 2 === 0 ? 0.5 : -0.5) : r))),
    };
    const rebuilt = buildFactors(shocked, options);
    baseline.rebalances
      .filter((r) => r.holdingStart === s)
      .forEach((r) => {
        const again = rebuilt.rebalances.find((x) => x.factor === r.factor && x.holdingStart === s);
        expect(again?.long).toEqual(r.long);
        expect(again?.short).toEqual(r.short);
      });
  });
});

describe('buildFactors: market and low volatility', () => {
  it('builds the equal-weighted market, or uses a benchmark', () => {
    const panel = randomPanel(4, 5, 30);
    const built = buildFactors(panel, { factors: ['market'] });
    expect(built.startIndex).toBe(0);
    expect(built.rebalances).toEqual([]);
    built.returns[0].forEach((m, t) => expect(m).toBeCloseTo(panel.returns.reduce((s, r) => s + r[t], 0) / 5, 15));
    const benchmark = Float64Array.from({ length: 30 }, (_, t) => t / 1000);
    expect(Array.from(buildFactors(panel, { factors: ['market'], benchmark }).returns[0])).toEqual(Array.from(benchmark));
  });

  it('goes long the calmest tercile and short the most volatile', () => {
    const sigmas = [0.05, 0.01, 0.03, 0.02, 0.04, 0.005];
    const returns = sigmas.map((sigma) => Float64Array.from({ length: 8 }, (_, t) => (t % 2 === 0 ? sigma : -sigma)));
    const built = buildFactors(
      { dates: dateLabels(8), assets: ASSETS, returns },
      { factors: ['lowVolatility'], lowVolatility: { lookback: 4 }, rebalanceEvery: 4 },
    );
    expect(built.names).toEqual(['low_volatility']);
    expect(built.startIndex).toBe(4);
    expect(new Set(built.rebalances[0].long)).toEqual(new Set(['B', 'F']));
    expect(new Set(built.rebalances[0].short)).toEqual(new Set(['A', 'E']));
    // Date 4 is even: every asset returns +sigma, so the factor earns mean(0.01, 0.005) - mean(0.05, 0.04).
    expect(built.returns[0][0]).toBeCloseTo(0.0075 - 0.045, 15);
  });

  it('starts every factor after the longest signal window', () => {
    const built = buildFactors(randomPanel(8, 6, 40), {
      momentum: { lookback: 12, skip: 2 },
      lowVolatility: { lookback: 5 },
      rebalanceEvery: 3,
    });
    expect(built.names).toEqual(['market', 'momentum', 'low_volatility']);
    expect(built.startIndex).toBe(12);
    built.returns.forEach((series) => expect(series).toHaveLength(28));
    expect(built.rebalances.filter((r) => r.factor === 'lowVolatility')[0].holdingStart).toBe(12);
  });
});

describe('buildFactors: PCA', () => {
  // One common driver with positive loadings plus idiosyncratic noise.
  const rng = createRng(99);
  const T = 250;
  const driver = Float64Array.from({ length: T }, () => rng.normal(0, 0.01));
  const betas = [0.6, 0.8, 1.0, 1.2, 1.4, 0.9, 1.1, 0.7];
  const panel: AssetReturnPanel = {
    dates: dateLabels(T),
    assets: betas.map((_, a) => `P${a}`),
    returns: betas.map((beta) => driver.map((m) => beta * m + rng.normal(0, 0.004))),
  };
  const built = buildFactors(panel, { factors: ['pca'], pca: { components: 3 } });

  it('reports the top components with positive-sum loadings and explained variance', () => {
    expect(built.names).toEqual(['pc1', 'pc2', 'pc3']);
    const pca = built.pca!;
    expect(pca.assets).toEqual(panel.assets);
    expect(pca.explainedVarianceRatio[0]).toBeGreaterThan(0.7);
    expect(pca.explainedVarianceRatio[0]).toBeGreaterThan(pca.explainedVarianceRatio[1]);
    expect(pca.explainedVarianceRatio[1]).toBeGreaterThanOrEqual(pca.explainedVarianceRatio[2]);
    pca.explainedVarianceRatio.forEach((ratio, k) => expect(ratio).toBeCloseTo(pca.eigenvalues[k] / betas.length, 12));
    pca.loadings[0].forEach((loading) => expect(loading).toBeGreaterThan(0));
    pca.loadings.forEach((vector) => {
      expect(vector.reduce((s, v) => s + v, 0)).toBeGreaterThanOrEqual(0);
      expect(vector.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 12);
    });
    expect(pca.loadings[0].reduce((s, v, a) => s + v * pca.loadings[1][a], 0)).toBeCloseTo(0, 12);
  });

  it('gives factor returns whose sample variance is the eigenvalue and that track the driver', () => {
    const pc1 = built.returns[0];
    const variance = pc1.reduce((s, v) => s + v * v, 0) / (T - 1); // scores of centred data have mean 0
    expect(variance).toBeCloseTo(built.pca!.eigenvalues[0], 10);
    const correlation = pearson(pc1, driver);
    expect(correlation).toBeGreaterThan(0.95);
  });

  it('refuses a constant asset and too many components', () => {
    const constant = { ...panel, returns: [...panel.returns.slice(0, 7), new Float64Array(T).fill(0.001)] };
    expectFactorError(() => buildFactors(constant, { factors: ['pca'] }), 'DEGENERATE_DATA', 'panel.returns[7] (P7)');
    expectFactorError(() => buildFactors(panel, { factors: ['pca'], pca: { components: 9 } }), 'INVALID_PARAMETER', 'options.pca.components');
  });
});

describe('buildFactors: typed errors', () => {
  it('says which asset and date hold a NaN', () => {
    const panel = randomPanel(1, 4, 30);
    panel.returns[2][17] = Number.NaN;
    const error = expectFactorError(() => buildFactors(panel, { factors: ['market'] }), 'NON_FINITE_VALUE', 'panel.returns[2] (S2)', 17);
    expect(error.message).toMatch(/d17/);
  });

  it('refuses shapes and options it cannot use', () => {
    const panel = randomPanel(2, 4, 30);
    expectFactorError(() => buildFactors({ ...panel, assets: ['a'] }), 'LENGTH_MISMATCH', 'panel.returns');
    expectFactorError(() => buildFactors({ ...panel, dates: panel.dates.slice(1) }), 'LENGTH_MISMATCH', 'panel.returns[0] (S0)');
    expectFactorError(() => buildFactors(panel), 'TOO_FEW_OBSERVATIONS', 'panel.dates');
    expectFactorError(
      () => buildFactors({ ...panel, assets: ['a', 'b'], returns: panel.returns.slice(0, 2) }, { factors: ['momentum'], momentum: { lookback: 5, skip: 1 } }),
      'INVALID_PARAMETER',
      'panel.assets',
    );
    expectFactorError(() => buildFactors(panel, { momentum: { lookback: 5, skip: 5 } }), 'INVALID_PARAMETER', 'options.momentum.skip');
    expectFactorError(() => buildFactors(panel, { rebalanceEvery: 0 }), 'INVALID_PARAMETER', 'options.rebalanceEvery');
    expectFactorError(() => buildFactors(panel, { factors: [] }), 'INVALID_PARAMETER', 'options.factors');
    expectFactorError(() => buildFactors(panel, { factors: ['market', 'market'] }), 'INVALID_PARAMETER', 'options.factors[1]');
    expectFactorError(
      () => buildFactors(panel, { factors: ['market'], benchmark: new Float64Array(29) }),
      'LENGTH_MISMATCH',
      'options.benchmark',
    );
  });
});

function pearson(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let t = 0; t < n; t++) {
    sxy += (x[t] - mx) * (y[t] - my);
    sxx += (x[t] - mx) ** 2;
    syy += (y[t] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
