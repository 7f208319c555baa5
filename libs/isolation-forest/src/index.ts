export { averagePathLength } from './lib/average-path-length';
export { denseMatrix, type DenseMatrix } from './lib/dense-matrix';
export { IsolationForestParamError, NotFittedError } from './lib/errors';
export { IsolationForest } from './lib/isolation-forest';
export { DEFAULT_ISOLATION_FOREST_PARAMS, type IsolationForestParams } from './lib/params';
export {
  type ForestArraysJSON,
  IsolationForestFormatError,
  type IsolationForestJSON,
  type IsolationForestStateJSON,
} from './lib/serialisation';
