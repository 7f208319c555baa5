import type { ForestArrays } from './forest-arrays';
import type { IsolationForestParams } from './params';

export const ISOLATION_FOREST_FORMAT = 'tethys/isolation-forest';
export const ISOLATION_FOREST_FORMAT_VERSION = 1;

/** The trees as plain arrays (see ForestArrays for their meaning). */
export interface ForestArraysJSON {
  offsets: number[];
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  size: number[];
}

/** Everything `fit` learned. */
export interface IsolationForestStateJSON {
  nFeatures: number;
  nTrainingSamples: number;
  maxSamplesUsed: number;
  maxDepth: number;
  offset: number;
  /** Notes scikit-learn would have printed as warnings (e.g. maxSamples clipped to n). */
  warnings: string[];
  featureSubsets: number[][];
  trees: ForestArraysJSON;
}

/** `IsolationForest.toJSON()`: plain JSON; JSON numbers carry doubles exactly, so scores survive a round trip. */
export interface IsolationForestJSON {
  format: typeof ISOLATION_FOREST_FORMAT;
  version: typeof ISOLATION_FOREST_FORMAT_VERSION;
  params: IsolationForestParams;
  state: IsolationForestStateJSON;
}

/** A serialised model that does not have the expected shape; the message names the offending field. */
export class IsolationForestFormatError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`IsolationForest.fromJSON: ${field}: ${message}`);
    this.name = 'IsolationForestFormatError';
  }
}

export function forestArraysToJSON(arrays: ForestArrays): ForestArraysJSON {
  return {
    offsets: Array.from(arrays.treeOffsets),
    feature: Array.from(arrays.feature),
    threshold: Array.from(arrays.threshold),
    left: Array.from(arrays.left),
    right: Array.from(arrays.right),
    size: Array.from(arrays.size),
  };
}

function record(value: unknown, field: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new IsolationForestFormatError(field, 'must be an object');
  }
  return value as Record<string, unknown>;
}

function integer(value: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new IsolationForestFormatError(field, `must be an integer in [${min}, ${max}], got ${String(value)}`);
  }
  return value;
}

function finite(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new IsolationForestFormatError(field, `must be a finite number, got ${String(value)}`);
  }
  return value;
}

function numberArray(value: unknown, field: string, length?: number): number[] {
  if (!Array.isArray(value)) throw new IsolationForestFormatError(field, 'must be an array of numbers');
  if (length !== undefined && value.length !== length) {
    throw new IsolationForestFormatError(field, `must have ${length} entries, got ${value.length}`);
  }
  for (let i = 0; i < value.length; i++) {
    if (typeof value[i] !== 'number' || !Number.isFinite(value[i])) {
      throw new IsolationForestFormatError(`${field}[${i}]`, `must be a finite number, got ${String(value[i])}`);
    }
  }
  return value as number[];
}

function int32Array(value: unknown, field: string, length?: number): Int32Array {
  const numbers = numberArray(value, field, length);
  for (let i = 0; i < numbers.length; i++) {
    if (!Number.isInteger(numbers[i]) || numbers[i] < -1 || numbers[i] > 2 ** 31 - 1) {
      throw new IsolationForestFormatError(`${field}[${i}]`, `must be an integer >= -1, got ${numbers[i]}`);
    }
  }
  return Int32Array.from(numbers);
}

export interface ParsedState {
  nFeatures: number;
  nTrainingSamples: number;
  maxSamplesUsed: number;
  maxDepth: number;
  offset: number;
  warnings: string[];
  featureSubsets: Int32Array[];
  arrays: ForestArrays;
}

/** The envelope: format tag, version, and the raw params/state objects. */
export function parseEnvelope(json: unknown): { params: unknown; state: Record<string, unknown> } {
  const root = record(json, '(root)');
  if (root.format !== ISOLATION_FOREST_FORMAT) {
    throw new IsolationForestFormatError('format', `must be '${ISOLATION_FOREST_FORMAT}', got ${String(root.format)}`);
  }
  if (root.version !== ISOLATION_FOREST_FORMAT_VERSION) {
    throw new IsolationForestFormatError('version', `must be ${ISOLATION_FOREST_FORMAT_VERSION}, got ${String(root.version)}`);
  }
  return { params: record(root.params, 'params'), state: record(root.state, 'state') };
}

/**
 * Validates the learned state, including the tree structure: every tree is a
 * proper binary tree in pre-order (children after parents, inside the tree),
 * split features are in the tree's subset, and node sizes add up. That makes
 * scoring a loaded model safe: every descent ends at a leaf.
 */
export function parseState(state: Record<string, unknown>, options: { bootstrap: boolean }): ParsedState {
  const nFeatures = integer(state.nFeatures, 'state.nFeatures', 1);
  const nTrainingSamples = integer(state.nTrainingSamples, 'state.nTrainingSamples', 1);
  const maxSamplesUsed = integer(state.maxSamplesUsed, 'state.maxSamplesUsed', 1, nTrainingSamples);
  const expectedDepth = Math.ceil(Math.log2(Math.max(maxSamplesUsed, 2)));
  const maxDepth = integer(state.maxDepth, 'state.maxDepth', expectedDepth, expectedDepth);
  const offset = finite(state.offset, 'state.offset');
  if (!Array.isArray(state.warnings) || !state.warnings.every((w) => typeof w === 'string')) {
    throw new IsolationForestFormatError('state.warnings', 'must be an array of strings');
  }
  const warnings = [...(state.warnings as string[])];

  const trees = record(state.trees, 'state.trees');
  const offsets = int32Array(trees.offsets, 'state.trees.offsets');
  const nTrees = offsets.length - 1;
  if (nTrees < 1) throw new IsolationForestFormatError('state.trees.offsets', 'must hold at least two offsets');
  const nodeCount = offsets[nTrees];
  if (offsets[0] !== 0) throw new IsolationForestFormatError('state.trees.offsets[0]', 'must be 0');
  for (let t = 0; t < nTrees; t++) {
    if (offsets[t + 1] <= offsets[t]) {
      throw new IsolationForestFormatError(`state.trees.offsets[${t + 1}]`, 'offsets must increase strictly');
    }
  }
  const arrays: ForestArrays = {
    treeOffsets: offsets,
    feature: int32Array(trees.feature, 'state.trees.feature', nodeCount),
    threshold: Float64Array.from(numberArray(trees.threshold, 'state.trees.threshold', nodeCount)),
    left: int32Array(trees.left, 'state.trees.left', nodeCount),
    right: int32Array(trees.right, 'state.trees.right', nodeCount),
    size: int32Array(trees.size, 'state.trees.size', nodeCount),
  };

  if (!Array.isArray(state.featureSubsets) || state.featureSubsets.length !== nTrees) {
    throw new IsolationForestFormatError('state.featureSubsets', `must be an array of ${nTrees} arrays (one per tree)`);
  }
  const featureSubsets = state.featureSubsets.map((subset: unknown, t: number) => {
    const field = `state.featureSubsets[${t}]`;
    const columns = int32Array(subset, field);
    if (columns.length < 1) throw new IsolationForestFormatError(field, 'must name at least one feature');
    for (let i = 0; i < columns.length; i++) {
      if (columns[i] < 0 || columns[i] >= nFeatures || (i > 0 && columns[i] <= columns[i - 1])) {
        throw new IsolationForestFormatError(field, `must be ascending distinct columns in [0, ${nFeatures})`);
      }
    }
    return columns;
  });

  for (let t = 0; t < nTrees; t++) checkTree(arrays, t, featureSubsets[t], maxSamplesUsed, maxDepth, options.bootstrap);
  return { nFeatures, nTrainingSamples, maxSamplesUsed, maxDepth, offset, warnings, featureSubsets, arrays };
}

function checkTree(
  arrays: ForestArrays,
  t: number,
  subset: Int32Array,
  maxSamplesUsed: number,
  maxDepth: number,
  bootstrap: boolean,
): void {
  const { treeOffsets, feature, left, right, size } = arrays;
  const start = treeOffsets[t];
  const end = treeOffsets[t + 1];
  const fail = (node: number, message: string) => {
    throw new IsolationForestFormatError(`state.trees (tree ${t}, node ${node})`, message);
  };
  // Without bootstrap the root holds exactly maxSamplesUsed rows; with it, the distinct rows drawn.
  if (bootstrap ? size[start] > maxSamplesUsed : size[start] !== maxSamplesUsed) {
    fail(start, `root size ${size[start]} does not fit maxSamplesUsed ${maxSamplesUsed} (bootstrap ${bootstrap})`);
  }
  const parents = new Int32Array(end - start).fill(-1);
  const depth = new Int32Array(end - start);
  for (let node = start; node < end; node++) {
    if (node > start && parents[node - start] < 0) fail(node, 'is not the child of any earlier node');
    if (size[node] < 1) fail(node, 'size must be >= 1');
    if (feature[node] === -1) {
      if (left[node] !== -1 || right[node] !== -1) fail(node, 'a leaf (feature -1) must have children -1');
      continue;
    }
    if (!subset.includes(feature[node])) fail(node, `split feature ${feature[node]} is not in the tree's feature subset`);
    if (depth[node - start] >= maxDepth) fail(node, `splits at depth ${depth[node - start]}, the depth limit is ${maxDepth}`);
    for (const child of [left[node], right[node]]) {
      if (child <= node || child >= end) fail(node, `child ${child} must lie after the node within the tree`);
      if (parents[child - start] >= 0) fail(child, 'has two parents');
      parents[child - start] = node;
      depth[child - start] = depth[node - start] + 1;
    }
    if (left[node] === right[node] || size[left[node]] + size[right[node]] !== size[node]) {
      fail(node, 'children sizes must add up to the node size');
    }
  }
}
