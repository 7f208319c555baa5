import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './config-error';
import { loadParams, parseParams } from './params';

const paramsSchema = z.strictObject({
  forest: z.strictObject({
    nEstimators: z.int().positive(),
    maxSamples: z.union([z.literal('auto'), z.int().positive()]).default('auto'),
  }),
  features: z.array(z.string().min(1)).min(1),
  contamination: z.number().gt(0).lte(0.5),
});

describe('loadParams', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tethys-params-'));
    file = join(dir, 'params.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (value: unknown): void => writeFileSync(file, JSON.stringify(value, null, 2));
  const valid = { forest: { nEstimators: 100 }, features: ['amount', 'hour'], contamination: 0.01 };

  it('returns the typed, validated params with defaults filled in', () => {
    write(valid);
    const params = loadParams(file, paramsSchema);
    expect(params).toEqual({ ...valid, forest: { nEstimators: 100, maxSamples: 'auto' } });
  });

  it('names the file, the key and both the expectation and the value', () => {
    write({ ...valid, forest: { nEstimators: -3 } });
    expect(() => loadParams(file, paramsSchema)).toThrow(
      new ConfigError('INVALID_VALUE', file, 'expected a positive integer, got -3', { key: 'forest.nEstimators' }),
    );
    expect(() => loadParams(file, paramsSchema)).toThrow(`${file}: forest.nEstimators: expected a positive integer, got -3`);
  });

  it('refuses unknown keys at any depth', () => {
    write({ ...valid, forest: { nEstimators: 10, maxDepth: 4 } });
    expect(() => loadParams(file, paramsSchema)).toThrow(
      expect.objectContaining({
        name: 'ConfigError',
        code: 'UNKNOWN_KEY',
        source: file,
        key: 'forest.maxDepth',
        message: `${file}: forest.maxDepth: unknown key (known keys in forest: nEstimators, maxSamples)`,
      }),
    );
  });

  it('names array items by index', () => {
    write({ ...valid, features: ['amount', ''] });
    expect(() => loadParams(file, paramsSchema)).toThrow(`${file}: features[1]: expected a non-empty string, got ""`);
  });

  it('says when a required key is missing', () => {
    write({ forest: { nEstimators: 1 }, features: ['a'] });
    expect(() => loadParams(file, paramsSchema)).toThrow(/contamination: expected a number, got nothing \(the key is missing\)/);
  });

  it('reports malformed JSON with the file name and position', () => {
    writeFileSync(file, '{\n  "forest": {,\n}');
    expect(() => loadParams(file, paramsSchema)).toThrow(
      expect.objectContaining({ code: 'MALFORMED_JSON', source: file, message: expect.stringMatching(/^.*params\.json: not valid JSON: .*line 2/) }),
    );
  });

  it('reports a missing file', () => {
    expect(() => loadParams(join(dir, 'nope.json'), paramsSchema)).toThrow(
      expect.objectContaining({ code: 'FILE_NOT_FOUND', message: expect.stringMatching(/nope\.json: file not found$/) }),
    );
  });

  it('accepts a byte-order mark', () => {
    writeFileSync(file, `\uFEFF${JSON.stringify(valid)}`);
    expect(loadParams(file, paramsSchema).contamination).toBe(0.01);
  });
});

describe('parseParams', () => {
  it('validates an already-parsed value and names its source', () => {
    const schema = z.strictObject({ level: z.enum(['low', 'high']), window: z.int().min(2).max(250) });
    expect(parseParams({ level: 'low', window: 20 }, schema, 'cli')).toEqual({ level: 'low', window: 20 });
    expect(() => parseParams({ level: 'mid', window: 20 }, schema, 'cli')).toThrow('cli: level: expected one of "low", "high", got "mid"');
    expect(() => parseParams({ level: 'low', window: 1 }, schema, 'cli')).toThrow('cli: window: expected an integer in [2, 250], got 1');
    expect(() => parseParams({ level: 'low', window: 2.5 }, schema, 'cli')).toThrow('cli: window: expected an integer, got 2.5');
    expect(() => parseParams([], schema, 'cli')).toThrow('cli: expected an object, got []');
    expect(() => parseParams({ level: 'low', window: 1e300 }, schema, 'cli')).toThrow('cli: window: expected an integer in [2, 250], got 1e+300');
  });

  it('keeps messages that schema authors wrote, adding the value', () => {
    const schema = z.strictObject({ levels: z.array(z.number()).refine((xs) => xs.length % 2 === 1, 'expected an odd number of levels') });
    expect(() => parseParams({ levels: [1, 2] }, schema, 'cli')).toThrow('cli: levels: expected an odd number of levels, got [1,2]');
  });
});
