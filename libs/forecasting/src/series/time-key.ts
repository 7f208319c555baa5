import { parseIsoTimestamp } from '@tethys/data';

/**
 * Times in series files are either plain numbers (decimal years, step
 * indices) or ISO-8601 dates/timestamps. A time key is the number used to
 * order them: the number itself, or milliseconds since the epoch (UTC when
 * the text has no offset, so the order never depends on the machine's zone).
 */
export type TimeKind = 'number' | 'iso';

export interface TimeKey {
  kind: TimeKind;
  key: number;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The ordering key of a time cell, or null when it is neither a finite number nor a valid ISO date. */
export function parseTimeKey(text: string): TimeKey | null {
  const trimmed = text.trim();
  if (DECIMAL.test(trimmed)) {
    const key = Number(trimmed);
    return Number.isFinite(key) ? { kind: 'number', key } : null;
  }
  const key = parseIsoTimestamp(trimmed);
  return key === null ? null : { kind: 'iso', key };
}

export function isDateOnly(text: string): boolean {
  return DATE_ONLY.test(text.trim());
}
