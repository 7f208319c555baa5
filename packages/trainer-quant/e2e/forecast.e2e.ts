import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(WORKSPACE_ROOT, 'node_modules/.bin/tethys-quant');

interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function quant(args: string[]): CommandResult {
  const result = spawnSync(BIN, args, {
    cwd: WORKSPACE_ROOT,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', TETHYS_TF_BACKEND: 'wasm' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One error line on stderr (after the tfjs backend line, when a neural model was loaded). */
function expectOneLineFailure(result: CommandResult, status: number, reason: RegExp): void {
  expect(result.status).toBe(status);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n').filter((line) => !line.startsWith('tfjs backend: '));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^tethys-quant: /);
  expect(lines[0]).toMatch(reason);
}

let dir: string;
let wideCsv: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'forecast-e2e-'));
  // Two seasonal series (season 4), 60 points each, in a wide file.
  const rows = Array.from({ length: 60 }, (_, t) => {
    const a = 20 + 0.2 * t + [0, 3, -2, 1][t % 4] + 0.4 * Math.sin(1.3 * t);
    const b = 50 - 0.1 * t + [2, -2, 1, -1][t % 4] + 0.5 * Math.cos(0.7 * t);
    return `${t},${a.toFixed(4)},${b.toFixed(4)}`;
  });
  wideCsv = path.join(dir, 'wide.csv');
  writeFileSync(wideCsv, `t,alpha,beta\n${rows.join('\n')}\n`);
  const tiny = { lookback: 8, epochs: 2, patience: 1, batchSize: 16, validationFraction: 0.2 };
  const params = {
    seed: 1,
    quantiles: [0.1, 0.5, 0.9],
    series: [
      {
        name: 'alpha',
        source: { kind: 'csv', file: wideCsv, series: 'alpha' },
        season: 4,
        horizon: 4,
        testWindows: 2,
        stride: 4,
        etsSeasonal: 'additive',
        lstm: { ...tiny, hiddenSize: 4 },
        nbeats: { ...tiny, stacks: 'generic', blocksPerStack: 1, layerWidth: 8 },
        tft: { ...tiny, hiddenSize: 4, heads: 1 },
      },
    ],
  };
  writeFileSync(path.join(dir, 'params.json'), JSON.stringify(params));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tethys-quant backtest', () => {
  it('scores a baseline on every series of a wide file against seasonal naive', () => {
    const result = quant(['backtest', '--model', 'drift', '--input', wideCsv, '--horizon', '4', '--season', '4', '--test-windows', '2', '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.series.map((s: { series: string }) => s.series)).toEqual(['alpha', 'beta']);
    expect(json.series[0]).toMatchObject({ trainLength: 52, model: { windows: 2, points: 8 }, seasonalNaive: { windows: 2 } });
    expect(json.series[0].model.mase).toBeGreaterThan(0);
  });

  it('trains a tiny neural model and prints the table', () => {
    const result = quant(['backtest', '--model', 'lstm', '--input', wideCsv, '--horizon', '4', '--season', '4', '--epochs', '2', '--lookback', '8']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/lstm backtest on/);
    expect(result.stdout).toMatch(/alpha\s+lstm\s+\d/);
    expect(result.stdout).toMatch(/samples\/s/);
    expect(result.stderr).toMatch(/^tfjs backend: wasm/);
  });

  it('refuses bad input with one line', () => {
    expectOneLineFailure(quant(['backtest', '--model', 'arima', '--input', wideCsv, '--horizon', '4']), 2, /--model must be one of/);
    expectOneLineFailure(quant(['backtest', '--model', 'naive', '--input', wideCsv, '--horizon', '4', '--epochs', '3']), 2, /--epochs applies only/);
    expectOneLineFailure(quant(['backtest', '--model', 'naive', '--input', wideCsv, '--horizon', '40', '--test-windows', '2']), 1, /leave too little to train on/);
    expectOneLineFailure(quant(['backtest', '--model', 'naive', '--input', path.join(dir, 'missing.csv'), '--horizon', '4']), 1, /missing\.csv/);
  });
});

describe('tethys-quant train-forecast and forecast', () => {
  it('forecasts with a tiny trained artifact', () => {
    const models = path.join(dir, 'models');
    const trained = quant(['train-forecast', '--model', 'nbeats', '--params', path.join(dir, 'params.json'), '--models-dir', models]);
    expect(trained.status).toBe(0);
    expect(trained.stdout).toMatch(/alpha\s+nbeats/);
    const result = quant(['forecast', '--model', path.join(models, 'timeseries_nbeats'), '--input', wideCsv, '--horizon', '3', '--quantiles', '0.1,0.9', '--json']);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ kind: 'nbeats', trainedOn: 'alpha', horizon: 3 });
    expect(json.forecasts).toHaveLength(2);
    expect(json.forecasts[0].times).toEqual(['60', '61', '62']);
    expect(Object.keys(json.forecasts[0].quantiles)).toEqual(['0.1', '0.9']);
    expectOneLineFailure(
      quant(['forecast', '--model', path.join(models, 'timeseries_nbeats'), '--input', wideCsv, '--horizon', '9']),
      1,
      /horizon/,
    );
    expectOneLineFailure(quant(['forecast', '--model', path.join(dir, 'nowhere'), '--input', wideCsv, '--horizon', '2']), 1, /not found/);
  });
});
