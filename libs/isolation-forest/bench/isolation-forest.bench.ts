/**
 * Isolation Forest benchmark: 100,000 x 10 points, N(0, 1) inliers and 1%
 * outliers uniform in [-6, 6]^10 (seeded), default params, seed 0. Reports the
 * median of 5 runs after a warm-up for fit and for scoreSamples over all rows,
 * plus ROC-AUC, and runs scikit-learn's IsolationForest(random_state=0) on the
 * same data in a python3 child process as the reference when it is installed.
 *
 * Run: nx run isolation-forest:bench (writes tmp/bench/isolation-forest.json).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRng } from '@tethys/data';
import { median, rocAuc } from '@tethys/finance-math';
import { type DenseMatrix, IsolationForest } from '../src/index';

const ROWS = 100_000;
const COLS = 10;
const OUTLIER_SHARE = 0.01;
const RUNS = 5;
const WORKSPACE_ROOT = resolve(__dirname, '../../..');

interface Timings {
  fitMs: number;
  scoreMs: number;
  rocAuc: number;
}

function makeData(): { X: DenseMatrix; labels: Uint8Array } {
  const rng = createRng(0);
  const data = new Float64Array(ROWS * COLS);
  for (let i = 0; i < data.length; i++) data[i] = rng.normal();
  const labels = new Uint8Array(ROWS);
  for (const row of rng.sampleWithoutReplacement(ROWS, Math.round(ROWS * OUTLIER_SHARE))) {
    labels[row] = 1;
    for (let c = 0; c < COLS; c++) data[row * COLS + c] = rng.uniform(-6, 6);
  }
  return { X: { rows: ROWS, cols: COLS, data }, labels };
}

function timeOurs(X: DenseMatrix, labels: Uint8Array): Timings {
  const once = () => {
    const fitStart = performance.now();
    const model = new IsolationForest({ seed: 0 }).fit(X);
    const fitMs = performance.now() - fitStart;
    const scoreStart = performance.now();
    const scores = model.scoreSamples(X);
    const scoreMs = performance.now() - scoreStart;
    return { fitMs, scoreMs, scores };
  };
  once(); // warm-up: let the JIT compile the hot loops
  const fits: number[] = [];
  const scoresMs: number[] = [];
  let lastScores: Float64Array = new Float64Array(0);
  for (let run = 0; run < RUNS; run++) {
    const { fitMs, scoreMs, scores } = once();
    fits.push(fitMs);
    scoresMs.push(scoreMs);
    lastScores = scores;
  }
  // scoreSamples is high for normal points; negate so outliers (label 1) rank high.
  return { fitMs: median(fits), scoreMs: median(scoresMs), rocAuc: rocAuc(lastScores.map((s) => -s), labels) };
}

const SKLEARN_SCRIPT = `
import json, sys, time
import numpy as np
import sklearn
from sklearn.ensemble import IsolationForest
from sklearn.metrics import roc_auc_score
data = np.loadtxt(sys.argv[1], delimiter=",")
X, y = data[:, :-1], data[:, -1]
runs = int(sys.argv[2])
def once():
    t0 = time.perf_counter(); model = IsolationForest(random_state=0).fit(X); t1 = time.perf_counter()
    scores = model.score_samples(X); t2 = time.perf_counter()
    return (t1 - t0) * 1000, (t2 - t1) * 1000, scores
once()
fits, scores_ms = [], []
for _ in range(runs):
    fit_ms, score_ms, scores = once(); fits.append(fit_ms); scores_ms.append(score_ms)
print(json.dumps({"version": sklearn.__version__, "fitMs": float(np.median(fits)),
                  "scoreMs": float(np.median(scores_ms)), "rocAuc": float(roc_auc_score(y, -scores))}))
`;

/** The first python3 that imports sklearn (TETHYS_PYTHON, then PATH's python3, then the Debian one). */
function findSklearnPython(): string | null {
  const candidates = [process.env.TETHYS_PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => !!c);
  for (const python of candidates) {
    if (spawnSync(python, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0) return python;
  }
  return null;
}

function timeSklearn(python: string, X: DenseMatrix, labels: Uint8Array): (Timings & { version: string }) | null {
  const folder = mkdtempSync(join(tmpdir(), 'tethys-iforest-bench-'));
  try {
    const csvPath = join(folder, 'data.csv');
    const lines: string[] = [];
    for (let r = 0; r < X.rows; r++) {
      // JS number -> string is the shortest round-tripping form, so numpy reads the same doubles.
      lines.push(`${Array.from(X.data.subarray(r * X.cols, (r + 1) * X.cols)).join(',')},${labels[r]}`);
    }
    writeFileSync(csvPath, lines.join('\n') + '\n');
    const child = spawnSync(python, ['-c', SKLEARN_SCRIPT, csvPath, String(RUNS)], {
      encoding: 'utf8',
      env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' },
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) {
      console.error(`scikit-learn reference failed:\n${child.stderr}`);
      return null;
    }
    return JSON.parse(child.stdout.trim().split('\n').pop() as string);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const fmt = (value: number, digits = 1) => value.toFixed(digits);

function main(): void {
  const { X, labels } = makeData();
  const ours = timeOurs(X, labels);
  const python = findSklearnPython();
  const reference = python === null ? null : timeSklearn(python, X, labels);

  const rows = [
    '| implementation | fit (ms) | scoreSamples (ms) | ROC-AUC |',
    '|---|---:|---:|---:|',
    `| @tethys/isolation-forest | ${fmt(ours.fitMs)} | ${fmt(ours.scoreMs)} | ${fmt(ours.rocAuc, 4)} |`,
  ];
  const result: Record<string, unknown> = {
    benchmark: 'isolation-forest',
    data: { rows: ROWS, cols: COLS, outlierShare: OUTLIER_SHARE, seed: 0 },
    params: 'defaults (nEstimators 100, maxSamples auto, contamination auto), seed 0',
    runs: RUNS,
    statistic: 'median after one warm-up run',
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version },
    ours,
    scoreToFitRatio: ours.scoreMs / ours.fitMs,
  };
  if (reference !== null) {
    rows.push(
      `| scikit-learn ${reference.version} (n_jobs=1) | ${fmt(reference.fitMs)} | ${fmt(reference.scoreMs)} | ${fmt(reference.rocAuc, 4)} |`,
      `| ratio ours / sklearn | ${fmt(ours.fitMs / reference.fitMs, 3)} | ${fmt(ours.scoreMs / reference.scoreMs, 3)} | |`,
    );
    result.sklearn = { python, ...reference };
    result.ratios = { fit: ours.fitMs / reference.fitMs, score: ours.scoreMs / reference.scoreMs };
  } else {
    result.sklearn = null;
    result.referenceUnavailable =
      'python3 with scikit-learn was not found (apt-get install python3-sklearn provides it); absolute times only';
  }
  console.log(`\nIsolation Forest, ${ROWS.toLocaleString('en')} x ${COLS}, ${OUTLIER_SHARE * 100}% outliers\n`);
  console.log(rows.join('\n'));
  console.log(`\nscore time / fit time (ours): ${fmt(ours.scoreMs / ours.fitMs, 2)}`);
  if (reference === null) console.log(`reference unavailable: ${result.referenceUnavailable as string}`);

  const outFolder = join(WORKSPACE_ROOT, 'tmp/bench');
  mkdirSync(outFolder, { recursive: true });
  writeFileSync(join(outFolder, 'isolation-forest.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(`\nwrote ${join('tmp/bench', 'isolation-forest.json')}`);
}

main();
