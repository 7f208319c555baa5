/**
 * Exponential smoothing in component form (Hyndman & Athanasopoulos, FPP3
 * chapter 8), with additive errors:
 *   base    = l[t-1] + phi * b[t-1]
 *   y^[t]   = base (+ or *) s[t-m]
 *   l[t]    = alpha * deseasonalised(y[t]) + (1 - alpha) * base
 *   b[t]    = beta * (l[t] - l[t-1]) + (1 - beta) * phi * b[t-1]
 *   s[t]    = gamma * (y[t] (- or /) base) + (1 - gamma) * s[t-m]
 * `beta` is the component-form trend weight (FPP3's beta*): the
 * error-correction weight is alpha * beta. Without a trend b = 0; without
 * damping phi = 1.
 */
export type EtsTrend = 'none' | 'additive';
export type EtsSeasonal = 'none' | 'additive' | 'multiplicative';

export interface EtsSpec {
  trend: EtsTrend;
  damped: boolean;
  seasonal: EtsSeasonal;
  /** 1 when there is no seasonal component. */
  seasonPeriod: number;
}

export interface EtsParameters {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

/**
 * The filter's state after `observed` observations. `seasonal[p]` holds the
 * latest seasonal term of phase p = t mod m, i.e. s[t-m] for the next t.
 */
export interface EtsState {
  level: number;
  trend: number;
  seasonal: Float64Array;
  observed: number;
}

export function cloneState(state: EtsState): EtsState {
  return { level: state.level, trend: state.trend, seasonal: state.seasonal.slice(), observed: state.observed };
}

/** The one-step forecast from `state`; NaN when a multiplicative model has left its domain. */
export function oneStepForecast(spec: EtsSpec, parameters: EtsParameters, state: EtsState): number {
  const base = state.level + parameters.phi * state.trend;
  const season = state.seasonal[state.observed % spec.seasonPeriod];
  switch (spec.seasonal) {
    case 'none':
      return base;
    case 'additive':
      return base + season;
    case 'multiplicative':
      return base > 0 && season > 0 ? base * season : Number.NaN;
  }
}

/** Consumes observation `y`: updates `state` in place and returns the one-step error y - y^. */
export function updateState(spec: EtsSpec, parameters: EtsParameters, state: EtsState, y: number): number {
  const { alpha, beta, gamma, phi } = parameters;
  const phase = state.observed % spec.seasonPeriod;
  const base = state.level + phi * state.trend;
  const season = state.seasonal[phase];
  const forecast = oneStepForecast(spec, parameters, state);
  let deseasonalised = y;
  if (spec.seasonal === 'additive') deseasonalised = y - season;
  else if (spec.seasonal === 'multiplicative') deseasonalised = y / season;

  const level = alpha * deseasonalised + (1 - alpha) * base;
  if (spec.trend === 'additive') state.trend = beta * (level - state.level) + (1 - beta) * phi * state.trend;
  if (spec.seasonal === 'additive') state.seasonal[phase] = gamma * (y - base) + (1 - gamma) * season;
  else if (spec.seasonal === 'multiplicative') state.seasonal[phase] = gamma * (y / base) + (1 - gamma) * season;
  state.level = level;
  state.observed++;
  return y - forecast;
}

/** Point forecasts 1..horizon steps after `state`: (l + phi_h b) (+ or *) s of the step's phase. */
export function forecastMean(spec: EtsSpec, parameters: EtsParameters, state: EtsState, horizon: number): Float64Array {
  const mean = new Float64Array(horizon);
  let dampedSteps = 0;
  let phiPower = 1;
  for (let h = 1; h <= horizon; h++) {
    phiPower *= parameters.phi;
    dampedSteps += phiPower; // phi + phi^2 + ... + phi^h (= h when phi = 1)
    const base = state.level + dampedSteps * state.trend;
    const season = state.seasonal[(state.observed + h - 1) % spec.seasonPeriod];
    if (spec.seasonal === 'additive') mean[h - 1] = base + season;
    else if (spec.seasonal === 'multiplicative') mean[h - 1] = base * season;
    else mean[h - 1] = base;
  }
  return mean;
}

/**
 * Runs the filter over `values` from `initial` (not modified) and returns the
 * in-sample one-step SSE, Infinity if a forecast leaves the model's domain.
 */
export function sumOfSquaredErrors(
  spec: EtsSpec,
  parameters: EtsParameters,
  initial: EtsState,
  values: Float64Array,
): number {
  const state = cloneState(initial);
  let sse = 0;
  for (let t = 0; t < values.length; t++) {
    const error = updateState(spec, parameters, state, values[t]);
    sse += error * error;
  }
  return Number.isFinite(sse) ? sse : Infinity;
}
