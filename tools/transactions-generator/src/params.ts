import { loadParams, parseParams } from '@tethys/config';
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
    // `input` is what the error message reports as received: the offending value, not the whole params object.
    const userDays = params.users * params.days;
    if (userDays > MAX_USER_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['days'],
        input: params.days,
        message: `users * days is ${userDays} (users ${params.users}), must be <= ${MAX_USER_DAYS}`,
      });
    }
    const total = Object.values(params.anomalyRates).reduce((sum, rate) => sum + rate, 0);
    if (total > MAX_TOTAL_ANOMALY_RATE) {
      ctx.addIssue({
        code: 'custom',
        path: ['anomalyRates'],
        input: params.anomalyRates,
        message: `rates sum to ${total}, must be <= ${MAX_TOTAL_ANOMALY_RATE}`,
      });
    }
  });

export type GeneratorParams = z.infer<typeof generatorParamsSchema>;

/**
 * Validates params (from JSON or code). Throws `ConfigError` from `@tethys/config`:
 * UNKNOWN_KEY or INVALID_VALUE, with `source` and the dotted `key` named.
 */
export function parseGeneratorParams(input: unknown, source = 'params'): GeneratorParams {
  return parseParams(input, generatorParamsSchema, source);
}

/** Reads and validates a params JSON file; also FILE_NOT_FOUND / MALFORMED_JSON naming the file. */
export function loadGeneratorParams(file: string): GeneratorParams {
  return loadParams(file, generatorParamsSchema);
}
