import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyWorkspace, run } from './workspace-copy';

/**
 * The Nx pipeline's promises, checked in a scratch copy of the workspace:
 * the train target runs the data target first, a second run is a cache hit,
 * a README change reruns nothing, a params change retrains only that stage,
 * and a change to the generator's params regenerates the data and retrains.
 */
describe('anomaly pipeline caching (nx run trainer-anomaly:train)', () => {
  let dir: string;

  beforeAll(() => {
    dir = copyWorkspace('tethys-pipeline-');
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the train target; returns how each task was satisfied ("ran" or the cache note). */
  function train(): Record<string, string> {
    const result = run(path.join(dir, 'node_modules/.bin/nx'), ['run', 'trainer-anomaly:train', '--output-style=stream-without-prefixes'], dir);
    const output = result.stdout + result.stderr;
    if (result.status !== 0) throw new Error(`nx failed (${result.status}):\n${output}`);
    const tasks: Record<string, string> = {};
    for (const match of output.matchAll(/^> nx run (\S+?:\S+?)(?:\s+\[([^\]]+)\])?\s*$/gm)) {
      tasks[match[1]] = match[2] ?? 'ran';
    }
    return tasks;
  }

  const cached = (note: string | undefined) => note !== undefined && note !== 'ran';

  it('runs the data target first, then trains', () => {
    const tasks = train();
    expect(tasks['transactions-generator:generate']).toBe('ran');
    expect(tasks['trainer-anomaly:train']).toBe('ran');
    const manifest = JSON.parse(readFileSync(path.join(dir, 'models/anomaly_detector/manifest.json'), 'utf8'));
    expect(manifest.kind).toBe('anomaly_detector');
  });

  it('is a full cache hit the second time', () => {
    const tasks = train();
    expect(cached(tasks['transactions-generator:generate'])).toBe(true);
    expect(cached(tasks['trainer-anomaly:train'])).toBe(true);
  });

  it('does not retrain when only a README changes', () => {
    appendFileSync(path.join(dir, 'README.md'), '\nA note.\n');
    writeFileSync(path.join(dir, 'packages/trainer-anomaly/README.md'), '# notes\n');
    const tasks = train();
    expect(cached(tasks['transactions-generator:generate'])).toBe(true);
    expect(cached(tasks['trainer-anomaly:train'])).toBe(true);
  });

  it('retrains only the anomaly stage when its params change', () => {
    const file = path.join(dir, 'packages/trainer-anomaly/params.json');
    const params = JSON.parse(readFileSync(file, 'utf8'));
    params.evaluation.topFalsePositives += 1;
    writeFileSync(file, JSON.stringify(params, null, 2));
    const tasks = train();
    expect(cached(tasks['transactions-generator:generate'])).toBe(true);
    expect(tasks['trainer-anomaly:train']).toBe('ran');
  });

  it('regenerates the data and retrains when the generator params change', () => {
    const file = path.join(dir, 'tools/transactions-generator/params.json');
    const params = JSON.parse(readFileSync(file, 'utf8'));
    params.seed += 1;
    writeFileSync(file, JSON.stringify(params, null, 2));
    const tasks = train();
    expect(tasks['transactions-generator:generate']).toBe('ran');
    expect(tasks['trainer-anomaly:train']).toBe('ran');
  });
});
