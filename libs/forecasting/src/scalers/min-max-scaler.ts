import { assertFiniteValues } from '../errors/argument-checks';
import { ForecastError, NotFittedError } from '../errors/forecast-error';
import { asRecord, finiteArrayField, finiteField, literalField } from '../json/json-fields';
import type { MinMaxScalerJson, Scaler } from './scaler';

export interface MinMaxScalerOptions {
  /** Where the training minimum and maximum land; default [0, 1]. */
  featureRange?: [number, number];
}

interface MinMaxParameters {
  dataMin: number;
  dataMax: number;
}

function checkFeatureRange(range: readonly number[], parameter: string, code: 'INVALID_ARGUMENT' | 'INVALID_JSON') {
  if (range.length !== 2 || !Number.isFinite(range[0]) || !Number.isFinite(range[1]) || !(range[0] < range[1])) {
    throw new ForecastError(code, parameter, `must be [low, high] with finite low < high, got ${JSON.stringify(range)}`);
  }
}

function fitMinMax(values: ArrayLike<number>): MinMaxParameters {
  if (values.length === 0) throw new ForecastError('INVALID_ARGUMENT', 'values', 'cannot fit a scaler on no values');
  assertFiniteValues(values, 'values');
  let dataMin = Infinity;
  let dataMax = -Infinity;
  for (let index = 0; index < values.length; index++) {
    dataMin = Math.min(dataMin, values[index]);
    dataMax = Math.max(dataMax, values[index]);
  }
  return { dataMin, dataMax };
}

/**
 * Maps the training [min, max] onto `featureRange` (later values may fall
 * outside it: no clipping). A constant training series maps to the range's
 * low end with unit slope, as scikit-learn does.
 */
export class MinMaxScaler implements Scaler {
  readonly featureRange: [number, number];
  private parameters: MinMaxParameters | undefined;

  constructor(options: MinMaxScalerOptions = {}) {
    this.featureRange = [...(options.featureRange ?? [0, 1])] as [number, number];
    checkFeatureRange(this.featureRange, 'featureRange', 'INVALID_ARGUMENT');
  }

  get fitted(): boolean {
    return this.parameters !== undefined;
  }

  fit(values: ArrayLike<number>): this {
    this.parameters = fitMinMax(values);
    return this;
  }

  transform(values: ArrayLike<number>): Float64Array {
    const { slope, offset } = this.affine('transform');
    return Float64Array.from(values, (value) => value * slope + offset);
  }

  inverseTransform(values: ArrayLike<number>): Float64Array {
    const { slope, offset } = this.affine('inverseTransform');
    return Float64Array.from(values, (value) => (value - offset) / slope);
  }

  toJSON(): MinMaxScalerJson {
    const { dataMin, dataMax } = this.require('toJSON');
    return { kind: 'min_max', featureRange: [...this.featureRange], dataMin, dataMax };
  }

  static fromJSON(json: unknown): MinMaxScaler {
    const record = asRecord(json, 'scaler');
    literalField(record, 'kind', 'scaler', ['min_max']);
    const featureRange = finiteArrayField(record, 'featureRange', 'scaler');
    checkFeatureRange(featureRange, 'scaler.featureRange', 'INVALID_JSON');
    const dataMin = finiteField(record, 'dataMin', 'scaler');
    const dataMax = finiteField(record, 'dataMax', 'scaler');
    if (dataMax < dataMin) {
      throw new ForecastError('INVALID_JSON', 'scaler.dataMax', `is below dataMin (${dataMax} < ${dataMin})`);
    }
    const scaler = new MinMaxScaler({ featureRange: featureRange as [number, number] });
    scaler.parameters = { dataMin, dataMax };
    return scaler;
  }

  private affine(method: string): { slope: number; offset: number } {
    const { dataMin, dataMax } = this.require(method);
    const [low, high] = this.featureRange;
    const span = dataMax - dataMin;
    const slope = span > 0 ? (high - low) / span : 1;
    return { slope, offset: low - dataMin * slope };
  }

  private require(method: string): MinMaxParameters {
    if (this.parameters === undefined) throw new NotFittedError('MinMaxScaler', method);
    return this.parameters;
  }
}
