import { asRecord, literalField } from '../json/json-fields';
import { MinMaxScaler } from './min-max-scaler';
import { StandardScaler } from './standard-scaler';

/** Rebuilds whichever scaler `toJSON` wrote, dispatching on `kind`. */
export function scalerFromJSON(json: unknown): StandardScaler | MinMaxScaler {
  const kind = literalField(asRecord(json, 'scaler'), 'kind', 'scaler', ['standard', 'min_max']);
  return kind === 'standard' ? StandardScaler.fromJSON(json) : MinMaxScaler.fromJSON(json);
}
