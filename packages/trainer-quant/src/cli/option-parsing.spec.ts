import { UsageError } from '@tethys/cli';
import { boundsOption, choiceOption, levelOption, positiveNumberOption, refuseUnless } from './option-parsing';

describe('option parsing', () => {
  it('choiceOption: a listed name, the fallback, or a UsageError listing the choices', () => {
    const methods = ['a', 'b'] as const;
    expect(choiceOption({ m: 'b' }, 'm', methods)).toBe('b');
    expect(choiceOption({}, 'm', methods, 'a')).toBe('a');
    expect(() => choiceOption({}, 'm', methods)).toThrow('--m is required (one of a, b)');
    expect(() => choiceOption({ m: 'c' }, 'm', methods)).toThrow('--m must be one of a, b, got "c"');
  });

  it('boundsOption: LO,HI with LO <= HI', () => {
    expect(boundsOption({}, 'bounds', [0, 1])).toEqual([0, 1]);
    expect(boundsOption({ bounds: '-1, 0.5' }, 'bounds', [0, 1])).toEqual([-1, 0.5]);
    for (const bad of ['1', '0,1,2', 'a,1', '0,', ',1']) {
      expect(() => boundsOption({ bounds: bad }, 'bounds', [0, 1])).toThrow(UsageError);
    }
    expect(() => boundsOption({ bounds: '1,0' }, 'bounds', [0, 1])).toThrow('lower bound 1 is above upper bound 0');
  });

  it('levelOption: strictly inside (0, 1)', () => {
    expect(levelOption({ level: '0.99' }, 'level', 0.95)).toBe(0.99);
    expect(levelOption({}, 'level', 0.95)).toBe(0.95);
    for (const bad of ['0', '1', '1.2', '-0.5', 'x', '']) {
      expect(() => levelOption({ level: bad }, 'level', 0.95)).toThrow(UsageError);
    }
  });

  it('positiveNumberOption: a number > 0 or the fallback', () => {
    expect(positiveNumberOption({ n: '12' }, 'n', 252)).toBe(12);
    expect(positiveNumberOption({}, 'n', 252)).toBe(252);
    for (const bad of ['0', '-1', 'x']) expect(() => positiveNumberOption({ n: bad }, 'n', 252)).toThrow(UsageError);
  });

  it('refuseUnless: refuses an option given where it means nothing', () => {
    expect(() => refuseUnless({ seed: '1' }, 'seed', false, 'to monte_carlo')).toThrow('--seed applies only to monte_carlo');
    expect(() => refuseUnless({ seed: '1' }, 'seed', true, 'to monte_carlo')).not.toThrow();
    expect(() => refuseUnless({}, 'seed', false, 'to monte_carlo')).not.toThrow();
  });
});

