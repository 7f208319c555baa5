import { ForecastError } from '../errors/forecast-error';
import { asRecord, booleanField, finiteField, integerField, literalField } from '../json/json-fields';
import { isDateOnly, parseTimeKey } from './time-key';

/**
 * How a series' times step, so a forecast can name the times after its end.
 * Inferred from the fitted times and stored with the model (plain JSON).
 * - `number`: a constant numeric step (decimal years, indices), printed with
 *   the input's number of decimals;
 * - `iso-fixed`: a constant step in milliseconds (hourly, daily, weekly);
 * - `iso-month`: whole months on a fixed day of the month (monthly, quarterly, yearly).
 * Irregular times (business days, gaps) have no axis: forecasts then carry no times.
 */
export type TimeAxis =
  | { kind: 'number'; last: number; step: number; decimals: number }
  | { kind: 'iso-fixed'; last: number; stepMs: number; dateOnly: boolean }
  | { kind: 'iso-month'; lastYear: number; lastMonth: number; day: number; stepMonths: number };

const MS_PER_DAY = 86_400_000;
// Decimal years written to 11 places (1949.08333333333) step unevenly in the last digits.
const RELATIVE_STEP_TOLERANCE = 1e-6;

export function inferTimeAxis(times: readonly string[]): TimeAxis | null {
  if (times.length < 2) return null;
  const parsed = times.map(parseTimeKey);
  if (parsed.some((time) => time === null)) return null;
  const keys = parsed.map((time) => time!.key);
  const kind = parsed[0]!.kind;
  if (parsed.some((time) => time!.kind !== kind)) return null;

  if (kind === 'number') {
    const rawStep = (keys[keys.length - 1] - keys[0]) / (keys.length - 1);
    if (!(rawStep > 0) || !hasConstantStep(keys, rawStep, RELATIVE_STEP_TOLERANCE * Math.max(1, rawStep))) {
      return null;
    }
    // Fractions of a unit (1/12 year, 1/336 week) are snapped to the exact fraction, and the
    // last time is rebuilt from the first, so the noise in the written digits does not carry on.
    const perUnit = Math.round(1 / rawStep);
    const step = perUnit >= 1 && Math.abs(1 / rawStep - perUnit) < RELATIVE_STEP_TOLERANCE * perUnit ? 1 / perUnit : rawStep;
    const decimals = Math.max(...times.map(fractionDigits));
    return { kind: 'number', last: keys[0] + (keys.length - 1) * step, step, decimals };
  }

  const dateOnly = times.every(isDateOnly);
  // Dates on one day of the month a whole number of months apart step by calendar months.
  const months = dateOnly ? inferMonthAxis(keys) : null;
  if (months !== null) return months;
  const stepMs = keys[1] - keys[0];
  if (stepMs > 0 && hasConstantStep(keys, stepMs, 0) && (!dateOnly || stepMs % MS_PER_DAY === 0)) {
    return { kind: 'iso-fixed', last: keys[keys.length - 1], stepMs, dateOnly };
  }
  return null;
}

/** The `horizon` times after the axis' last time. */
export function futureTimes(axis: TimeAxis, horizon: number): string[] {
  const times: string[] = [];
  for (let h = 1; h <= horizon; h++) {
    switch (axis.kind) {
      case 'number':
        times.push(formatDecimal(axis.last + h * axis.step, axis.decimals));
        break;
      case 'iso-fixed': {
        const text = new Date(axis.last + h * axis.stepMs).toISOString();
        times.push(axis.dateOnly ? text.slice(0, 10) : text);
        break;
      }
      case 'iso-month': {
        const monthIndex = axis.lastYear * 12 + (axis.lastMonth - 1) + h * axis.stepMonths;
        const year = Math.floor(monthIndex / 12);
        const month = (monthIndex % 12) + 1;
        times.push(`${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(axis.day)}`);
        break;
      }
    }
  }
  return times;
}

function inferMonthAxis(keys: number[]): TimeAxis | null {
  const dates = keys.map((key) => new Date(key));
  const day = dates[0].getUTCDate();
  // Days past the 28th do not exist in every month, so they cannot define a monthly step.
  if (day > 28 || dates.some((date) => date.getUTCDate() !== day)) return null;
  const monthIndex = dates.map((date) => date.getUTCFullYear() * 12 + date.getUTCMonth());
  const stepMonths = monthIndex[1] - monthIndex[0];
  if (stepMonths < 1) return null;
  for (let index = 2; index < monthIndex.length; index++) {
    if (monthIndex[index] - monthIndex[index - 1] !== stepMonths) return null;
  }
  const last = dates[dates.length - 1];
  return { kind: 'iso-month', lastYear: last.getUTCFullYear(), lastMonth: last.getUTCMonth() + 1, day, stepMonths };
}

function hasConstantStep(keys: number[], step: number, tolerance: number): boolean {
  for (let index = 1; index < keys.length; index++) {
    if (Math.abs(keys[index] - keys[index - 1] - step) > tolerance) return false;
  }
  return true;
}

function fractionDigits(text: string): number {
  const match = /\.(\d+)/.exec(text.trim());
  return match === null || /[eE]/.test(text) ? 0 : Math.min(match[1].length, 15);
}

/** Fixed decimals with trailing zeros dropped: 1959.00000000000 -> "1959". */
function formatDecimal(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** Reads back an axis written by `inferTimeAxis` (JSON), rejecting anything malformed. */
export function timeAxisFromJSON(json: unknown, path: string): TimeAxis | null {
  if (json === null) return null;
  const record = asRecord(json, path);
  const kind = literalField(record, 'kind', path, ['number', 'iso-fixed', 'iso-month']);
  switch (kind) {
    case 'number':
      return {
        kind,
        last: finiteField(record, 'last', path),
        step: positive(finiteField(record, 'step', path), `${path}.step`),
        decimals: integerField(record, 'decimals', path, 0),
      };
    case 'iso-fixed':
      return {
        kind,
        last: finiteField(record, 'last', path),
        stepMs: positive(finiteField(record, 'stepMs', path), `${path}.stepMs`),
        dateOnly: booleanField(record, 'dateOnly', path),
      };
    case 'iso-month':
      return {
        kind,
        lastYear: integerField(record, 'lastYear', path, 0),
        lastMonth: integerField(record, 'lastMonth', path, 1),
        day: integerField(record, 'day', path, 1),
        stepMonths: integerField(record, 'stepMonths', path, 1),
      };
  }
}

function positive(value: number, path: string): number {
  if (!(value > 0)) throw new ForecastError('INVALID_JSON', path, `must be positive, got ${value}`);
  return value;
}
