/**
 * Training throughput (samples/s) of the LSTM and N-BEATS forecasters on the
 * issue's configurations: LSTM hidden 64, N-BEATS generic 3 blocks x 4 layers of
 * 256; lookback 60, horizon 5, batch 256, on a seeded synthetic multi-series set
 * (200 series x 1,000 steps: level, trend, two seasonalities, AR(1) noise).
 * The forecasters train on SERIES_USED of them as one multi-series fit (windows
 * from every series shuffled together) and the bench times one epoch of
 * fitAsync; samples = training windows. For scale the issue quotes
 * PyTorch's CPU build at about 1,300 (LSTM) and 4,000 (N-BEATS) samples/s on 2
 * cores; printed ratios are against those quoted figures, not a run here.
 *
 * Each model is also timed on tfjs-backend-wasm's stock kernels in the same process
 * (BENCH_SKIP_STOCK=1 skips it), so the runtime's kernel fixes show as a ratio.
 *
 * Run: tsx libs/neural-forecasting/bench/training-throughput.bench.ts  (TETHYS_TF_BACKEND picks the backend)
 */
import { performance } from 'node:perf_hooks';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRng } from '@tethys/data';
import { createTimeSeries } from '@tethys/forecasting';
import { initTf, useStockWasmKernels } from '@tethys/tf-runtime';
import { LstmForecaster, NBeatsForecaster } from '../src';

const SERIES = 200;
const STEPS = 1000;
const SERIES_USED = Number(process.env.BENCH_SERIES ?? 20);
const LOOKBACK = 60;
const HORIZON = 5;
const BATCH = 256;

function syntheticSeries(seed: number): Float64Array[] {
  const rng = createRng(seed);
  return Array.from({ length: SERIES }, () => {
    const level = rng.uniform(50, 150);
    const trend = rng.normal(0, 0.02);
    const weekly = rng.uniform(0, 10);
    const yearly = rng.uniform(0, 20);
    const phi = rng.uniform(0.3, 0.9);
    const values = new Float64Array(STEPS);
    let noise = 0;
    for (let t = 0; t < STEPS; t++) {
      noise = phi * noise + rng.normal(0, 2);
      values[t] = level + trend * t + weekly * Math.sin((2 * Math.PI * t) / 7) + yearly * Math.sin((2 * Math.PI * t) / 365) + noise;
    }
    return values;
  });
}

async function main(): Promise<void> {
  const runtime = await initTf();
  const all = syntheticSeries(7);
  const series = all.slice(0, SERIES_USED).map((values, s) => createTimeSeries(`synthetic_${s}`, values));
  // The last 2% of each series is the validation split; training windows come from the rest.
  const validationFraction = 0.02;
  const windows = SERIES_USED * (STEPS - Math.round(validationFraction * STEPS) - LOOKBACK - HORIZON + 1);
  const common = { lookback: LOOKBACK, horizon: HORIZON, epochs: 1, batchSize: BATCH, patience: 1, validationFraction, seed: 1 };
  const models = [
    { name: 'LSTM (hidden 64)', quoted: 1300, make: () => new LstmForecaster({ ...common, hiddenSize: 64 }) },
    { name: 'N-BEATS generic (3 x 4 x 256)', quoted: 4000, make: () => new NBeatsForecaster({ ...common, stacks: 'generic', blocksPerStack: 3, hiddenLayers: 4, layerWidth: 256 }) },
  ];
  const timeOneEpoch = async (make: () => LstmForecaster | NBeatsForecaster): Promise<number> => {
    const model = make();
    const started = performance.now();
    await model.fitAsync(series);
    const seconds = (performance.now() - started) / 1000;
    model.dispose();
    return seconds;
  };
  // Reference in the same process: the same epoch on tfjs-backend-wasm's own kernels
  // (on the wasm backend only; elsewhere the runtime changes no kernels).
  const compareStock = runtime.backend === 'wasm' && process.env.BENCH_SKIP_STOCK !== '1';
  const results = [];
  for (const { name, quoted, make } of models) {
    const seconds = await timeOneEpoch(make);
    let stockSeconds: number | null = null;
    if (compareStock) {
      useStockWasmKernels(true);
      stockSeconds = await timeOneEpoch(make);
      useStockWasmKernels(false);
    }
    const samplesPerSecond = windows / seconds;
    results.push({
      model: name,
      backend: runtime.backend,
      windows,
      seconds,
      samplesPerSecond,
      stockKernelSamplesPerSecond: stockSeconds === null ? null : windows / stockSeconds,
      ratioToStockKernels: stockSeconds === null ? null : stockSeconds / seconds,
      ratioToQuotedPyTorch: samplesPerSecond / quoted,
    });
  }
  console.log(`| model | backend | windows | seconds | samples/s | vs stock tfjs-wasm kernels (same process) | vs PyTorch CPU (quoted) |\n|---|---|---|---|---|---|---|`);
  for (const r of results) {
    const stock = r.ratioToStockKernels === null ? 'n/a' : `${r.ratioToStockKernels.toFixed(1)}x (${(r.stockKernelSamplesPerSecond ?? 0).toFixed(0)}/s)`;
    console.log(`| ${r.model} | ${r.backend} | ${r.windows} | ${r.seconds.toFixed(1)} | ${r.samplesPerSecond.toFixed(0)} | ${stock} | ${r.ratioToQuotedPyTorch.toFixed(2)}x |`);
  }
  mkdirSync('tmp/bench', { recursive: true });
  writeFileSync('tmp/bench/neural-training-throughput.json', `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
