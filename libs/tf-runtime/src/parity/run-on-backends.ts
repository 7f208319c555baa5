import { tf } from '../tf';
import { activateChoice, type ActivatedBackend } from '../backend/activate-backend';
import { TfBackendError } from '../backend/backend-error';
import type { TfBackendChoice } from '../backend/backend-request';
import { type ModuleLoader, nodeModuleLoader } from '../backend/module-loader';
import type { WebGpuOptions } from '../backend/webgpu-backend';

export interface BackendRuns<T> {
  /** The function's output per backend that ran. */
  outputs: Partial<Record<TfBackendChoice, T>>;
  /** Why each requested backend that could not run was skipped (its TfBackendError message). */
  unavailable: Partial<Record<TfBackendChoice, string>>;
}

export interface RunOnBackendsOptions {
  env?: NodeJS.ProcessEnv;
  webgpu?: WebGpuOptions;
  loader?: ModuleLoader;
}

/**
 * Runs `fn` once under each backend, in order, and collects the outputs, for
 * parity checks (the same model step on cpu, wasm, webgpu...). A backend
 * that cannot run here is listed in `unavailable`, not thrown; an error from
 * `fn` itself is thrown. The backend active before the call is restored.
 *
 * `fn` should return plain data (numbers, typed arrays): tensors belong to
 * the backend that made them and should be read (with `await t.data()`:
 * webgpu cannot read synchronously in Node) and disposed inside `fn`.
 * After a run that included webgpu, call `releaseWebGpu()` so the process can exit.
 */
export async function runOnBackends<T>(
  fn: (backend: ActivatedBackend) => T | Promise<T>,
  backends: readonly TfBackendChoice[],
  options: RunOnBackendsOptions = {},
): Promise<BackendRuns<T>> {
  const context = { loader: options.loader ?? nodeModuleLoader(), env: options.env ?? process.env, webgpu: options.webgpu ?? {} };
  const previous = tf.getBackend();
  const runs: BackendRuns<T> = { outputs: {}, unavailable: {} };
  try {
    for (const choice of backends) {
      let activated: ActivatedBackend;
      try {
        activated = await activateChoice(choice, 'parity run', context);
      } catch (error) {
        if (!(error instanceof TfBackendError)) throw error;
        runs.unavailable[choice] = error.message;
        continue;
      }
      runs.outputs[choice] = await fn(activated);
    }
  } finally {
    // getBackend() answers undefined-ish before any backend ran; then there is nothing to restore.
    if (previous && tf.getBackend() !== previous) await tf.setBackend(previous);
  }
  return runs;
}

/** The largest |a[i] - b[i]|; a length mismatch is an error, not a large number. */
export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`maxAbsDifference: lengths differ (${a.length} vs ${b.length})`);
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const difference = Math.abs(a[i] - b[i]);
    if (Number.isNaN(difference)) return Number.NaN;
    if (difference > max) max = difference;
  }
  return max;
}
