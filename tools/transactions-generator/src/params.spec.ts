import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, type ConfigErrorCode } from '@tethys/config';
import { loadGeneratorParams, parseGeneratorParams } from './params';

const valid = {
  seed: 1,
  users: 10,
  startDate: '2024-01-01',
  days: 30,
  anomalyRates: { large_amount: 0.004, burst: 0.005, odd_hour_far_from_home: 0.003, new_category: 0.003 },
};

function configErrorOf(action: () => unknown): ConfigError {
  try {
    action();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const errorOf = (input: unknown): ConfigError => configErrorOf(() => parseGeneratorParams(input, 'params.json'));

describe('parseGeneratorParams', () => {
  it('accepts the documented shape', () => {
    expect(parseGeneratorParams(valid)).toEqual(valid);
  });

  it('names the source "params" when none is given', () => {
    const error = configErrorOf(() => parseGeneratorParams({ ...valid, users: 0 }));
    expect(error.source).toBe('params');
    expect(error.message).toBe('params: users: must be >= 1, got 0');
  });

  it.each<[string, unknown, ConfigErrorCode, string, RegExp]>([
    ['an unknown top-level key', { ...valid, colour: 'red' }, 'UNKNOWN_KEY', 'colour', /^params\.json: colour: unknown key \(known keys: seed, users, /],
    [
      'an unknown anomaly type',
      { ...valid, anomalyRates: { ...valid.anomalyRates, phishing: 0.1 } },
      'UNKNOWN_KEY',
      'anomalyRates.phishing',
      /: anomalyRates\.phishing: unknown key \(known keys in anomalyRates: large_amount, burst, /,
    ],
    ['a missing key', { ...valid, days: undefined }, 'INVALID_VALUE', 'days', /: days: must be a number, got nothing \(the key is missing\)$/],
    ['a non-integer user count', { ...valid, users: 2.5 }, 'INVALID_VALUE', 'users', /: users: must be an integer, got 2\.5$/],
    ['a negative seed', { ...valid, seed: -1 }, 'INVALID_VALUE', 'seed', /: seed: must be >= 0, got -1$/],
    [
      'a rate given as a percentage',
      { ...valid, anomalyRates: { ...valid.anomalyRates, burst: 2 } },
      'INVALID_VALUE',
      'anomalyRates.burst',
      /: anomalyRates\.burst: must be <= 0\.1 \(a fraction of rows, not a percentage\), got 2$/,
    ],
    ['a malformed date', { ...valid, startDate: '01/02/2024' }, 'INVALID_VALUE', 'startDate', /: startDate: must be a date YYYY-MM-DD, got "01\/02\/2024"$/],
    ['an impossible date', { ...valid, startDate: '2024-02-30' }, 'INVALID_VALUE', 'startDate', /: startDate: is not a real calendar date, got "2024-02-30"$/],
    [
      'too many rows',
      { ...valid, users: 100_000, days: 3650 },
      'INVALID_VALUE',
      'days',
      /: days: users \* days is 365000000 \(users 100000\), must be <= 2000000, got 3650$/,
    ],
    ['a wrong type', { ...valid, users: '400' }, 'INVALID_VALUE', 'users', /: users: must be a number, got "400"$/],
  ])('rejects %s, naming the key', (_what, input, code, key, message) => {
    const error = errorOf(input);
    expect(error.code).toBe(code);
    expect(error.source).toBe('params.json');
    expect(error.key).toBe(key);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`params.json: ${key}: `)).toBe(true);
  });

  it('rejects rates that sum too high, showing the rates', () => {
    const error = errorOf({
      ...valid,
      anomalyRates: { large_amount: 0.1, burst: 0.1, odd_hour_far_from_home: 0.1, new_category: 0.1 },
    });
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.key).toBe('anomalyRates');
    expect(error.message).toMatch(/^params\.json: anomalyRates: rates sum to 0\.4, must be <= 0\.25, got \{"large_amount":0\.1,/);
  });

  it('rejects a non-object without a key', () => {
    const error = errorOf(null);
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.key).toBeUndefined();
    expect(error.message).toBe('params.json: expected an object, got null');
  });
});

describe('loadGeneratorParams', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tg-params-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a valid file', () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, JSON.stringify(valid));
    expect(loadGeneratorParams(file)).toEqual(valid);
  });

  it('names the file when it is missing or not JSON', () => {
    const missingFile = join(dir, 'missing.json');
    const missing = configErrorOf(() => loadGeneratorParams(missingFile));
    expect(missing.code).toBe('FILE_NOT_FOUND');
    expect(missing.source).toBe(missingFile);
    expect(missing.message).toBe(`${missingFile}: file not found`);

    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"seed": 1,');
    const broken = configErrorOf(() => loadGeneratorParams(file));
    expect(broken.code).toBe('MALFORMED_JSON');
    expect(broken.source).toBe(file);
    expect(broken.message.startsWith(`${file}: not valid JSON: `)).toBe(true);
  });

  it('names the file and key on a schema error', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...valid, users: 0 }));
    const error = configErrorOf(() => loadGeneratorParams(file));
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.source).toBe(file);
    expect(error.key).toBe('users');
    expect(error.message).toBe(`${file}: users: must be >= 1, got 0`);
  });

  it('accepts the committed params.json', () => {
    const params = loadGeneratorParams(join(__dirname, '..', 'params.json'));
    expect(params.users).toBeGreaterThan(0);
  });
});
