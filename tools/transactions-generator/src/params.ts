import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Upper bound on users x days, so a typo cannot ask for hundreds of millions of rows. */
export const MAX_USER_DAYS = 2_000_000;
/** Upper bound on the summed anomaly rates: anomalies must stay rare for the labels to mean anything. */
export const MAX_TOTAL_ANOMALY_RATE = 0.25;

const anomalyRate = z
  .number({ error: 'must be a number' })
  .min(0, { error: 'must be >= 0' })
  .max(0.1, { error: 'must be <= 0.1 (a fraction of rows, not a percentage)' });

const isoDate = z
  .string({ error: 'must be a date string YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date YYYY-MM-DD' })
  .refine((value) => isCalendarDate(value), {
    error: 'is not a real calendar date',
  });

function isCalendarDate(value: string): boolean {
  const ms = Date.parse(`${value}T00:00:00Z`);
  // Date.parse rolls 2024-02-30 over to March: a real date formats back to itself.
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(value);
}

export const generatorParamsSchema = z
  .strictObject({
    seed: z
      .number({ error: 'must be a number' })
      .int({ error: 'must be an integer' })
      .min(0, { error: 'must be >= 0' })
      .max(Number.MAX_SAFE_INTEGER, { error: 'must be a safe integer' }),
    users: z
      .number({ error: 'must be a number' })
      .int({ error: 'must be an integer' })
      .min(1, { error: 'must be >= 1' })
      .max(100_000, { error: 'must be <= 100000' }),
    startDate: isoDate,
    days: z
      .number({ error: 'must be a number' })
      .int({ error: 'must be an integer' })
      .min(1, { error: 'must be >= 1' })
      .max(3650, { error: 'must be <= 3650' }),
    anomalyRates: z.strictObject({
      large_amount: anomalyRate,
      burst: anomalyRate,
      odd_hour_far_from_home: anomalyRate,
      new_category: anomalyRate,
    }),
  })
  .superRefine((params, ctx) => {
    if (params.users * params.days > MAX_USER_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['days'], message: `users * days must be <= ${MAX_USER_DAYS}` });
    }
    const total = Object.values(params.anomalyRates).reduce((sum, rate) => sum + rate, 0);
    if (total > MAX_TOTAL_ANOMALY_RATE) {
      ctx.addIssue({
        code: 'custom',
        path: ['anomalyRates'],
        message: `rates sum to ${total}, must be <= ${MAX_TOTAL_ANOMALY_RATE}`,
      });
    }
  });

export type GeneratorParams = z.infer<typeof generatorParamsSchema>;

/** Bad params: `key` is the dotted path of the first offending parameter. */
export class GeneratorParamsError extends Error {
  override readonly name = 'GeneratorParamsError';
  constructor(
    message: string,
    readonly key: string,
  ) {
    super(message);
  }
}

/** Validates params (from JSON or code); throws `GeneratorParamsError` naming the key. */
export function parseGeneratorParams(input: unknown, source = 'params'): GeneratorParams {
  const result = generatorParamsSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue.path.map(String);
  // Unknown keys are reported on the parent object: name the key itself.
  if (issue.code === 'unrecognized_keys') {
    const key = [...path, issue.keys[0]].join('.');
    throw new GeneratorParamsError(`${source}: unknown key "${key}"`, key);
  }
  const key = path.length > 0 ? path.join('.') : '(root)';
  const missing = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined;
  const message = missing ? 'is required' : issue.message;
  throw new GeneratorParamsError(`${source}: ${key} ${message}`, key);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Reads and validates a params JSON file. */
export function loadGeneratorParams(file: string): GeneratorParams {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new GeneratorParamsError(`${file}: cannot read params file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, '(file)');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new GeneratorParamsError(`${file}: not valid JSON (${(error as Error).message})`, '(file)');
  }
  return parseGeneratorParams(json, file);
}
