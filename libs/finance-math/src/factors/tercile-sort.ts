/** The long and short legs of one tercile sort, as asset indices. */
export interface TercileLegs {
  long: number[];
  short: number[];
}

/**
 * Long the top tercile by `signal`, short the bottom tercile; each leg holds
 * floor(N / 3) assets. Ties keep panel order in the ascending sort (so among
 * equal signals the earlier asset counts as lower).
 */
export function tercileLegs(signal: Float64Array): TercileLegs {
  const order = Array.from(signal.keys()).sort((i, j) => signal[i] - signal[j]);
  const size = Math.floor(signal.length / 3);
  return { long: order.slice(order.length - size), short: order.slice(0, size) };
}

/** Equal-weighted long-minus-short return on date t. */
export function longShortReturn(returns: readonly Float64Array[], legs: TercileLegs, t: number): number {
  let longSum = 0;
  for (const a of legs.long) longSum += returns[a][t];
  let shortSum = 0;
  for (const a of legs.short) shortSum += returns[a][t];
  return longSum / legs.long.length - shortSum / legs.short.length;
}

/** Trailing-12-1-style momentum: Π_{t in [s - lookback, s - skip)} (1 + r_t) - 1 (strictly before s). */
export function momentumSignal(series: Float64Array, formation: number, lookback: number, skip: number): number {
  let growth = 1;
  for (let t = formation - lookback; t < formation - skip; t++) growth *= 1 + series[t];
  return growth - 1;
}

/** Sample standard deviation (n - 1) of the returns on [s - lookback, s) (strictly before s). */
export function trailingVolatility(series: Float64Array, formation: number, lookback: number): number {
  let sum = 0;
  for (let t = formation - lookback; t < formation; t++) sum += series[t];
  const average = sum / lookback;
  let squares = 0;
  for (let t = formation - lookback; t < formation; t++) squares += (series[t] - average) ** 2;
  return Math.sqrt(squares / (lookback - 1));
}
