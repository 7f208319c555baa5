import { formatValue, PortfolioOptimizationError } from './errors';

/** [lower, upper] weight of one asset; null means "no bound" (see `weightBounds`). */
export type WeightBound = readonly [lower: number | null, upper: number | null];

/** Bounds on the summed weight of groups of assets (PyPortfolioOpt's add_sector_constraints). */
export interface SectorConstraints {
  /** Asset name -> sector name; assets not listed belong to no sector. */
  mapper: Readonly<Record<string, string>>;
  /** Sector -> minimum total weight. */
  lower?: Readonly<Record<string, number>>;
  /** Sector -> maximum total weight. */
  upper?: Readonly<Record<string, number>>;
}

export interface FrontierConstraints {
  /**
   * One [lower, upper] pair for every asset (default [0, 1], long only; use
   * [-1, 1] to allow shorting), or an array with one pair per asset. In the
   * single pair a null lower/upper means -1/+1, as in PyPortfolioOpt; in the
   * per-asset form a null means unbounded.
   */
  weightBounds?: WeightBound | readonly WeightBound[];
  sectors?: SectorConstraints;
}

export interface Sector {
  name: string;
  members: number[];
  lower: number;
  upper: number;
}

/** Bounds and sectors resolved against the asset list. */
export interface ResolvedConstraints {
  lower: Float64Array;
  upper: Float64Array;
  sectors: Sector[];
}

const FEASIBILITY_SLACK = 1e-9;

export function resolveConstraints(assets: readonly string[], constraints: FrontierConstraints): ResolvedConstraints {
  const { lower, upper } = resolveBounds(assets, constraints.weightBounds ?? [0, 1]);
  const sectors = constraints.sectors ? resolveSectors(assets, constraints.sectors) : [];
  return { lower, upper, sectors };
}

function resolveBounds(assets: readonly string[], spec: WeightBound | readonly WeightBound[]): { lower: Float64Array; upper: Float64Array } {
  const n = assets.length;
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  const perAsset = Array.isArray(spec[0]);
  if (perAsset) {
    const pairs = spec as readonly WeightBound[];
    if (pairs.length !== n) {
      throw new PortfolioOptimizationError('INVALID_INPUT', `has ${pairs.length} pairs for ${n} assets`, 'weightBounds');
    }
    pairs.forEach(([lo, hi], i) => {
      lower[i] = lo ?? -Infinity;
      upper[i] = hi ?? Infinity;
    });
  } else {
    const [lo, hi] = spec as WeightBound;
    lower.fill(lo ?? -1);
    upper.fill(hi ?? 1);
  }
  for (let i = 0; i < n; i++) {
    const parameter = perAsset ? `weightBounds[${i}]` : 'weightBounds';
    if (Number.isNaN(lower[i]) || Number.isNaN(upper[i]) || lower[i] === Infinity || upper[i] === -Infinity) {
      throw new PortfolioOptimizationError('INVALID_INPUT', `invalid bound [${lower[i]}, ${upper[i]}] for ${assets[i]}`, parameter);
    }
    if (lower[i] > upper[i]) {
      throw new PortfolioOptimizationError(
        'INFEASIBLE_WEIGHT_BOUNDS',
        `lower bound ${formatValue(lower[i])} exceeds upper bound ${formatValue(upper[i])} for ${assets[i]}`,
        parameter,
      );
    }
  }
  return { lower, upper };
}

function resolveSectors(assets: readonly string[], spec: SectorConstraints): Sector[] {
  const names = new Set([...Object.keys(spec.lower ?? {}), ...Object.keys(spec.upper ?? {})]);
  return [...names].map((name) => {
    const members = assets.flatMap((asset, i) => (spec.mapper[asset] === name ? [i] : []));
    const lowerBound = spec.lower?.[name] ?? -Infinity;
    const upperBound = spec.upper?.[name] ?? Infinity;
    if (members.length === 0) {
      throw new PortfolioOptimizationError('INFEASIBLE_SECTOR_BOUNDS', `sector ${JSON.stringify(name)} has no assets in the mapper`, `sectors.${name}`);
    }
    if (Number.isNaN(lowerBound) || Number.isNaN(upperBound)) {
      throw new PortfolioOptimizationError('INVALID_INPUT', `sector ${JSON.stringify(name)} bound is NaN`, `sectors.${name}`);
    }
    if (lowerBound > upperBound) {
      throw new PortfolioOptimizationError(
        'INFEASIBLE_SECTOR_BOUNDS',
        `sector ${JSON.stringify(name)} lower bound ${formatValue(lowerBound)} exceeds its upper bound ${formatValue(upperBound)}`,
        `sectors.lower.${name}`,
      );
    }
    return { name, members, lower: lowerBound, upper: upperBound };
  });
}

/**
 * Necessary-and-sufficient feasibility of box bounds plus disjoint sector sums
 * for a total weight of `budget` (1, or 0 when market neutral): each sector's
 * reachable sum [max(L_s, sum lb), min(U_s, sum ub)] must be non-empty and the
 * reachable totals must contain the budget.
 */
export function checkBudgetFeasible(assets: readonly string[], constraints: ResolvedConstraints, budget: number): void {
  const { lower, upper, sectors } = constraints;
  const inSector = new Set<number>();
  let minTotal = 0;
  let maxTotal = 0;
  for (const sector of sectors) {
    let memberLower = 0;
    let memberUpper = 0;
    for (const i of sector.members) {
      inSector.add(i);
      memberLower += lower[i];
      memberUpper += upper[i];
    }
    if (sector.lower > memberUpper + FEASIBILITY_SLACK) {
      throw new PortfolioOptimizationError(
        'INFEASIBLE_SECTOR_BOUNDS',
        `sector ${JSON.stringify(sector.name)} needs at least ${formatValue(sector.lower)} but its assets' upper bounds sum to ${formatValue(memberUpper)}; feasible lower bound <= ${formatValue(memberUpper)}`,
        `sectors.lower.${sector.name}`,
      );
    }
    if (sector.upper < memberLower - FEASIBILITY_SLACK) {
      throw new PortfolioOptimizationError(
        'INFEASIBLE_SECTOR_BOUNDS',
        `sector ${JSON.stringify(sector.name)} allows at most ${formatValue(sector.upper)} but its assets' lower bounds sum to ${formatValue(memberLower)}; feasible upper bound >= ${formatValue(memberLower)}`,
        `sectors.upper.${sector.name}`,
      );
    }
    minTotal += Math.max(sector.lower, memberLower);
    maxTotal += Math.min(sector.upper, memberUpper);
  }
  for (let i = 0; i < lower.length; i++) {
    if (inSector.has(i)) continue;
    minTotal += lower[i];
    maxTotal += upper[i];
  }
  const what = sectors.length > 0 ? 'weight and sector lower bounds' : 'weight lower bounds';
  if (minTotal > budget + FEASIBILITY_SLACK) {
    throw new PortfolioOptimizationError(
      sectors.length > 0 ? 'INFEASIBLE_SECTOR_BOUNDS' : 'INFEASIBLE_WEIGHT_BOUNDS',
      `the ${what} sum to ${formatValue(minTotal)} > ${budget} (weights must sum to ${budget}); the feasible range needs sum of lower bounds <= ${budget} <= sum of upper bounds over ${assets.length} assets`,
      sectors.length > 0 ? 'sectors' : 'weightBounds',
    );
  }
  if (maxTotal < budget - FEASIBILITY_SLACK) {
    const upperWhat = sectors.length > 0 ? 'weight and sector upper bounds' : 'weight upper bounds';
    throw new PortfolioOptimizationError(
      sectors.length > 0 ? 'INFEASIBLE_SECTOR_BOUNDS' : 'INFEASIBLE_WEIGHT_BOUNDS',
      `the ${upperWhat} sum to ${formatValue(maxTotal)} < ${budget} (weights must sum to ${budget}); the feasible range needs sum of lower bounds <= ${budget} <= sum of upper bounds over ${assets.length} assets`,
      sectors.length > 0 ? 'sectors' : 'weightBounds',
    );
  }
}
