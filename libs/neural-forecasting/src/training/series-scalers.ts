import { ForecastError, StandardScaler, type StandardScalerJson } from '@tethys/forecasting';

/**
 * How values are standardised: 'per-series' fits the target's and each
 * covariate's scaler on each series' own training part (series of different
 * levels train together); 'global' fits one set on the training parts of all
 * series pooled (and applies it to series the model never saw).
 */
export type Scaling = 'per-series' | 'global';
export const SCALINGS: readonly Scaling[] = ['per-series', 'global'];

/** The scalers of one series: the target's and each past / future covariate's, in column order. */
export interface ScalerSet {
  target: StandardScaler;
  past: StandardScaler[];
  future: StandardScaler[];
}

export interface ScalerSetJson {
  target: StandardScalerJson;
  past: StandardScalerJson[];
  future: StandardScalerJson[];
}

/** Unscaled columns aligned by position (future columns may run longer). */
export interface RawColumns {
  target: Float64Array;
  past: Float64Array[];
  future: Float64Array[];
}

/** The columns of one series and where its training part ends (scalers see only [0, end)). */
export interface TrainingPart extends RawColumns {
  end: number;
}

function pooled(columns: readonly Float64Array[], ends: readonly number[]): StandardScaler {
  if (columns.length === 1) return new StandardScaler().fit(columns[0].subarray(0, ends[0]));
  const values = new Float64Array(ends.reduce((sum, end) => sum + end, 0));
  let offset = 0;
  columns.forEach((column, index) => {
    values.set(column.subarray(0, ends[index]), offset);
    offset += ends[index];
  });
  return new StandardScaler().fit(values);
}

function fitPooled(parts: readonly TrainingPart[]): ScalerSet {
  const ends = parts.map((part) => part.end);
  return {
    target: pooled(parts.map((part) => part.target), ends),
    past: parts[0].past.map((_, index) => pooled(parts.map((part) => part.past[index]), ends)),
    future: parts[0].future.map((_, index) => pooled(parts.map((part) => part.future[index]), ends)),
  };
}

/** One scaler set per part: each part's own, or the pooled set shared by all ('global'). */
export function fitScalerSets(parts: readonly TrainingPart[], scaling: Scaling): ScalerSet[] {
  if (scaling === 'per-series') return parts.map((part) => fitPooled([part]));
  const shared = fitPooled(parts);
  return parts.map(() => shared);
}

export function scaleColumns(scalers: ScalerSet, raw: RawColumns): RawColumns {
  return {
    target: scalers.target.transform(raw.target),
    past: raw.past.map((column, index) => scalers.past[index].transform(column)),
    future: raw.future.map((column, index) => scalers.future[index].transform(column)),
  };
}

export function scalerSetToJSON(scalers: ScalerSet): ScalerSetJson {
  return {
    target: scalers.target.toJSON(),
    past: scalers.past.map((scaler) => scaler.toJSON()),
    future: scalers.future.map((scaler) => scaler.toJSON()),
  };
}

export function scalerSetFromJSON(json: ScalerSetJson): ScalerSet {
  return {
    target: StandardScaler.fromJSON(json.target),
    past: json.past.map((scaler) => StandardScaler.fromJSON(scaler)),
    future: json.future.map((scaler) => StandardScaler.fromJSON(scaler)),
  };
}

export function resolveScaling(value: unknown): Scaling {
  const scaling = value ?? 'per-series';
  if (!SCALINGS.includes(scaling as Scaling)) {
    throw new ForecastError('INVALID_ARGUMENT', 'options.scaling', `must be 'per-series' or 'global', got ${JSON.stringify(scaling)}`);
  }
  return scaling as Scaling;
}
