import { formatTable } from './format-table';
import { joinNegativeOptionValues } from './negative-option-values';
import { optionalInteger, optionalNumber, requiredString } from './option-values';
import { runCli, type CliProgram } from './run-cli';
import { UsageError } from './usage-error';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) }, out, err };
}

const calls: unknown[] = [];
const program: CliProgram = {
  name: 'demo',
  summary: 'a demo program',
  commands: [
    {
      name: 'echo',
      summary: 'prints --text',
      usage: 'Usage: demo echo --text T [--times N]',
      options: { text: { type: 'string' }, times: { type: 'string' } },
      run(values, _positionals, io) {
        const times = optionalInteger(values, 'times', { min: 1, max: 3 }) ?? 1;
        const text = requiredString(values, 'text');
        calls.push(text);
        io.stdout(`${text.repeat(times)}\n`);
      },
    },
    {
      name: 'fail',
      summary: 'throws a plain error',
      usage: 'Usage: demo fail',
      options: {},
      run() {
        throw new Error('disk on fire\nsecond line');
      },
    },
  ],
};

describe('runCli', () => {
  it('runs a command and returns 0', async () => {
    const c = capture();
    expect(await runCli(program, ['echo', '--text', 'ab', '--times', '2'], c.io)).toBe(0);
    expect(c.out.join('')).toBe('abab\n');
  });

  it('prints program help and command help', async () => {
    const c = capture();
    expect(await runCli(program, ['--help'], c.io)).toBe(0);
    expect(c.out.join('')).toContain('echo  prints --text');
    const d = capture();
    expect(await runCli(program, ['echo', '--help'], d.io)).toBe(0);
    expect(d.out.join('')).toBe('Usage: demo echo --text T [--times N]\n');
  });

  it('exits 2 with one line for no command, an unknown command, an unknown option, a missing or bad value', async () => {
    for (const argv of [['nope'], ['echo', '--bogus'], ['echo'], ['echo', '--text', 'x', '--times', '9'], ['echo', 'positional']]) {
      const c = capture();
      expect(await runCli(program, argv, c.io)).toBe(2);
      expect(c.err).toHaveLength(1);
      expect(c.err[0].trimEnd().split('\n')).toHaveLength(1);
      expect(c.err[0]).toMatch(/^demo: /);
    }
    expect(await runCli(program, [], capture().io)).toBe(2);
  });

  it('exits 1 with the reason on one line for other errors', async () => {
    const c = capture();
    expect(await runCli(program, ['fail'], c.io)).toBe(1);
    expect(c.err).toEqual(['demo: disk on fire second line\n']);
  });
});

describe('option values', () => {
  it('parses and range-checks numbers', () => {
    expect(optionalNumber({ x: '0.5' }, 'x', { min: 0, max: 1 })).toBe(0.5);
    expect(optionalNumber({}, 'x')).toBeUndefined();
    expect(() => optionalNumber({ x: 'abc' }, 'x')).toThrow(UsageError);
    expect(() => optionalInteger({ n: '1.5' }, 'n')).toThrow('--n must be an integer');
    expect(() => requiredString({}, 'input')).toThrow('--input is required');
  });
});

describe('formatTable', () => {
  it('pads columns', () => {
    expect(formatTable(['a', 'bbb'], [[1, 2], [333, 4]])).toBe('a    bbb\n---  ---\n1    2\n333  4\n');
  });
});

describe('negative option values', () => {
  const options = { target: { type: 'string' as const }, json: { type: 'boolean' as const } };

  it('joins a negative number onto the string option before it', () => {
    expect(joinNegativeOptionValues(options, ['--target', '-0.05', '--json'])).toEqual(['--target=-0.05', '--json']);
    expect(joinNegativeOptionValues(options, ['--target', '-.5'])).toEqual(['--target=-.5']);
  });

  it('leaves options, boolean flags and already-joined values alone', () => {
    expect(joinNegativeOptionValues(options, ['--target', '--json'])).toEqual(['--target', '--json']);
    expect(joinNegativeOptionValues(options, ['--json', '-1'])).toEqual(['--json', '-1']);
    expect(joinNegativeOptionValues(options, ['--target=-1', '-2'])).toEqual(['--target=-1', '-2']);
  });

  it('lets runCli accept --x -1 as written', async () => {
    const c = capture();
    expect(await runCli(program, ['echo', '--text', '-1'], c.io)).toBe(0);
    expect(c.out.join('')).toBe('-1\n');
  });
});
