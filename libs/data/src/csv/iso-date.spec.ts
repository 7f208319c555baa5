import { parseIsoTimestamp } from './iso-date';

describe('parseIsoTimestamp', () => {
  it('reads dates and timestamps as UTC epoch milliseconds', () => {
    expect(parseIsoTimestamp('2025-01-03')).toBe(Date.UTC(2025, 0, 3));
    expect(parseIsoTimestamp('2025-01-03T14:22:05Z')).toBe(Date.UTC(2025, 0, 3, 14, 22, 5));
    expect(parseIsoTimestamp('2025-01-03T14:22')).toBe(Date.UTC(2025, 0, 3, 14, 22));
    expect(parseIsoTimestamp('2025-01-03 14:22:05')).toBe(Date.UTC(2025, 0, 3, 14, 22, 5));
    expect(parseIsoTimestamp('2025-01-03T14:22:05.250Z')).toBe(Date.UTC(2025, 0, 3, 14, 22, 5, 250));
  });

  it('applies offsets', () => {
    expect(parseIsoTimestamp('2025-01-03T14:22:05+02:00')).toBe(Date.UTC(2025, 0, 3, 12, 22, 5));
    expect(parseIsoTimestamp('2025-01-03T14:22:05-0130')).toBe(Date.UTC(2025, 0, 3, 15, 52, 5));
  });

  it('keeps sub-millisecond fractions for ordering', () => {
    const earlier = parseIsoTimestamp('2025-01-03T00:00:00.0000001Z') as number;
    const later = parseIsoTimestamp('2025-01-03T00:00:00.0000002Z') as number;
    expect(later).toBeGreaterThan(earlier);
  });

  it('knows leap years and month lengths', () => {
    expect(parseIsoTimestamp('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseIsoTimestamp('2000-02-29')).not.toBeNull();
    expect(parseIsoTimestamp('1900-02-29')).toBeNull();
    expect(parseIsoTimestamp('2023-02-29')).toBeNull();
    expect(parseIsoTimestamp('2023-04-31')).toBeNull();
    expect(parseIsoTimestamp('2023-13-01')).toBeNull();
    expect(parseIsoTimestamp('2023-00-10')).toBeNull();
  });

  it('keeps two-digit years as written', () => {
    expect(new Date(parseIsoTimestamp('0099-12-31') as number).getUTCFullYear()).toBe(99);
  });

  it('rejects other spellings', () => {
    for (const text of ['', '2025-1-3', '03/01/2025', '2025-01-03T25:00', '2025-01-03T10:60', '2025-01-03T10:00:60',
      '2025-01-03Z', '2025-01-03T10:00+24:00', ' 2025-01-03', '20250103', 'yesterday']) {
      expect(parseIsoTimestamp(text)).toBeNull();
    }
  });
});
