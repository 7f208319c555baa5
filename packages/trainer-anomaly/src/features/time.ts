const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 24 * MS_PER_HOUR;
const { floor } = Math; // alias: see geo.ts

/** UTC hour of day (0-23) of epoch milliseconds, also for times before 1970. */
export function hourOfDay(epochMs: number): number {
  const intoDay = ((epochMs % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  return floor(intoDay / MS_PER_HOUR);
}
