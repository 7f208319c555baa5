import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run, WORKSPACE_ROOT } from './workspace-copy';

const BIN = path.join(WORKSPACE_ROOT, 'node_modules/.bin/tethys-anomaly');
const TSX = path.join(WORKSPACE_ROOT, 'node_modules/.bin/tsx');
const SHUTTLE = path.join(WORKSPACE_ROOT, 'data/anomaly/shuttle_odds_style.csv');

/**
 * The CLI end to end through `npx tethys-anomaly`'s bin, on a small generated
 * data set in a scratch directory: train, determinism, score, tamper refusal,
 * evaluate on the real shuttle data, and one-line errors for bad input.
 */
describe('tethys-anomaly CLI', () => {
  let dir: string;
  // The scratch dir is no git checkout: pin createdAt the reproducible-builds way.
  const anomaly = (args: string[]) => run(BIN, args, dir, { SOURCE_DATE_EPOCH: '1700000000' });

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tethys-anomaly-cli-'));
    const generatorParams = {
      seed: 7,
      users: 60,
      startDate: '2024-03-01',
      days: 40,
      anomalyRates: { large_amount: 0.006, burst: 0.006, odd_hour_far_from_home: 0.005, new_category: 0.005 },
    };
    writeFileSync(path.join(dir, 'generator.json'), JSON.stringify(generatorParams));
    const generated = run(TSX, [path.join(WORKSPACE_ROOT, 'tools/transactions-generator/src/cli.ts'), '--params', 'generator.json', '--out', 'tx'], dir);
    expect(generated.stderr).toBe('');
    expect(generated.status).toBe(0);
    const params = JSON.parse(readFileSync(path.join(WORKSPACE_ROOT, 'packages/trainer-anomaly/params.json'), 'utf8'));
    params.data.transactions = 'tx/transactions.csv';
    params.data.benchmark = null;
    params.output = 'model';
    params.forest.nEstimators = 50;
    writeFileSync(path.join(dir, 'params.json'), JSON.stringify(params));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('trains, writes a verified artifact, and beats chance on held-out time', () => {
    const result = anomaly(['train', '--params', 'params.json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('detection rate per anomaly type');
    const files = readdirSync(path.join(dir, 'model')).sort();
    expect(files).toEqual(['detector.json', 'feature_pipeline.json', 'forest.json', 'manifest.json', 'metrics.json']);
    const metrics = JSON.parse(readFileSync(path.join(dir, 'model/metrics.json'), 'utf8'));
    expect(metrics.test.rocAuc).toBeGreaterThan(0.8);
    expect(Object.keys(metrics.test.detectionRateByType).sort()).toEqual(
      ['burst', 'large_amount', 'new_category', 'odd_hour_far_from_home'],
    );
  });

  it('gives a byte-identical artifact for the same seed', () => {
    cpSync(path.join(dir, 'model'), path.join(dir, 'model-first'), { recursive: true });
    expect(anomaly(['train', '--params', 'params.json']).status).toBe(0);
    for (const file of readdirSync(path.join(dir, 'model'))) {
      expect(readFileSync(path.join(dir, 'model', file)).equals(readFileSync(path.join(dir, 'model-first', file)))).toBe(true);
    }
  });

  it('scores a CSV, keeping its columns and appending score, flag and reasons', () => {
    const result = anomaly(['score', '--model', 'model', '--input', 'tx/transactions.csv', '--output', 'scored.csv']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = readFileSync(path.join(dir, 'scored.csv'), 'utf8').trimEnd().split('\n');
    const inputLines = readFileSync(path.join(dir, 'tx/transactions.csv'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(inputLines.length);
    expect(lines[0]).toBe(`${inputLines[0]},anomaly_score,is_flagged,top_reasons`);
    const flagged = lines.slice(1).filter((line) => /,1,[^,]*$/.test(line)).length;
    expect(flagged).toBeGreaterThan(0);
    expect(lines[1]).toMatch(/,0\.\d{6},[01],\w+=0\.\d{3};\w+=0\.\d{3};\w+=0\.\d{3}$/);
  });

  it('refuses a tampered artifact with a one-line reason', () => {
    const forest = path.join(dir, 'model-first/forest.json');
    // Same size, one digit changed: only the hash can tell.
    const text = readFileSync(forest, 'utf8');
    const at = text.search(/\d/);
    writeFileSync(forest, text.slice(0, at) + (text[at] === '9' ? '8' : '9') + text.slice(at + 1));
    const result = anomaly(['score', '--model', 'model-first', '--input', 'tx/transactions.csv']);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/forest\.json.*sha256 mismatch/);
  });

  it('evaluates the real shuttle benchmark at ROC-AUC >= 0.99', () => {
    const result = anomaly(['evaluate', '--input', SHUTTLE, '--label-column', 'outlier', '--json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.rows).toBe(49097);
    expect(report.positives).toBe(3511);
    expect(report.features).toEqual(['V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'V7', 'V8', 'V9']);
    expect(report.rocAuc).toBeGreaterThanOrEqual(0.99);
    expect(report.precisionAtK.k).toBe(3511);
  });

  it.each([
    [['score', '--model', 'model', '--input', 'missing.csv'], /missing\.csv/],
    [['score', '--input', 'tx/transactions.csv'], /--model is required/],
    [['evaluate', '--input', SHUTTLE, '--label-column', 'nope'], /label column "nope" not found/],
    [['evaluate', '--input', SHUTTLE, '--label-column', 'outlier', '--trees', '0'], /--trees must be an integer/],
    [['train', '--params', 'missing-params.json'], /missing-params\.json/],
    [['train', '--bogus'], /bogus/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('rejects bad input %j with a one-line reason and a non-zero exit', (args, reason) => {
    const result = anomaly(args as string[]);
    expect(result.status).not.toBe(0);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(reason as RegExp);
  });

  it('prints help for every command', () => {
    for (const command of ['train', 'score', 'evaluate']) {
      const result = anomaly([command, '--help']);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`Usage: tethys-anomaly ${command}`);
    }
  });
});
