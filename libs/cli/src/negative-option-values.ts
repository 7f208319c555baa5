import type { CommandSpec } from './run-cli';

const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

/**
 * node's parseArgs refuses `--target -0.05` as ambiguous (the value looks like
 * an option) and asks for `--target=-0.05`. Option names never start with a
 * digit, so a negative number after a string option can only be its value:
 * join the two, so `--target -0.05` and `--bounds -1,1` work as written.
 */
export function joinNegativeOptionValues(options: CommandSpec['options'], args: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const next = args[i + 1];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}
