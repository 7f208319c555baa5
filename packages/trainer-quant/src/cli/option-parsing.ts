import { optionalNumber, optionalString, UsageError, type OptionValues } from '@tethys/cli';

/** One of a fixed set of names; `fallback` when the option is absent (undefined: the option is required). */
export function choiceOption<T extends string>(values: OptionValues, name: string, choices: readonly T[], fallback?: T): T {
  const text = optionalString(values, name);
  if (text === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(`--${name} is required (one of ${choices.join(', ')})`);
  }
  const choice = choices.find((c) => c === text);
  if (choice === undefined) throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got "${text}"`);
  return choice;
}

/** `LO,HI`: two finite numbers with LO <= HI. */
export function boundsOption(values: OptionValues, name: string, fallback: [number, number]): [number, number] {
  const text = optionalString(values, name);
  if (text === undefined) return fallback;
  const parts = text.split(',').map((part) => part.trim());
  const numbers = parts.map(Number);
  if (parts.length !== 2 || parts.some((part) => part === '') || !numbers.every(Number.isFinite)) {
    throw new UsageError(`--${name} must be LO,HI (two numbers, for example 0,1 or -1,1), got "${text}"`);
  }
  const [lower, upper] = numbers;
  if (lower > upper) throw new UsageError(`--${name}: lower bound ${lower} is above upper bound ${upper}`);
  return [lower, upper];
}

/** A confidence level strictly between 0 and 1. */
export function levelOption(values: OptionValues, name: string, fallback: number): number {
  const text = optionalString(values, name);
  if (text === undefined) return fallback;
  const level = Number(text);
  if (text.trim() === '' || !(level > 0 && level < 1)) {
    throw new UsageError(`--${name} must be a confidence level strictly between 0 and 1 (for example 0.95), got "${text}"`);
  }
  return level;
}

/**
 * Options that mean something only in some settings are refused elsewhere
 * rather than silently ignored: `applies` says whether `--name` is meaningful,
 * `when` says where it is (for the message).
 */
export function refuseUnless(values: OptionValues, name: string, applies: boolean, when: string): void {
  if (!applies && values[name] !== undefined) throw new UsageError(`--${name} applies only ${when}`);
}

/** A finite number > 0; `fallback` when absent. */
export function positiveNumberOption(values: OptionValues, name: string, fallback: number): number {
  const value = optionalNumber(values, name) ?? fallback;
  if (!(value > 0)) throw new UsageError(`--${name} must be a number > 0, got "${String(values[name])}"`);
  return value;
}
