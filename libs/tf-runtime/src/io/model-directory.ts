import { tf } from '../tf';
import { fileSystemLoadHandler, fileSystemSaveHandler } from './file-system-handlers';
import { modelArtifactsToFiles } from './model-files';

/** Saves a layers model as `dir/model.json` + `dir/weights.bin` (atomically, see fileSystemSaveHandler). */
export async function saveModelToDirectory(model: tf.LayersModel, dir: string, config?: tf.io.SaveConfig): Promise<tf.io.SaveResult> {
  return model.save(fileSystemSaveHandler(dir), config);
}

/** Loads a layers model saved by saveModelToDirectory (or any standard tfjs layers model folder). */
export async function loadLayersModelFromDirectory(dir: string, options?: tf.io.LoadOptions): Promise<tf.LayersModel> {
  return tf.loadLayersModel(fileSystemLoadHandler(dir), options);
}

/** A model's save artifacts in memory (nothing written), for callers that write files themselves. */
export async function captureModelArtifacts(model: tf.LayersModel, config?: tf.io.SaveConfig): Promise<tf.io.ModelArtifacts> {
  let captured: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      captured = artifacts;
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
    config,
  );
  if (captured === null) throw new Error('model.save did not hand its artifacts to the save handler');
  return captured;
}

/**
 * `model.json` + `weights.bin` contents of a model, to pass into writeArtifact's
 * `files` so the model lives inside a verified artifact directory.
 */
export async function modelToFiles(model: tf.LayersModel, config?: tf.io.SaveConfig): Promise<Record<string, Uint8Array | string>> {
  return modelArtifactsToFiles(await captureModelArtifacts(model, config));
}
