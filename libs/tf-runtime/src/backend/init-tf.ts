import { tf } from '../tf';
import { activateBackend, type ActivatedBackend } from './activate-backend';
import { resolveBackendRequest, type TfBackendRequest } from './backend-request';
import { type ModuleLoader, nodeModuleLoader } from './module-loader';
import { releaseWebGpuBackend, type WebGpuOptions } from './webgpu-backend';

export interface InitTfOptions {
  /** Which backend; default env TETHYS_TF_BACKEND, else 'auto'. */
  backend?: TfBackendRequest;
  /** Where TETHYS_TF_BACKEND (and TETHYS_WEBGPU_ADAPTER) are read; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Receives the one line saying which backend runs and why; default: stderr (stdout stays clean for --json). */
  log?: (line: string) => void;
  /** WebGPU adapter settings (only read for the webgpu backend). */
  webgpu?: WebGpuOptions;
  /** How optional backend packages are found; tests pass a fake. */
  loader?: ModuleLoader;
}

/** The running tfjs: the namespace every user computes with, and which backend it runs on. */
export interface TfRuntime extends ActivatedBackend {
  tf: typeof tf;
  /** What was asked for (`auto` included). */
  requested: TfBackendRequest;
}

let current: { request: TfBackendRequest; runtime: Promise<TfRuntime> } | null = null;

/**
 * Picks, loads and activates the tfjs backend, logging exactly one line:
 * `tfjs backend: wasm (auto: tfjs-node-gpu and tfjs-node not installed)`.
 *
 * Idempotent: a second call asking for the same backend returns the same
 * runtime object without logging (concurrent calls share one activation).
 * Asking for another backend switches to it and logs again. Throws
 * TfBackendError when an explicitly requested backend cannot run.
 */
export async function initTf(options: InitTfOptions = {}): Promise<TfRuntime> {
  const env = options.env ?? process.env;
  const { request, source } = resolveBackendRequest(options.backend, env);
  if (current !== null && current.request === request) {
    const runtime = await current.runtime;
    // Someone (runOnBackends, a test) may have switched tfjs meanwhile; put our backend back.
    if (tf.getBackend() !== runtime.tfBackendName) await tf.setBackend(runtime.tfBackendName);
    return runtime;
  }
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const context = { loader: options.loader ?? nodeModuleLoader(), env, webgpu: options.webgpu ?? {} };
  // Activations run one after another, so two different requests in flight cannot interleave their setBackend calls.
  const after = current === null ? Promise.resolve() : current.runtime.then(noop, noop);
  const pending = after.then(() => activateBackend(request, source, context)).then((activated): TfRuntime => {
    log(`tfjs backend: ${activated.backend} (${activated.reason})`);
    return { tf, requested: request, ...activated };
  });
  const previous = current;
  current = { request, runtime: pending };
  try {
    return await pending;
  } catch (error) {
    // A failed activation is not cached (fixing the environment and calling again must work);
    // the runtime that was running before stays the current one.
    if (current?.runtime === pending) current = previous;
    throw error;
  }
}

/**
 * Releases the webgpu backend: disposes it, destroys its GPU device and
 * removes Dawn's `navigator.gpu`. Without this a process (or jest worker)
 * that ran webgpu does not exit. Read tensors with `await t.data()` and
 * dispose them first; afterwards tfjs has no active backend until the next
 * initTf / tf.setBackend. A cached webgpu runtime is forgotten, so a later
 * initTf({ backend: 'webgpu' }) installs Dawn again. Returns whether there
 * was anything to release.
 */
export async function releaseWebGpu(): Promise<boolean> {
  if (current?.request === 'webgpu') {
    await current.runtime.then(noop, noop); // never release in the middle of an activation
    current = null;
  }
  return releaseWebGpuBackend();
}

function noop(): void {}

/** Test hook: forget the cached runtime so the next initTf activates and logs again. */
export function forgetTfRuntimeForTests(): void {
  current = null;
}
