import { tf } from '../tf';
import { describeCause, TfBackendError } from './backend-error';
import type { ModuleLoader } from './module-loader';

export const TFJS_NODE = '@tensorflow/tfjs-node';
export const TFJS_NODE_GPU = '@tensorflow/tfjs-node-gpu';
/** Both native packages register their backend under this one name, so only one of them can load. */
export const NATIVE_BACKEND_NAME = 'tensorflow';

/** The outcome of trying one native package: it runs, it is absent, or it is installed but unusable. */
export type NativeProbe =
  | { status: 'loaded'; usesGpu: boolean }
  | { status: 'not-installed' }
  | { status: 'failed'; detail: string };

/** Which native package this library loaded (it owns the 'tensorflow' backend), if any. */
let nativeOwner: string | null = null;

/** The native package already loaded in this process, if any. */
export function loadedNativePackage(): string | null {
  return nativeOwner;
}

/**
 * Loads a tfjs-node package only if it is installed (neither can install on
 * machines without access to its libtensorflow download) and reports whether
 * its TensorFlow sees a GPU. Does not switch the active backend.
 */
export function probeNativePackage(pkg: string, loader: ModuleLoader): NativeProbe {
  if (nativeOwner !== null && nativeOwner !== pkg) {
    return { status: 'failed', detail: `${nativeOwner} is already loaded and owns the '${NATIVE_BACKEND_NAME}' backend` };
  }
  if (nativeOwner === null) {
    if (tf.findBackendFactory(NATIVE_BACKEND_NAME) != null) {
      return {
        status: 'failed',
        detail: `a '${NATIVE_BACKEND_NAME}' backend was registered outside @tethys/tf-runtime; load tfjs-node only through initTf`,
      };
    }
    if (!loader.isInstalled(pkg)) return { status: 'not-installed' };
    try {
      loader.load(pkg);
    } catch (cause) {
      return { status: 'failed', detail: `${pkg} is installed but failed to load: ${describeCause(cause)}` };
    }
    if (tf.findBackendFactory(NATIVE_BACKEND_NAME) == null) {
      return { status: 'failed', detail: `${pkg} loaded but registered no '${NATIVE_BACKEND_NAME}' backend` };
    }
    nativeOwner = pkg;
  }
  let backend: unknown;
  try {
    // findBackend initialises the backend without making it the active one.
    backend = tf.findBackend(NATIVE_BACKEND_NAME);
  } catch (cause) {
    return { status: 'failed', detail: `${pkg}'s TensorFlow backend failed to initialise: ${describeCause(cause)}` };
  }
  if (backend == null) {
    return { status: 'failed', detail: `${pkg}'s TensorFlow backend failed to initialise` };
  }
  // NodeJSKernelBackend reports whether its libtensorflow found a CUDA device.
  return { status: 'loaded', usesGpu: (backend as { isUsingGpuDevice?: unknown }).isUsingGpuDevice === true };
}

/** Makes the native TensorFlow backend the active one. */
export async function activateNative(requested: string): Promise<void> {
  if (!(await tf.setBackend(NATIVE_BACKEND_NAME))) {
    throw new TfBackendError(requested, `tf.setBackend('${NATIVE_BACKEND_NAME}') failed after loading ${nativeOwner}`, {
      packages: nativeOwner === null ? [] : [nativeOwner],
    });
  }
}

/** Test hook: forget the native backend (removes it from tfjs) so another scenario can load one. */
export function forgetNativeBackendForTests(): void {
  if (tf.findBackendFactory(NATIVE_BACKEND_NAME) != null) tf.removeBackend(NATIVE_BACKEND_NAME);
  nativeOwner = null;
}
