import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ArtifactError } from '@tethys/artifacts';
import { DataError } from '@tethys/data';
import { loadAnomalyDetector } from './detector';
import { smallDataset } from './testing/small-dataset.fixture';
import { trainAnomalyDetector } from './train';
import { readTransactionsCsv } from './transactions-csv';

describe('trainAnomalyDetector', () => {
  const { dir, csv, params } = smallDataset();
  const modelDir = path.join(dir, 'model');
  const readModel = () => Object.fromEntries(readdirSync(modelDir).map((f) => [f, readFileSync(path.join(modelDir, f))]));
  let first: ReturnType<typeof trainAnomalyDetector>;

  const sourceDateEpoch = process.env.SOURCE_DATE_EPOCH;
  beforeAll(() => {
    // The temp dir is no git checkout, so pin createdAt the reproducible-builds way.
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    first = trainAnomalyDetector(params, { root: dir });
  });
  afterAll(() => {
    if (sourceDateEpoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = sourceDateEpoch;
    rmSync(dir, { recursive: true, force: true });
  });

  it('fits on the earlier period and evaluates on the later one', () => {
    const { data, test } = first.metrics;
    expect(data.trainRows + data.testRows).toBe(data.rows);
    expect(data.trainPeriod[1] <= data.testPeriod[0]).toBe(true);
    expect(test.rows).toBe(data.testRows);
    expect(test.positives).toBeGreaterThan(5);
    // Far better than chance on held-out time.
    expect(test.rocAuc).toBeGreaterThan(0.85);
    expect(test.atThreshold.tp + test.atThreshold.fn).toBe(test.positives);
  });

  it('records inputs, outputs and metrics in the manifest', () => {
    const { manifest } = first;
    expect(manifest.createdAt).toBe('2023-11-14T22:13:20.000Z');
    expect(manifest.kind).toBe('anomaly_detector');
    expect(manifest.seed).toBe(3);
    expect(manifest.inputs.map((i) => i.path)).toEqual(['transactions.csv']);
    expect(manifest.outputs.map((o) => o.path)).toEqual(['detector.json', 'feature_pipeline.json', 'forest.json', 'metrics.json']);
    expect(JSON.parse(readFileSync(path.join(modelDir, 'metrics.json'), 'utf8')).test.rocAuc).toBe(first.metrics.test.rocAuc);
  });

  it('is byte-identical when retrained with the same seed', () => {
    const before = readModel();
    trainAnomalyDetector(params, { root: dir });
    const after = readModel();
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const file of Object.keys(before)) expect(after[file].equals(before[file])).toBe(true);
  });

  it('changes with another seed', () => {
    const other = trainAnomalyDetector({ ...params, seed: 4, output: 'model-seed-4' }, { root: dir });
    expect(other.metrics.test.rocAuc).not.toBe(first.metrics.test.rocAuc);
  });

  it('loads back verified and scores exactly as the trained detector did', () => {
    const { detector } = loadAnomalyDetector(modelDir);
    const transactions = readTransactionsCsv(csv).slice(0, 500);
    expect(detector.score(transactions)).toEqual(first.detector.score(transactions));
  });

  it('keeps the previous artifact when a run fails on bad data', () => {
    const before = readModel();
    const broken = path.join(dir, 'broken.csv');
    const lines = readFileSync(csv, 'utf8').split('\n');
    lines[3] = lines[3].replace(/,(\d+\.\d{2}),/, ',lots,');
    writeFileSync(broken, lines.join('\n'));
    expect(() => trainAnomalyDetector({ ...params, data: { ...params.data, transactions: 'broken.csv' } }, { root: dir })).toThrow(
      DataError,
    );
    expect(readModel()).toEqual(before);
  });

  it('refuses to load a tampered artifact', () => {
    const copy = path.join(dir, 'tampered');
    trainAnomalyDetector({ ...params, output: 'tampered' }, { root: dir });
    const file = path.join(copy, 'feature_pipeline.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"minUserHistory": 5/, '"minUserHistory": 6'));
    expect(() => loadAnomalyDetector(copy)).toThrow(ArtifactError);
    expect(() => loadAnomalyDetector(copy)).toThrow(/feature_pipeline\.json/);
  });
});
