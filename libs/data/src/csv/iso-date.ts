// YYYY-MM-DD, optionally followed by T (or a space) HH:MM[:SS[.fraction]] and a Z or ±HH[:]MM offset.
const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const MS_PER_MINUTE = 60_000;

/**
 * Milliseconds since the epoch for an ISO-8601 date or timestamp, or null when
 * the text is not one or names an impossible calendar day (2021-02-30).
 * Timestamps without an offset are read as UTC, like bare dates, so that a
 * file's order never depends on the machine's time zone.
 */
export function parseIsoTimestamp(text: string): number | null {
  const match = ISO_TIMESTAMP.exec(text);
  if (match === null) return null;
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, fractionText, offsetText] = match;
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  const hour = hourText === undefined ? 0 : Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;

  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years 0-99 as written.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  let time = date.getTime();
  if (fractionText !== undefined) time += Number(`0.${fractionText}`) * 1000;
  if (offsetText !== undefined && offsetText !== 'Z') {
    const digits = offsetText.replace(':', '');
    const offsetHours = Number(digits.slice(1, 3));
    const offsetMinutes = Number(digits.slice(3, 5));
    if (offsetHours > 23 || offsetMinutes > 59) return null;
    const sign = digits[0] === '-' ? -1 : 1;
    time -= sign * (offsetHours * 60 + offsetMinutes) * MS_PER_MINUTE;
  }
  return time;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
