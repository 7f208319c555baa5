import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, runCli } from './run-cli';

function run(argv: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out, err };
}

const small = {
  seed: 3,
  users: 20,
  startDate: '2024-05-01',
  days: 14,
  anomalyRates: { large_amount: 0.01, burst: 0.01, odd_hour_far_from_home: 0.01, new_category: 0.01 },
};

describe('runCli', () => {
  let dir: string;
  let paramsFile: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tg-cli-'));
    paramsFile = join(dir, 'params.json');
    writeFileSync(paramsFile, JSON.stringify(small));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints help and exits 0', () => {
    const { code, out, err } = run(['--help']);
    expect(code).toBe(EXIT_OK);
    expect(out.join('\n')).toMatch(/--params FILE --out DIR/);
    expect(err).toEqual([]);
  });

  it.each([
    [[], /--params is required/],
    [['--params', 'p.json'], /--out is required/],
    [['--params'], /--params needs a value/],
    [['--params', 'a', '--params', 'b', '--out', 'x'], /--params given twice/],
    [['--seed', '4'], /unknown argument "--seed"/],
  ])('rejects %j with one line and exit code 2', (argv, message) => {
    const { code, out, err } = run(argv);
    expect(code).toBe(EXIT_USAGE);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).not.toContain('\n');
    expect(err[0]).toMatch(message);
  });

  it('exits 2 with the key named on bad params, writing nothing', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...small, days: 0 }));
    const never = join(dir, 'never');
    const { code, out, err } = run(['--params', bad, '--out', never]);
    expect(code).toBe(EXIT_USAGE);
    expect(out).toEqual([]);
    expect(err).toEqual([`transactions-generator: ${bad}: days: must be >= 1, got 0`]);
    expect(existsSync(never)).toBe(false);
  });

  it('exits 2 with one line on a missing or malformed params file', () => {
    const missing = join(dir, 'missing.json');
    expect(run(['--params', missing, '--out', join(dir, 'never')])).toEqual({
      code: EXIT_USAGE,
      out: [],
      err: [`transactions-generator: ${missing}: file not found`],
    });
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"seed": 3,');
    const { code, err } = run(['--params', broken, '--out', join(dir, 'never')]);
    expect(code).toBe(EXIT_USAGE);
    expect(err).toHaveLength(1);
    expect(err[0]).not.toContain('\n');
    expect(err[0].startsWith(`transactions-generator: ${broken}: not valid JSON: `)).toBe(true);
  });

  it('exits 1, not 2, when the output cannot be written', () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a directory');
    const { code, err } = run(['--params', paramsFile, '--out', join(blocker, 'out')]);
    expect(code).toBe(EXIT_FAILURE);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^transactions-generator: .*(ENOTDIR|EEXIST)/);
  });

  it('writes byte-identical CSV and generation.json on every run', () => {
    const first = join(dir, 'first');
    const second = join(dir, 'second');
    expect(run(['--params', paramsFile, '--out', first]).code).toBe(EXIT_OK);
    expect(run([`--params=${paramsFile}`, `--out=${second}`]).code).toBe(EXIT_OK);
    for (const file of ['transactions.csv', 'generation.json']) {
      expect(readFileSync(join(second, file))).toEqual(readFileSync(join(first, file)));
    }
    const csv = readFileSync(join(first, 'transactions.csv'), 'utf8');
    const summary = JSON.parse(readFileSync(join(first, 'generation.json'), 'utf8'));
    const lines = csv.trimEnd().split('\n');
    expect(summary.rowCount).toBe(lines.length - 1);
    expect(summary.seed).toBe(small.seed);
    expect(summary.params).toEqual(small);
    const labelled = lines.slice(1).filter((line) => line.endsWith(',1,' + line.split(',').at(-1)));
    const total = Object.values(summary.anomalyCounts as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(labelled).toHaveLength(total);
    expect(summary.anomalyRowCount).toBe(total);
    expect(typeof summary.description).toBe('string');
    // Every data line has the documented format (merchant may be quoted).
    const line = /^t\d{7},u\d{4},\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,\d+\.\d\d,("([^"]|"")*"|[^",]*),[a-z_]+,-?\d+\.\d{4},-?\d+\.\d{4},[01],[a-z_]*$/;
    expect(lines.slice(1).filter((l) => !line.test(l))).toEqual([]);
  });

  it('generates the committed params.json (~40-80k rows)', () => {
    const out = join(dir, 'full');
    const { code, out: stdout } = run(['--params', join(__dirname, '..', 'params.json'), '--out', out]);
    expect(code).toBe(EXIT_OK);
    const summary = JSON.parse(readFileSync(join(out, 'generation.json'), 'utf8'));
    expect(summary.rowCount).toBeGreaterThanOrEqual(40_000);
    expect(summary.rowCount).toBeLessThanOrEqual(80_000);
    expect(summary.anomalyFraction).toBeGreaterThanOrEqual(0.01);
    expect(summary.anomalyFraction).toBeLessThanOrEqual(0.02);
    expect(stdout[0]).toMatch(/^wrote \d+ rows/);
  });
});
