import { z } from 'zod';
import { collectEnvOverrides, parseEnvValue, screamingSnakeToCamel } from './env-overrides';

describe('screamingSnakeToCamel', () => {
  it.each([
    ['SQLITE_PATH', 'sqlitePath'],
    ['N_ESTIMATORS', 'nEstimators'],
    ['SEED', 'seed'],
    ['L2_PENALTY', 'l2Penalty'],
    ['PERIODS_PER_YEAR', 'periodsPerYear'],
  ])('%s -> %s', (segment, key) => expect(screamingSnakeToCamel(segment)).toBe(key));
});

describe('parseEnvValue', () => {
  it('parses JSON when it parses and keeps the raw string otherwise', () => {
    expect(parseEnvValue('3')).toBe(3);
    expect(parseEnvValue('false')).toBe(false);
    expect(parseEnvValue('null')).toBeNull();
    expect(parseEnvValue('[0.1, 0.9]')).toEqual([0.1, 0.9]);
    expect(parseEnvValue('"007"')).toBe('007');
    expect(parseEnvValue('data/memory.sqlite')).toBe('data/memory.sqlite');
    expect(parseEnvValue('wasm')).toBe('wasm');
  });
});

describe('collectEnvOverrides', () => {
  const schema = z.strictObject({
    a: z.strictObject({ bC: z.number(), d: z.strictObject({ e: z.string() }) }),
    f: z.string(),
  });

  it('maps variables to key paths, aliases first, shallow before deep, ignoring other names and empty values', () => {
    const overrides = collectEnvOverrides(
      {
        X__A__B_C: '1',
        P__A__D__E: 'text',
        P__A: '{"bC":2}',
        P__F: '',
        PX: 'ignored',
        ALIAS: 'from-alias',
      },
      'P__',
      schema,
      { ALIAS: ['f'] },
    );
    expect(overrides).toEqual([
      { variable: 'ALIAS', path: ['f'], value: 'from-alias' },
      { variable: 'P__A', path: ['a'], value: { bC: 2 } },
      { variable: 'P__A__D__E', path: ['a', 'd', 'e'], value: 'text' },
    ]);
  });

  it('refuses keys the schema does not have, naming the variable and the known keys', () => {
    expect(() => collectEnvOverrides({ P__A__X: '1' }, 'P__', schema)).toThrow(
      expect.objectContaining({
        code: 'UNKNOWN_KEY',
        source: 'P__A__X',
        key: 'a.x',
        message: 'P__A__X: a.x: unknown key (known keys in a: bC, d)',
      }),
    );
    expect(() => collectEnvOverrides({ P__F__G: '1' }, 'P__', schema)).toThrow(/f is a single setting, not a group/);
    expect(() => collectEnvOverrides({ P__A____B: '1' }, 'P__', schema)).toThrow(/P__A____B: malformed variable name/);
  });
});
