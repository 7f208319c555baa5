import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describeCause, TfBackendError } from './backend-error';
import type { ModuleLoader } from './module-loader';

export const DAWN_PACKAGE = 'webgpu';

/** The slice of Dawn's native addon this code uses (`{ create, globals }`). */
interface DawnAddon {
  create(flags: string[]): GpuLike;
  globals: Record<string, unknown>;
}

interface GpuLike {
  requestAdapter(options?: Record<string, unknown>): Promise<AdapterLike | null>;
}

interface AdapterLike {
  info?: GpuAdapterDescription;
}

/** What Dawn says about the adapter it picked (GPUAdapterInfo; fields may be empty strings). */
export interface GpuAdapterDescription {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

/** Dawn installed as `navigator.gpu`, and what its last adapter request found. */
export interface InstalledDawn {
  software: boolean;
  /** undefined until tfjs asks for an adapter; null when Dawn found none. */
  lastAdapter: AdapterLike | null | undefined;
  /** Puts `navigator` back as it was before `installDawnAsNavigatorGpu`. */
  uninstall(): void;
}

/**
 * The prebuilt Dawn addon inside the `webgpu` package. The package entry is
 * ES-module-only, which Node 20's require (and jest) cannot load; the addon
 * it wraps is a plain native module exporting the same `create` and `globals`.
 */
export function dawnAddonPath(loader: ModuleLoader): string {
  let entry: string;
  try {
    entry = loader.resolve(DAWN_PACKAGE);
  } catch (cause) {
    throw new TfBackendError('webgpu', `${DAWN_PACKAGE} cannot be resolved: ${describeCause(cause)}`, { packages: [DAWN_PACKAGE], cause });
  }
  const platform = process.platform === 'darwin' ? 'darwin-universal' : `${process.platform}-${process.arch}`;
  return join(dirname(entry), 'dist', platform, 'dawn.node');
}

/**
 * Creates a Dawn GPU and installs it as `navigator.gpu` (with Dawn's WebGPU
 * globals such as GPUBufferUsage), which is where tfjs-backend-webgpu looks.
 * The software adapter is Mesa's OpenGL ES driver reached through EGL.
 */
export function installDawnAsNavigatorGpu(loader: ModuleLoader, software: boolean, extraFlags: readonly string[]): InstalledDawn {
  const addonPath = dawnAddonPath(loader);
  if (!existsSync(addonPath)) {
    throw new TfBackendError('webgpu', `${DAWN_PACKAGE} ships no prebuilt Dawn for this platform (looked for ${addonPath})`, {
      packages: [DAWN_PACKAGE],
    });
  }
  let dawn: DawnAddon;
  try {
    dawn = loader.load(addonPath) as DawnAddon;
  } catch (cause) {
    throw new TfBackendError('webgpu', `Dawn (${addonPath}) failed to load: ${describeCause(cause)}`, { packages: [DAWN_PACKAGE], cause });
  }
  if (software) {
    // Mesa's EGL must not look for a display server on a headless machine. This only works when it
    // reaches the real process environment before Dawn first touches EGL (under jest: set it in the config).
    process.env.EGL_PLATFORM ??= 'surfaceless';
  }
  const gpu = dawn.create(software ? ['backend=opengles', ...extraFlags] : [...extraFlags]);
  Object.assign(globalThis, dawn.globals);
  const installed: InstalledDawn = { software, lastAdapter: undefined, uninstall: () => undefined };
  const navigatorGpu = {
    requestAdapter: async (adapterOptions: Record<string, unknown> = {}) => {
      // The OpenGL ES adapter exists only at the 'compatibility' feature level, which tfjs never asks for.
      const adapter = await gpu.requestAdapter(software ? { ...adapterOptions, featureLevel: 'compatibility' } : adapterOptions);
      installed.lastAdapter = adapter;
      return adapter;
    },
  };
  const previous = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  const existing = (globalThis as { navigator?: object }).navigator;
  // Node 21+ defines navigator as a getter; redefine it (keeping its other fields) rather than assigning.
  Object.defineProperty(globalThis, 'navigator', {
    value: Object.assign(Object.create(existing ?? null) as object, { gpu: navigatorGpu }),
    configurable: true,
    writable: true,
  });
  installed.uninstall = () => {
    if (previous === undefined) delete (globalThis as { navigator?: object }).navigator;
    else Object.defineProperty(globalThis, 'navigator', previous);
  };
  return installed;
}

/** Whether the adapter is a CPU rasteriser (llvmpipe, lavapipe, SwiftShader) even though no software adapter was asked for. */
export function isCpuRasteriser(info: GpuAdapterDescription | undefined): boolean {
  if (info === undefined) return false;
  if (info.isFallbackAdapter === true) return true;
  return /llvmpipe|lavapipe|swiftshader/i.test(`${info.device ?? ''} ${info.description ?? ''}`);
}

/** `llvmpipe-llvm-15... (OpenGL ES 3.2 Mesa 22.3.6)`: the non-empty adapter fields, for the log line. */
export function describeAdapter(info: GpuAdapterDescription | undefined): string {
  if (info === undefined) return 'no adapter info';
  const name = [info.vendor, info.architecture, info.device].filter((part) => part !== undefined && part !== '').join(' ');
  const description = info.description ?? '';
  if (name === '') return description === '' ? 'no adapter info' : description;
  return description === '' ? name : `${name}, ${description}`;
}
