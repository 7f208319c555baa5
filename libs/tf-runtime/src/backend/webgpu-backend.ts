import { tf } from '../tf';
import { describeCause, TfBackendError } from './backend-error';
import type { ModuleLoader } from './module-loader';

export const DAWN_PACKAGE = 'webgpu';
export const TFJS_WEBGPU = '@tensorflow/tfjs-backend-webgpu';

/** How to reach a WebGPU adapter from Node through Dawn. */
export interface WebGpuOptions {
  /**
   * Use a software adapter (Mesa's OpenGL ES through EGL, no GPU needed) so
   * CI can exercise the WebGPU path. Default: env TETHYS_WEBGPU_ADAPTER=software.
   */
  software?: boolean;
  /** Extra Dawn toggles passed to `create` (e.g. `enable-dawn-features=...`). */
  dawnFlags?: string[];
}

/** The slice of the `webgpu` package's exports this code uses. */
interface DawnModule {
  create(flags: string[]): GpuLike;
  globals: Record<string, unknown>;
}

interface GpuLike {
  requestAdapter(options?: Record<string, unknown>): Promise<AdapterLike | null>;
}

interface AdapterLike {
  info?: unknown;
  requestAdapterInfo?: () => Promise<unknown>;
}

let installedGpu: { software: boolean } | null = null;

/**
 * Installs Dawn as `navigator.gpu`, loads @tensorflow/tfjs-backend-webgpu
 * (which registers itself only when navigator.gpu exists, so the order
 * matters) and switches to it. Both packages are optional: when either is
 * missing the error says to install them.
 */
export async function activateWebGpu(
  loader: ModuleLoader,
  options: WebGpuOptions,
  env: NodeJS.ProcessEnv,
): Promise<{ software: boolean; adapter: string }> {
  const missing = [DAWN_PACKAGE, TFJS_WEBGPU].filter((pkg) => !loader.isInstalled(pkg));
  if (missing.length > 0) {
    throw new TfBackendError('webgpu', `webgpu backend needs the packages ${DAWN_PACKAGE} and ${TFJS_WEBGPU}`, {
      packages: missing,
    });
  }
  const software = options.software ?? env.TETHYS_WEBGPU_ADAPTER?.trim().toLowerCase() === 'software';
  if (installedGpu === null) {
    installDawnAsNavigatorGpu(loader, software, options.dawnFlags ?? []);
    installedGpu = { software };
    try {
      loader.load(TFJS_WEBGPU);
    } catch (cause) {
      throw new TfBackendError('webgpu', `${TFJS_WEBGPU} failed to load: ${describeCause(cause)}`, { packages: [TFJS_WEBGPU], cause });
    }
  } else if (installedGpu.software !== software) {
    throw new TfBackendError('webgpu', 'the WebGPU adapter kind (software/hardware) cannot change once Dawn is installed in this process');
  }
  if (tf.findBackendFactory('webgpu') == null) {
    throw new TfBackendError('webgpu', `${TFJS_WEBGPU} loaded but registered no 'webgpu' backend (was it imported before initTf?)`, {
      packages: [TFJS_WEBGPU],
    });
  }
  if (!(await tf.setBackend('webgpu'))) {
    const hint = software
      ? 'the software adapter needs Mesa (libvulkan1, mesa-vulkan-drivers, libegl) and EGL_PLATFORM=surfaceless'
      : 'no GPU adapter was found; set TETHYS_WEBGPU_ADAPTER=software to use the software adapter';
    throw new TfBackendError('webgpu', `tf.setBackend('webgpu') failed: ${hint}`, { packages: [DAWN_PACKAGE, TFJS_WEBGPU] });
  }
  return { software, adapter: software ? 'Dawn software adapter (OpenGL ES)' : 'Dawn' };
}

function installDawnAsNavigatorGpu(loader: ModuleLoader, software: boolean, extraFlags: string[]): void {
  let dawn: DawnModule;
  try {
    dawn = loader.load(DAWN_PACKAGE) as DawnModule;
  } catch (cause) {
    throw new TfBackendError('webgpu', `${DAWN_PACKAGE} failed to load: ${describeCause(cause)}`, { packages: [DAWN_PACKAGE], cause });
  }
  if (software) {
    // Mesa's EGL must not look for a display server on a headless machine; Dawn reads the real process env.
    process.env.EGL_PLATFORM ??= 'surfaceless';
  }
  const flags = software ? ['backend=opengles', ...extraFlags] : extraFlags;
  const gpu = dawn.create(flags);
  Object.assign(globalThis, dawn.globals);
  const navigatorGpu = {
    requestAdapter: async (adapterOptions: Record<string, unknown> = {}) => {
      // The OpenGL ES adapter exists only at the 'compatibility' feature level, which tfjs never asks for.
      const adapter = await gpu.requestAdapter(software ? { ...adapterOptions, featureLevel: 'compatibility' } : adapterOptions);
      if (adapter !== null) addRequestAdapterInfo(adapter);
      return adapter;
    },
  };
  const existing = (globalThis as { navigator?: object }).navigator;
  // Node 21+ defines a read-only-ish navigator; redefine it rather than assigning.
  Object.defineProperty(globalThis, 'navigator', {
    value: Object.assign(Object.create(existing ?? null) as object, { gpu: navigatorGpu }),
    configurable: true,
    writable: true,
  });
}

/** Recent Dawn exposes `adapter.info` and dropped `requestAdapterInfo()`, which tfjs 4.22 still calls. */
function addRequestAdapterInfo(adapter: AdapterLike): void {
  if (typeof adapter.requestAdapterInfo === 'function' || adapter.info === undefined) return;
  try {
    Object.defineProperty(adapter, 'requestAdapterInfo', { value: async () => adapter.info, configurable: true });
  } catch {
    // A non-extensible adapter keeps its own API; tfjs then reports the real problem.
  }
}
