import { TfBackendError } from './backend-error';

/** The environment variable that picks the backend when no option is given. */
export const TF_BACKEND_ENV = 'TETHYS_TF_BACKEND';

/**
 * What a caller may ask for:
 * - `auto`: tfjs-node-gpu when installed and it sees a GPU, else tfjs-node when installed, else wasm;
 * - `gpu`: @tensorflow/tfjs-node-gpu on a CUDA GPU;
 * - `node`: @tensorflow/tfjs-node (native TensorFlow on the CPU);
 * - `webgpu`: @tensorflow/tfjs-backend-webgpu on the `webgpu` package (Dawn);
 * - `wasm`: @tensorflow/tfjs-backend-wasm (SIMD, always installed);
 * - `cpu`: the pure-JavaScript backend (slow; a reference for parity checks).
 */
export const TF_BACKEND_REQUESTS = ['auto', 'gpu', 'node', 'webgpu', 'wasm', 'cpu'] as const;
export type TfBackendRequest = (typeof TF_BACKEND_REQUESTS)[number];

/** One concrete backend (every request except `auto`). */
export type TfBackendChoice = Exclude<TfBackendRequest, 'auto'>;

/** What actually runs; `tfjs-node-gpu` may run on the CPU when its TensorFlow sees no GPU (see `usesGpu`). */
export type TfBackendKind = 'tfjs-node-gpu' | 'tfjs-node' | 'webgpu' | 'wasm' | 'cpu';

export function isTfBackendRequest(value: string): value is TfBackendRequest {
  return (TF_BACKEND_REQUESTS as readonly string[]).includes(value);
}

/** The request and where it came from (for the log line). */
export interface ResolvedRequest {
  request: TfBackendRequest;
  source: string;
}

/**
 * The explicit option wins, then TETHYS_TF_BACKEND, then `auto`. A value
 * that is not a backend is an error naming where it came from, never a
 * silent fallback.
 */
export function resolveBackendRequest(option: string | undefined, env: NodeJS.ProcessEnv): ResolvedRequest {
  if (option !== undefined) {
    return { request: checkRequest(option, 'the backend option'), source: `requested by the backend option` };
  }
  const fromEnv = env[TF_BACKEND_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const value = fromEnv.trim().toLowerCase();
    return { request: checkRequest(value, TF_BACKEND_ENV), source: `requested by ${TF_BACKEND_ENV}=${value}` };
  }
  return { request: 'auto', source: `${TF_BACKEND_ENV} not set` };
}

function checkRequest(value: string, where: string): TfBackendRequest {
  if (isTfBackendRequest(value)) return value;
  throw new TfBackendError(value, `${where}: unknown tfjs backend "${value}"; use one of ${TF_BACKEND_REQUESTS.join(', ')}`);
}
