import type { Rng } from '@tethys/data';

/**
 * Fills a template: `[a|b|c]` becomes one alternative chosen by `rng`, `{slot}`
 * becomes `slots[slot]`. An unknown slot is a programming error and throws.
 * Alternatives are resolved left to right, so a template always consumes the
 * same draws for the same choices (reproducible from the seed).
 */
export function fillTemplate(template: string, slots: Readonly<Record<string, string>>, rng: Rng): string {
  const chosen = template.replace(/\[([^\]]*)\]/g, (_, body: string) => {
    const options = body.split('|');
    return options[rng.int(options.length)];
  });
  const filled = chosen.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = slots[name];
    if (value === undefined) throw new Error(`template slot {${name}} has no value in "${template}"`);
    return value;
  });
  // A dropped optional word ("[the |]") can leave doubled spaces.
  return filled.replace(/\s+/g, ' ').trim();
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)];
}

/** "$1,850" style amount: a uniform draw in [min, max] rounded to `step`. */
export function money(rng: Rng, min: number, max: number, step: number): string {
  const steps = Math.floor((max - min) / step);
  const value = min + step * rng.int(steps + 1);
  return `$${value.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: value % 1 === 0 ? 0 : 2 })}`;
}

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
