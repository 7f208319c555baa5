import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GeneratorParamsError, loadGeneratorParams, parseGeneratorParams } from './params';

const valid = {
  seed: 1,
  users: 10,
  startDate: '2024-01-01',
  days: 30,
  anomalyRates: { large_amount: 0.004, burst: 0.005, odd_hour_far_from_home: 0.003, new_category: 0.003 },
};

function errorOf(input: unknown): GeneratorParamsError {
  try {
    parseGeneratorParams(input, 'params.json');
  } catch (error) {
    if (error instanceof GeneratorParamsError) return error;
    throw error;
  }
  throw new Error('expected a GeneratorParamsError');
}

describe('parseGeneratorParams', () => {
  it('accepts the documented shape', () => {
    expect(parseGeneratorParams(valid)).toEqual(valid);
  });

  it.each([
    ['an unknown top-level key', { ...valid, colour: 'red' }, 'colour', /unknown key "colour"/],
    ['an unknown anomaly type', { ...valid, anomalyRates: { ...valid.anomalyRates, phishing: 0.1 } }, 'anomalyRates.phishing', /unknown key/],
    ['a missing key', { ...valid, days: undefined }, 'days', /days is required/],
    ['a non-integer user count', { ...valid, users: 2.5 }, 'users', /integer/],
    ['a negative seed', { ...valid, seed: -1 }, 'seed', />= 0/],
    ['a rate given as a percentage', { ...valid, anomalyRates: { ...valid.anomalyRates, burst: 2 } }, 'anomalyRates.burst', /<= 0.1/],
    ['a malformed date', { ...valid, startDate: '01/02/2024' }, 'startDate', /YYYY-MM-DD/],
    ['an impossible date', { ...valid, startDate: '2024-02-30' }, 'startDate', /calendar date/],
    ['too many rows', { ...valid, users: 100_000, days: 3650 }, 'days', /users \* days/],
    ['a wrong type', { ...valid, users: '400' }, 'users', /number/],
  ])('rejects %s, naming the key', (_what, input, key, message) => {
    const error = errorOf(input);
    expect(error.key).toBe(key);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith('params.json: ')).toBe(true);
  });

  it('rejects rates that sum too high', () => {
    const error = errorOf({
      ...valid,
      anomalyRates: { large_amount: 0.1, burst: 0.1, odd_hour_far_from_home: 0.1, new_category: 0.1 },
    });
    expect(error.key).toBe('anomalyRates');
    expect(error.message).toMatch(/sum to 0.4/);
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
    expect(() => loadGeneratorParams(join(dir, 'missing.json'))).toThrow(/missing\.json: cannot read params file \(ENOENT\)/);
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"seed": 1,');
    expect(() => loadGeneratorParams(file)).toThrow(/broken\.json: not valid JSON/);
  });

  it('names the file and key on a schema error', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...valid, users: 0 }));
    expect(() => loadGeneratorParams(file)).toThrow(`${file}: users must be >= 1`);
  });

  it('accepts the committed params.json', () => {
    const params = loadGeneratorParams(join(__dirname, '..', 'params.json'));
    expect(params.users).toBeGreaterThan(0);
  });
});
