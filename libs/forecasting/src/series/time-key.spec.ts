import { parseTimeKey } from './time-key';

describe('parseTimeKey', () => {
  it('reads plain numbers (decimal years, indices) as themselves', () => {
    expect(parseTimeKey('1949.08333333333')).toEqual({ kind: 'number', key: 1949.08333333333 });
    expect(parseTimeKey(' 7 ')).toEqual({ kind: 'number', key: 7 });
    expect(parseTimeKey('-1.5e2')).toEqual({ kind: 'number', key: -150 });
  });

  it('reads ISO dates and timestamps as UTC milliseconds, applying offsets', () => {
    expect(parseTimeKey('2020-01-02')).toEqual({ kind: 'iso', key: Date.UTC(2020, 0, 2) });
    expect(parseTimeKey('2020-01-02T03:30')).toEqual({ kind: 'iso', key: Date.UTC(2020, 0, 2, 3, 30) });
    expect(parseTimeKey('2020-01-02 03:30:15.5Z')?.key).toBe(Date.UTC(2020, 0, 2, 3, 30, 15, 500));
    expect(parseTimeKey('2020-01-02T03:30:00+02:00')?.key).toBe(Date.UTC(2020, 0, 2, 1, 30));
  });

  it('rejects impossible days, other formats and non-finite numbers', () => {
    expect(parseTimeKey('2021-02-29')).toBeNull();
    expect(parseTimeKey('2021-13-01')).toBeNull();
    expect(parseTimeKey('01/02/2020')).toBeNull();
    expect(parseTimeKey('Infinity')).toBeNull();
    expect(parseTimeKey('')).toBeNull();
    expect(parseTimeKey('1e999')).toBeNull();
  });
});
