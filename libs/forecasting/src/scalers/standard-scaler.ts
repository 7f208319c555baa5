import { assertFiniteValues } from '../errors/argument-checks';
import { ForecastError, NotFittedError } from '../errors/forecast-error';
import { asRecord, finiteField, literalField } from '../json/json-fields';
import type { Scaler, StandardScalerJson } from './scaler';

interface StandardParameters {
  mean: number;
  scale: number;
}

function fitStandard(values: ArrayLike<number>): StandardParameters {
  if (values.length === 0) throw new ForecastError('INVALID_ARGUMENT', 'values', 'cannot fit a scaler on no values');
  assertFiniteValues(values, 'values');
  let sum = 0;
  for (let index = 0; index < values.length; index++) sum += values[index];
  const mean = sum / values.length;
  let squares = 0;
  for (let index = 0; index < values.length; index++) squares += (values[index] - mean) ** 2;
  // Population sd, as scikit-learn; a constant series keeps scale 1 so transform stays defined.
  const sd = Math.sqrt(squares / values.length);
  return { mean, scale: sd > 0 ? sd : 1 };
}

/** (x - mean) / sd with the training mean and population sd (scale 1 for a constant series). */
export class StandardScaler implements Scaler {
  private parameters: StandardParameters | undefined;

  get fitted(): boolean {
    return this.parameters !== undefined;
  }

  fit(values: ArrayLike<number>): this {
    this.parameters = fitStandard(values);
    return this;
  }

  transform(values: ArrayLike<number>): Float64Array {
    const { mean, scale } = this.require('transform');
    return Float64Array.from(values, (value) => (value - mean) / scale);
  }

  inverseTransform(values: ArrayLike<number>): Float64Array {
    const { mean, scale } = this.require('inverseTransform');
    return Float64Array.from(values, (value) => value * scale + mean);
  }

  toJSON(): StandardScalerJson {
    const { mean, scale } = this.require('toJSON');
    return { kind: 'standard', mean, scale };
  }

  static fromJSON(json: unknown): StandardScaler {
    const record = asRecord(json, 'scaler');
    literalField(record, 'kind', 'scaler', ['standard']);
    const scale = finiteField(record, 'scale', 'scaler');
    if (!(scale > 0)) throw new ForecastError('INVALID_JSON', 'scaler.scale', `must be positive, got ${scale}`);
    const scaler = new StandardScaler();
    scaler.parameters = { mean: finiteField(record, 'mean', 'scaler'), scale };
    return scaler;
  }

  private require(method: string): StandardParameters {
    if (this.parameters === undefined) throw new NotFittedError('StandardScaler', method);
    return this.parameters;
  }
}
