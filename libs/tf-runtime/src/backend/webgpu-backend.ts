import { tf } from '../tf';
import { describeCause, TfBackendError } from './backend-error';
import { DAWN_PACKAGE, describeAdapter, type InstalledDawn, installDawnAsNavigatorGpu, isCpuRasteriser } from './dawn-gpu';
import type { ModuleLoader } from './module-loader';

export { DAWN_PACKAGE } from './dawn-gpu';
export const TFJS_WEBGPU = '@tensorflow/tfjs-backend-webgpu';
/** `software` picks Mesa's OpenGL ES adapter (no GPU needed); `hardware` (or unset) lets Dawn pick a GPU. */
export const WEBGPU_ADAPTER_ENV = 'TETHYS_WEBGPU_ADAPTER';
/** Apt packages the software adapter needs (Dawn dlopens the unversioned libEGL.so, hence libegl-dev). */
export const SOFTWARE_ADAPTER_APT_PACKAGES = ['libegl1', 'libegl-mesa0', 'libegl-dev', 'libgl1-mesa-dri'] as const;

const WEBGPU = 'webgpu';

/** How to reach a WebGPU adapter from Node through Dawn. */
export interface WebGpuOptions {
  /**
   * Use a software adapter (Mesa's OpenGL ES through EGL, no GPU needed) so
   * CI can exercise the WebGPU path. Default: env TETHYS_WEBGPU_ADAPTER=software.
   */
  software?: boolean;
  /** Extra Dawn toggles passed to `create` (e.g. `enable-dawn-features=...`). */
  dawnFlags?: string[];
  /**
   * Let tfjs run ops on small tensors on its CPU backend (tfjs' WEBGPU_CPU_FORWARD).
   * Default false: every op runs on the WebGPU kernels, so parity checks test them.
   */
  cpuForward?: boolean;
}

export interface WebGpuActivation {
  software: boolean;
  /** Whether the adapter is a real GPU (a software or CPU-rasteriser adapter is not). */
  usesGpu: boolean;
  /** For the log line: which adapter and what Dawn says about it. */
  adapter: string;
}

interface BackendFactoryEntry {
  factory: () => tf.KernelBackend | Promise<tf.KernelBackend>;
  priority: number;
}

let dawn: InstalledDawn | null = null;
/** tfjs-backend-webgpu registers its factory once, on import; kept so webgpu can come back after a release. */
let webgpuFactory: BackendFactoryEntry | null = null;

/**
 * Installs Dawn as `navigator.gpu`, loads @tensorflow/tfjs-backend-webgpu
 * (which registers itself only when navigator.gpu exists, so the order
 * matters) and switches to it. Both packages are optional: when either is
 * missing the error says to install them.
 */
export async function activateWebGpu(loader: ModuleLoader, options: WebGpuOptions, env: NodeJS.ProcessEnv): Promise<WebGpuActivation> {
  const missing = [DAWN_PACKAGE, TFJS_WEBGPU].filter((pkg) => !loader.isInstalled(pkg));
  if (missing.length > 0) {
    throw new TfBackendError(WEBGPU, `webgpu backend needs the packages ${DAWN_PACKAGE} and ${TFJS_WEBGPU}`, { packages: missing });
  }
  const software = options.software ?? softwareFromEnv(env);
  if (dawn === null) {
    dawn = installDawnAsNavigatorGpu(loader, software, options.dawnFlags ?? []);
    registerWebGpuFactory(loader);
  } else if (dawn.software !== software) {
    throw new TfBackendError(
      WEBGPU,
      `the WebGPU adapter is ${dawn.software ? 'software' : 'hardware'} in this process; call releaseWebGpu() before switching`,
    );
  }
  // A tfjs flag the webgpu package defines on import; it is global, so set it on every activation.
  tf.env().set('WEBGPU_CPU_FORWARD', options.cpuForward ?? false);
  if (!(await tf.setBackend(WEBGPU))) {
    throw new TfBackendError(WEBGPU, `tf.setBackend('webgpu') failed: ${failureHint(dawn)}`, { packages: [DAWN_PACKAGE, TFJS_WEBGPU] });
  }
  const info = dawn.lastAdapter?.info;
  const kind = software ? 'software OpenGL ES adapter' : 'hardware adapter';
  return { software, usesGpu: !software && !isCpuRasteriser(info), adapter: `${kind}: ${describeAdapter(info)}` };
}

/**
 * Disposes the webgpu backend, destroys its GPU device and removes
 * `navigator.gpu`, so nothing keeps the process alive (Dawn's event-loop
 * poller otherwise does). Tensors on webgpu are invalid afterwards; a later
 * activation installs Dawn afresh. Returns false when webgpu was not installed.
 */
export function releaseWebGpuBackend(): boolean {
  if (dawn === null) return false;
  // Only an initialised backend has a device; findBackend would start initialising one.
  const backend = tf.engine().registry[WEBGPU] as unknown as { device?: { destroy(): void } } | undefined;
  const device = backend?.device;
  if (tf.findBackendFactory(WEBGPU) != null) tf.removeBackend(WEBGPU);
  device?.destroy();
  dawn.uninstall();
  dawn = null;
  return true;
}

function registerWebGpuFactory(loader: ModuleLoader): void {
  if (tf.findBackendFactory(WEBGPU) != null) return;
  if (webgpuFactory !== null) {
    tf.registerBackend(WEBGPU, webgpuFactory.factory, webgpuFactory.priority);
    return;
  }
  try {
    loader.load(TFJS_WEBGPU);
  } catch (cause) {
    throw new TfBackendError(WEBGPU, `${TFJS_WEBGPU} failed to load: ${describeCause(cause)}`, { packages: [TFJS_WEBGPU], cause });
  }
  const registered = (tf.engine().registryFactory as Record<string, BackendFactoryEntry | undefined>)[WEBGPU];
  if (registered === undefined) {
    throw new TfBackendError(WEBGPU, `${TFJS_WEBGPU} loaded but registered no 'webgpu' backend (was it imported before initTf?)`, {
      packages: [TFJS_WEBGPU],
    });
  }
  webgpuFactory = registered;
}

function softwareFromEnv(env: NodeJS.ProcessEnv): boolean {
  const value = env[WEBGPU_ADAPTER_ENV]?.trim().toLowerCase() ?? '';
  if (value === '' || value === 'hardware') return false;
  if (value === 'software') return true;
  throw new TfBackendError(WEBGPU, `${WEBGPU_ADAPTER_ENV}: unknown adapter "${value}"; use software or hardware`);
}

function failureHint(installed: InstalledDawn): string {
  if (installed.lastAdapter === null && installed.software) {
    return (
      `Dawn found no OpenGL ES adapter; the software adapter needs Mesa's EGL and OpenGL ES driver ` +
      `(apt: ${SOFTWARE_ADAPTER_APT_PACKAGES.join(' ')}) and EGL_PLATFORM=surfaceless in the process environment`
    );
  }
  if (installed.lastAdapter === null) {
    return `Dawn found no GPU adapter; set ${WEBGPU_ADAPTER_ENV}=software to use the software adapter`;
  }
  return 'the adapter was found but the device could not be created (see the tfjs warning above)';
}
