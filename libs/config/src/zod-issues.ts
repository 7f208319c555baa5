import { z } from 'zod';
import { ConfigError } from './config-error';
import { describeValue } from './describe-value';
import { formatKeyPath, type KeyPath } from './key-path';
import { objectKeys, schemaAtPath } from './schema-shape';

type RawIssue = z.core.$ZodRawIssue;

/**
 * A per-parse zod error map that states what was expected in plain words
 * ("expected a positive integer"). The received value is appended later,
 * so messages that schema authors attach to their own checks get it too.
 * Schema-level messages take precedence over this map (zod's rule).
 */
export function describeExpectation(issue: RawIssue): string | undefined {
  if (failsOnlyForBeingUnsafe(issue)) {
    // Prefer the author's own bounds when there are any; otherwise explain the safe range.
    const bounded = issue.schema instanceof z.ZodNumber && hasAuthorBounds(numberBounds(issue.schema));
    return bounded
      ? `expected ${numberRange(issue.schema as z.ZodNumber)}`
      : `expected a safe integer (magnitude at most ${Number.MAX_SAFE_INTEGER})`;
  }
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${typeNoun(issue.expected, issue.schema)}`;
    case 'too_small':
    case 'too_big':
      return `expected ${sizeExpectation(issue)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${literal(issue.values[0])}`
        : `expected one of ${issue.values.map(literal).join(', ')}`;
    case 'invalid_format':
      return `expected a string in ${issue.format} format`;
    case 'not_multiple_of':
      return `expected a multiple of ${String(issue.divisor)}`;
    case 'invalid_union': {
      const options = issue.errors
        .map((optionIssues) => optionIssues[0]?.message.replace(/^expected /, ''))
        .filter((text): text is string => text !== undefined);
      return options.length > 0 ? `expected ${options.join(' or ')}` : 'expected one of the allowed forms';
    }
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length === 1 ? '' : 's'} ${issue.keys.join(', ')}`;
    case 'custom':
      return 'invalid value';
    default:
      return undefined;
  }
}

/** An integer past 2^53 (JSON may already have rounded it) fails z.int()'s implicit safe range, not a bound the author set. */
function failsOnlyForBeingUnsafe(issue: RawIssue): boolean {
  if (typeof issue.input !== 'number' || !Number.isInteger(issue.input) || Number.isSafeInteger(issue.input)) return false;
  if (issue.code === 'invalid_type') return issue.expected === 'int';
  if (issue.code === 'too_big') return Number(issue.maximum) === Number.MAX_SAFE_INTEGER;
  if (issue.code === 'too_small') return Number(issue.minimum) === Number.MIN_SAFE_INTEGER;
  return false;
}

function typeNoun(expected: string, schema: unknown): string {
  if (expected === 'number' && schema instanceof z.ZodNumber && schema.isInt) return 'an integer';
  const nouns: Record<string, string> = {
    int: 'an integer',
    number: 'a number',
    string: 'a string',
    boolean: 'a boolean (true or false)',
    object: 'an object',
    array: 'an array',
    null: 'null',
  };
  return nouns[expected] ?? expected;
}

function sizeExpectation(issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig>): string {
  const bound = Number('minimum' in issue ? issue.minimum : issue.maximum);
  const direction = issue.code === 'too_small' ? 'at least' : 'at most';
  switch (issue.origin) {
    case 'string':
      return issue.code === 'too_small' && bound === 1 ? 'a non-empty string' : `a string of ${direction} ${bound} characters`;
    case 'array':
    case 'set':
      return issue.code === 'too_small' && bound === 1 ? 'a non-empty list' : `a list of ${direction} ${bound} items`;
    case 'number':
    case 'int':
      return issue.schema instanceof z.ZodNumber ? numberRange(issue.schema) : `a number ${direction} ${bound}`;
    default:
      return `a value of ${direction} ${bound}`;
  }
}

interface NumberBounds {
  noun: 'integer' | 'number';
  low?: number;
  lowExclusive: boolean;
  high?: number;
  highExclusive: boolean;
}

/** The bounds a number schema declares (through its public JSON-schema view), minus z.int()'s implicit safe range. */
function numberBounds(schema: z.ZodNumber): NumberBounds {
  const json = z.toJSONSchema(schema) as {
    type?: string;
    minimum?: number;
    exclusiveMinimum?: number;
    maximum?: number;
    exclusiveMaximum?: number;
  };
  const meaningful = (value: number | undefined): number | undefined =>
    value === undefined || Math.abs(value) >= Number.MAX_SAFE_INTEGER ? undefined : value;
  const lowExclusive = meaningful(json.exclusiveMinimum);
  const highExclusive = meaningful(json.exclusiveMaximum);
  return {
    noun: json.type === 'integer' ? 'integer' : 'number',
    low: lowExclusive ?? meaningful(json.minimum),
    lowExclusive: lowExclusive !== undefined,
    high: highExclusive ?? meaningful(json.maximum),
    highExclusive: highExclusive !== undefined,
  };
}

function hasAuthorBounds(bounds: NumberBounds): boolean {
  return bounds.low !== undefined || bounds.high !== undefined;
}

/** "a positive integer", "a number in (0, 0.5]", "a number >= 1", from the schema's own bounds. */
function numberRange(schema: z.ZodNumber): string {
  const { noun, low, lowExclusive, high, highExclusive } = numberBounds(schema);
  const article = noun === 'integer' ? 'an' : 'a';
  if (low !== undefined && high !== undefined) {
    return `${article} ${noun} in ${lowExclusive ? '(' : '['}${low}, ${high}${highExclusive ? ')' : ']'}`;
  }
  if (low === 0) return `a ${lowExclusive ? 'positive' : 'non-negative'} ${noun}`;
  if (low !== undefined) return `${article} ${noun} ${lowExclusive ? '>' : '>='} ${low}`;
  if (high !== undefined) return `${article} ${noun} ${highExclusive ? '<' : '<='} ${high}`;
  return `${article} ${noun}`;
}

function literal(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** Where a value at a key path came from: a file path, an environment variable, ... */
export type SourceOf = (path: KeyPath) => string;

/**
 * Validates `input` with `schema`; on failure throws a ConfigError built from
 * the first issue: UNKNOWN_KEY for keys a strict object does not know,
 * INVALID_VALUE otherwise, naming the key path and the received value.
 */
export function parseWithConfigErrors<S extends z.ZodType>(schema: S, input: unknown, sourceOf: SourceOf): z.output<S> {
  const result = schema.safeParse(input, { error: describeExpectation, reportInput: true });
  if (result.success) return result.data;
  throw configErrorFromIssue(result.error.issues[0], schema, sourceOf);
}

function configErrorFromIssue(issue: z.core.$ZodIssue, schema: z.ZodType, sourceOf: SourceOf): ConfigError {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const keyPath = [...path, issue.keys[0]];
    const objectSchema = schemaAtPath(schema, path);
    const known = objectSchema === null ? null : objectKeys(objectSchema);
    const hint = known === null ? '' : ` (known keys${path.length > 0 ? ` in ${formatKeyPath(path)}` : ''}: ${known.join(', ')})`;
    return new ConfigError('UNKNOWN_KEY', sourceOf(keyPath), `unknown key${hint}`, { key: formatKeyPath(keyPath) });
  }
  return new ConfigError('INVALID_VALUE', sourceOf(path), `${issue.message}, got ${describeValue(issue.input)}`, {
    key: formatKeyPath(path),
  });
}
