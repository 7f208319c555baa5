import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadArtifact, writeArtifact } from '@tethys/artifacts';
import { forgetTfRuntimeForTests, initTf } from '../backend/init-tf';
import { fixedInputs, smallDenseModel, weightValues } from '../testing/small-models.fixture';
import { tf } from '../tf';
import { fileSystemLoadHandler, fileSystemSaveHandler } from './file-system-handlers';
import { loadLayersModelFromDirectory, modelToFiles, saveModelToDirectory } from './model-directory';
import { ModelFilesError } from './model-files-error';
import { modelFilesLoadHandler } from './model-files';

let root: string;

beforeAll(async () => {
  await initTf({ backend: 'wasm', log: () => undefined });
});
afterAll(() => forgetTfRuntimeForTests());
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tf-runtime-io-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function predict(model: tf.LayersModel): Float32Array {
  return tf.tidy(() => (model.predict(tf.tensor2d(fixedInputs(4, 3))) as tf.Tensor).dataSync() as Float32Array);
}

describe('file-system model IO', () => {
  it('round-trips a model: identical predictions and weights, standard tfjs layout', async () => {
    const model = smallDenseModel(11);
    model.setUserDefinedMetadata({ lookback: 60, scaler: 'standard' });
    const dir = join(root, 'model');
    const result = await saveModelToDirectory(model, dir);
    expect(result.modelArtifactsInfo.modelTopologyType).toBe('JSON');

    expect(readdirSync(dir).sort()).toEqual(['model.json', 'weights.bin']);
    const modelJson = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    expect(modelJson).toMatchObject({
      format: 'layers-model',
      generatedBy: expect.stringMatching(/^TensorFlow\.js tfjs-layers v/),
      convertedBy: null,
      userDefinedMetadata: { lookback: 60, scaler: 'standard' },
    });
    expect(modelJson.weightsManifest).toHaveLength(1);
    expect(modelJson.weightsManifest[0].paths).toEqual(['weights.bin']);
    expect(modelJson.weightsManifest[0].weights.map((w: { shape: number[] }) => w.shape)).toEqual([[3, 5], [5], [5, 2], [2]]);
    expect(readFileSync(join(dir, 'weights.bin')).byteLength).toBe(4 * (15 + 5 + 10 + 2));

    const loaded = await loadLayersModelFromDirectory(dir);
    expect(predict(loaded)).toEqual(predict(model));
    expect(weightValues(loaded)).toEqual(weightValues(model));
    expect(loaded.getUserDefinedMetadata()).toEqual({ lookback: 60, scaler: 'standard' });
    model.dispose();
    loaded.dispose();
  });

  it('replaces an earlier model in the same directory and leaves no temp folders behind', async () => {
    const dir = join(root, 'model');
    const first = smallDenseModel(1);
    const second = smallDenseModel(2);
    await first.save(fileSystemSaveHandler(dir));
    await second.save(fileSystemSaveHandler(dir));
    const loaded = await tf.loadLayersModel(fileSystemLoadHandler(dir));
    expect(predict(loaded)).toEqual(predict(second));
    expect(predict(loaded)).not.toEqual(predict(first));
    expect(readdirSync(root)).toEqual(['model']);
    [first, second, loaded].forEach((m) => m.dispose());
  });

  it('refuses to replace a directory that holds other files (an artifact), leaving it untouched', async () => {
    const dir = join(root, 'artifact');
    mkdirSync(dir);
    writeFileSync(join(dir, 'manifest.json'), '{}');
    const model = smallDenseModel(3);
    const attempt = saveModelToDirectory(model, dir);
    await expect(attempt).rejects.toThrow(ModelFilesError);
    await expect(saveModelToDirectory(model, dir)).rejects.toMatchObject({ code: 'UNEXPECTED_FILE', message: expect.stringContaining('manifest.json') });
    expect(readdirSync(dir)).toEqual(['manifest.json']);
    expect(readdirSync(root)).toEqual(['artifact']);
    model.dispose();
  });

  it('names the missing directory or file', async () => {
    await expect(loadLayersModelFromDirectory(join(root, 'nowhere'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      file: 'model.json',
    });
    const dir = join(root, 'model');
    const model = smallDenseModel(4);
    await saveModelToDirectory(model, dir);
    rmSync(join(dir, 'weights.bin'));
    await expect(loadLayersModelFromDirectory(dir)).rejects.toMatchObject({ code: 'NOT_FOUND', file: 'weights.bin' });
    model.dispose();
  });

  it('rejects truncated weights instead of loading garbage', async () => {
    const dir = join(root, 'model');
    const model = smallDenseModel(5);
    await saveModelToDirectory(model, dir);
    truncateSync(join(dir, 'weights.bin'), 100);
    await expect(loadLayersModelFromDirectory(dir)).rejects.toMatchObject({
      code: 'WEIGHTS_SIZE_MISMATCH',
      message: expect.stringContaining('hold 100 bytes but the manifest\'s 4 weights need 128'),
    });
    model.dispose();
  });

  it('rejects a malformed model.json and manifest paths that leave the folder', async () => {
    const dir = join(root, 'model');
    mkdirSync(dir);
    writeFileSync(join(dir, 'model.json'), '{"modelTopology": ');
    await expect(loadLayersModelFromDirectory(dir)).rejects.toMatchObject({ code: 'MALFORMED_MODEL_JSON', file: 'model.json' });
    writeFileSync(join(dir, 'model.json'), JSON.stringify({ weightsManifest: [] }));
    await expect(loadLayersModelFromDirectory(dir)).rejects.toThrow('model.json: modelTopology is missing');
    writeFileSync(
      join(dir, 'model.json'),
      JSON.stringify({ modelTopology: {}, weightsManifest: [{ paths: ['../secrets.bin'], weights: [] }] }),
    );
    await expect(loadLayersModelFromDirectory(dir)).rejects.toMatchObject({ code: 'UNSAFE_PATH' });
  });

  it('keeps a model inside a verified artifact: modelToFiles -> writeArtifact -> loadArtifact', async () => {
    const model = smallDenseModel(6);
    const dir = join(root, 'timeseries_test');
    writeArtifact({
      dir,
      kind: 'tf-runtime-test',
      producer: { package: '@tethys/tf-runtime', version: '0.1.0' },
      seed: 6,
      params: {},
      inputs: [],
      files: { ...(await modelToFiles(model)), 'scaler.json': '{"mean":0}' },
      metrics: {},
    });
    const artifact = loadArtifact(dir, { kind: 'tf-runtime-test' });
    const loaded = await tf.loadLayersModel(modelFilesLoadHandler((path) => artifact.readBytes(path), dir));
    expect(predict(loaded)).toEqual(predict(model));
    model.dispose();
    loaded.dispose();
  });
});
