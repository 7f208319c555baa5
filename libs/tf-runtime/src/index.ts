export { tf } from './tf';
export {
  initTf,
  releaseWebGpu,
  type InitTfOptions,
  type TfRuntime,
} from './backend/init-tf';
export type { ActivatedBackend } from './backend/activate-backend';
export {
  TF_BACKEND_ENV,
  TF_BACKEND_REQUESTS,
  isTfBackendRequest,
  type TfBackendChoice,
  type TfBackendKind,
  type TfBackendRequest,
} from './backend/backend-request';
export { TfBackendError } from './backend/backend-error';
export type { ModuleLoader } from './backend/module-loader';
export {
  SOFTWARE_ADAPTER_APT_PACKAGES,
  WEBGPU_ADAPTER_ENV,
  type WebGpuOptions,
} from './backend/webgpu-backend';
export { wasmBinaryFolder } from './backend/wasm-backend';
export { useStockWasmKernels } from './backend/wasm-kernel-overrides';
export {
  MODEL_JSON_FILE,
  WEIGHTS_FILE,
  modelArtifactsToFiles,
  modelFilesLoadHandler,
  type ModelFileReader,
} from './io/model-files';
export { ModelFilesError, type ModelFilesErrorCode } from './io/model-files-error';
export { fileSystemLoadHandler, fileSystemSaveHandler } from './io/file-system-handlers';
export {
  captureModelArtifacts,
  loadLayersModelFromDirectory,
  modelToFiles,
  saveModelToDirectory,
} from './io/model-directory';
export { seededInitializers, type SeededInitializers, type TfInitializer } from './random/seeded-initializers';
export { seededShuffle } from './random/seeded-shuffle';
export { maxAbsDifference, runOnBackends, type BackendRuns, type RunOnBackendsOptions } from './parity/run-on-backends';
export {
  onTrainingEpoch,
  reportTrainingEpoch,
  ttyProgressBar,
  type EpochListener,
  type EpochProgress,
  type ProgressStream,
} from './training/training-progress';
