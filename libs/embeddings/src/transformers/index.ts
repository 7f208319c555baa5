export { TransformersEmbedder, type TransformersEmbedderOptions } from './transformers-embedder';
export { REQUIRED_MODEL_FILES, folderIdentityHash, inspectModelFolder, type ModelFolderInfo } from './model-folder';
