import { TfBackendError } from './backend-error';
import type { TfBackendChoice, TfBackendKind, TfBackendRequest } from './backend-request';
import { activateCpu } from './cpu-backend';
import type { ModuleLoader } from './module-loader';
import { activateNative, type NativeProbe, probeNativePackage, TFJS_NODE, TFJS_NODE_GPU } from './native-backend';
import { activateWasm } from './wasm-backend';
import { activateWebGpu, type WebGpuOptions } from './webgpu-backend';

/** The backend now active and why it was chosen. */
export interface ActivatedBackend {
  backend: TfBackendKind;
  /** The name tfjs knows it by (`tf.getBackend()`): tensorflow, webgpu, wasm or cpu. */
  tfBackendName: string;
  /** Whether the tensors live on a GPU (a software WebGPU adapter counts as no). */
  usesGpu: boolean;
  /** Why this backend: the request's source and, for auto, what was found. */
  reason: string;
}

export interface ActivationContext {
  loader: ModuleLoader;
  env: NodeJS.ProcessEnv;
  webgpu: WebGpuOptions;
}

/**
 * Loads and switches to the requested backend. Explicit requests fail with a
 * TfBackendError when they cannot run; `auto` walks tfjs-node-gpu (with a
 * GPU) -> tfjs-node -> wasm and never fails unless wasm itself is broken; its
 * reason is what it found (the request's source is not needed there).
 */
export async function activateBackend(
  request: TfBackendRequest,
  source: string,
  context: ActivationContext,
): Promise<ActivatedBackend> {
  if (request === 'auto') return activateAuto(context);
  return activateChoice(request, source, context);
}

export async function activateChoice(
  choice: TfBackendChoice,
  source: string,
  context: ActivationContext,
): Promise<ActivatedBackend> {
  switch (choice) {
    case 'gpu': {
      const probe = probeNativePackage(TFJS_NODE_GPU, context.loader);
      requireLoaded(choice, TFJS_NODE_GPU, probe);
      if (probe.status === 'loaded' && !probe.usesGpu) {
        throw new TfBackendError(
          choice,
          `${TFJS_NODE_GPU} loaded but its TensorFlow sees no GPU (are the CUDA and cuDNN libraries on the library path?); ` +
            'use backend auto to fall back',
          { packages: [TFJS_NODE_GPU] },
        );
      }
      await activateNative(choice);
      return { backend: 'tfjs-node-gpu', tfBackendName: 'tensorflow', usesGpu: true, reason: source };
    }
    case 'node': {
      requireLoaded(choice, TFJS_NODE, probeNativePackage(TFJS_NODE, context.loader));
      await activateNative(choice);
      return { backend: 'tfjs-node', tfBackendName: 'tensorflow', usesGpu: false, reason: source };
    }
    case 'webgpu': {
      const { usesGpu, adapter } = await activateWebGpu(context.loader, context.webgpu, context.env);
      return { backend: 'webgpu', tfBackendName: 'webgpu', usesGpu, reason: `${source}; ${adapter}` };
    }
    case 'wasm':
      await activateWasm();
      return { backend: 'wasm', tfBackendName: 'wasm', usesGpu: false, reason: source };
    case 'cpu':
      await activateCpu();
      return { backend: 'cpu', tfBackendName: 'cpu', usesGpu: false, reason: source };
  }
}

async function activateAuto(context: ActivationContext): Promise<ActivatedBackend> {
  const gpuProbe = probeNativePackage(TFJS_NODE_GPU, context.loader);
  if (gpuProbe.status === 'loaded') {
    await activateNative('auto');
    if (gpuProbe.usesGpu) {
      return { backend: 'tfjs-node-gpu', tfBackendName: 'tensorflow', usesGpu: true, reason: 'auto: tfjs-node-gpu sees a GPU' };
    }
    // tfjs-node cannot load beside tfjs-node-gpu (both register 'tensorflow'); the latter's libtensorflow runs on the CPU too.
    return {
      backend: 'tfjs-node-gpu',
      tfBackendName: 'tensorflow',
      usesGpu: false,
      reason: 'auto: tfjs-node-gpu is installed but sees no GPU; its native TensorFlow runs on the CPU',
    };
  }
  const nodeProbe = probeNativePackage(TFJS_NODE, context.loader);
  if (nodeProbe.status === 'loaded') {
    await activateNative('auto');
    const reason = `auto: ${describeProbe('tfjs-node-gpu', gpuProbe)}; tfjs-node installed`;
    return { backend: 'tfjs-node', tfBackendName: 'tensorflow', usesGpu: false, reason };
  }
  await activateWasm();
  const reason =
    gpuProbe.status === 'not-installed' && nodeProbe.status === 'not-installed'
      ? 'auto: tfjs-node-gpu and tfjs-node not installed'
      : `auto: ${describeProbe('tfjs-node-gpu', gpuProbe)}; ${describeProbe('tfjs-node', nodeProbe)}`;
  return { backend: 'wasm', tfBackendName: 'wasm', usesGpu: false, reason };
}

function describeProbe(label: string, probe: NativeProbe): string {
  if (probe.status === 'not-installed') return `${label} not installed`;
  if (probe.status === 'failed') return probe.detail;
  return `${label} loaded`;
}

function requireLoaded(choice: TfBackendChoice, pkg: string, probe: NativeProbe): void {
  if (probe.status === 'not-installed') {
    throw new TfBackendError(choice, `backend ${choice} needs the package ${pkg}, which is not installed`, { packages: [pkg] });
  }
  if (probe.status === 'failed') {
    throw new TfBackendError(choice, `backend ${choice}: ${probe.detail}`, { packages: [pkg] });
  }
}
