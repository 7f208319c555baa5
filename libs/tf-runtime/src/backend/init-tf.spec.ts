import { tf } from '../tf';
import { TfBackendError } from './backend-error';
import { forgetTfRuntimeForTests, initTf, releaseWebGpu } from './init-tf';
import type { ModuleLoader } from './module-loader';
import { forgetNativeBackendForTests, NATIVE_BACKEND_NAME, TFJS_NODE, TFJS_NODE_GPU } from './native-backend';

/** A loader that only knows the packages it is given; loading one runs its fake side effect. */
function fakeLoader(packages: Record<string, () => void> = {}): ModuleLoader & { loaded: string[] } {
  const loaded: string[] = [];
  return {
    loaded,
    isInstalled: (id) => id in packages,
    resolve: (id) => {
      if (!(id in packages)) throw new Error(`Cannot find module '${id}'`);
      return `/fake/node_modules/${id}/index.js`;
    },
    load: (id) => {
      const register = packages[id];
      if (register === undefined) throw new Error(`Cannot find module '${id}'`);
      loaded.push(id);
      register();
      return {};
    },
  };
}

/** Plays tfjs-node(-gpu): registers a 'tensorflow' backend (a cpu backend reporting the given GPU flag). */
function registerFakeNativeBackend(usesGpu: boolean): void {
  const cpuFactory = tf.findBackendFactory('cpu');
  if (cpuFactory == null) throw new Error('the cpu backend is not registered');
  tf.registerBackend(NATIVE_BACKEND_NAME, () => Object.assign(cpuFactory() as tf.KernelBackend, { isUsingGpuDevice: usesGpu }));
}

function collectLog(): { lines: string[]; log: (line: string) => void } {
  const lines: string[] = [];
  return { lines, log: (line) => lines.push(line) };
}

afterEach(async () => {
  forgetTfRuntimeForTests();
  forgetNativeBackendForTests();
  await tf.setBackend('cpu');
});

describe('initTf', () => {
  it('auto falls back to wasm when no native package is installed, logs one line, and computes', async () => {
    const { lines, log } = collectLog();
    const runtime = await initTf({ env: {}, log, loader: fakeLoader() });
    expect(lines).toEqual(['tfjs backend: wasm (auto: tfjs-node-gpu and tfjs-node not installed)']);
    expect(runtime).toMatchObject({ backend: 'wasm', tfBackendName: 'wasm', requested: 'auto', usesGpu: false });
    expect(runtime.tf).toBe(tf);
    expect(tf.getBackend()).toBe('wasm');
    const squared = tf.tidy(() => tf.tensor1d([1, 2, 3]).square().dataSync());
    expect(Array.from(squared)).toEqual([1, 4, 9]);
  });

  it('is idempotent: the same request returns the same runtime without logging again', async () => {
    const { lines, log } = collectLog();
    const first = await initTf({ backend: 'wasm', log, loader: fakeLoader() });
    await tf.setBackend('cpu'); // something else switched tfjs meanwhile
    const [second, third] = await Promise.all([initTf({ backend: 'wasm', log }), initTf({ backend: 'wasm', log })]);
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(tf.getBackend()).toBe('wasm');
    expect(lines).toEqual(['tfjs backend: wasm (requested by the backend option)']);
  });

  it('takes the backend from TETHYS_TF_BACKEND and switches when another backend is asked for', async () => {
    const { lines, log } = collectLog();
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const cpu = await initTf({ env: { TETHYS_TF_BACKEND: 'cpu' }, log });
      tf.tidy(() => tf.tensor1d([1]).dataSync());
      const wasm = await initTf({ backend: 'wasm', log });
      expect(cpu.backend).toBe('cpu');
      expect(wasm.backend).toBe('wasm');
      expect(lines).toEqual(['tfjs backend: cpu (requested by TETHYS_TF_BACKEND=cpu)', 'tfjs backend: wasm (requested by the backend option)']);
      // The cpu backend's "install tfjs-node" banner would be a second, contradicting line.
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('refuses an explicitly requested native backend that is not installed, naming the package', async () => {
    const { lines, log } = collectLog();
    const wasm = await initTf({ backend: 'wasm', log, loader: fakeLoader() });
    const gpu = initTf({ backend: 'gpu', log, loader: fakeLoader() });
    await expect(gpu).rejects.toThrow(TfBackendError);
    await expect(initTf({ backend: 'gpu', log, loader: fakeLoader() })).rejects.toMatchObject({
      requested: 'gpu',
      packages: [TFJS_NODE_GPU],
      message: 'backend gpu needs the package @tensorflow/tfjs-node-gpu, which is not installed',
    });
    await expect(initTf({ backend: 'node', log, loader: fakeLoader() })).rejects.toThrow(
      'backend node needs the package @tensorflow/tfjs-node, which is not installed',
    );
    // The failures left the running runtime in place.
    expect(await initTf({ backend: 'wasm', log })).toBe(wasm);
    expect(lines).toHaveLength(1);
  });

  it('refuses webgpu without its packages, with the message that says what to install', async () => {
    const attempt = initTf({ backend: 'webgpu', log: () => undefined, loader: fakeLoader() });
    await expect(attempt).rejects.toThrow(
      new TfBackendError('webgpu', 'webgpu backend needs the packages webgpu and @tensorflow/tfjs-backend-webgpu'),
    );
    await expect(initTf({ backend: 'webgpu', log: () => undefined, loader: fakeLoader() })).rejects.toMatchObject({
      packages: ['webgpu', '@tensorflow/tfjs-backend-webgpu'],
    });
  });

  it('auto never picks webgpu, even when its packages are installed', async () => {
    const { lines, log } = collectLog();
    const loader = fakeLoader({ webgpu: () => undefined, '@tensorflow/tfjs-backend-webgpu': () => undefined });
    const runtime = await initTf({ env: { TETHYS_WEBGPU_ADAPTER: 'software' }, log, loader });
    expect(runtime.backend).toBe('wasm');
    expect(loader.loaded).toEqual([]);
    expect(lines).toEqual(['tfjs backend: wasm (auto: tfjs-node-gpu and tfjs-node not installed)']);
  });

  it('rejects an unknown TETHYS_WEBGPU_ADAPTER before touching Dawn', async () => {
    const loader = fakeLoader({ webgpu: () => undefined, '@tensorflow/tfjs-backend-webgpu': () => undefined });
    const attempt = initTf({ backend: 'webgpu', env: { TETHYS_WEBGPU_ADAPTER: 'cpu' }, log: () => undefined, loader });
    await expect(attempt).rejects.toThrow(new TfBackendError('webgpu', 'TETHYS_WEBGPU_ADAPTER: unknown adapter "cpu"; use software or hardware'));
    expect(loader.loaded).toEqual([]);
  });

  it('says where it looked when the webgpu package has no Dawn build for this platform', async () => {
    const loader = fakeLoader({ webgpu: () => undefined, '@tensorflow/tfjs-backend-webgpu': () => undefined });
    const attempt = initTf({ backend: 'webgpu', webgpu: { software: true }, log: () => undefined, loader });
    await expect(attempt).rejects.toMatchObject({
      name: 'TfBackendError',
      packages: ['webgpu'],
      message: expect.stringMatching(/^webgpu ships no prebuilt Dawn for this platform \(looked for \/fake\/node_modules\/webgpu\/dist\/[\w-]+\/dawn\.node\)$/),
    });
    expect(await releaseWebGpu()).toBe(false); // nothing was installed
  });

  it('auto prefers tfjs-node-gpu when it sees a GPU', async () => {
    const { lines, log } = collectLog();
    const loader = fakeLoader({ [TFJS_NODE_GPU]: () => registerFakeNativeBackend(true), [TFJS_NODE]: () => registerFakeNativeBackend(false) });
    const runtime = await initTf({ env: {}, log, loader });
    expect(runtime).toMatchObject({ backend: 'tfjs-node-gpu', tfBackendName: 'tensorflow', usesGpu: true });
    expect(loader.loaded).toEqual([TFJS_NODE_GPU]);
    expect(tf.getBackend()).toBe('tensorflow');
    expect(lines).toEqual(['tfjs backend: tfjs-node-gpu (auto: tfjs-node-gpu sees a GPU)']);
  });

  it('auto keeps tfjs-node-gpu on the CPU when it sees no GPU (tfjs-node cannot load beside it)', async () => {
    const { lines, log } = collectLog();
    const loader = fakeLoader({ [TFJS_NODE_GPU]: () => registerFakeNativeBackend(false), [TFJS_NODE]: () => registerFakeNativeBackend(false) });
    const runtime = await initTf({ env: {}, log, loader });
    expect(runtime).toMatchObject({ backend: 'tfjs-node-gpu', usesGpu: false });
    expect(loader.loaded).toEqual([TFJS_NODE_GPU]);
    expect(lines[0]).toBe('tfjs backend: tfjs-node-gpu (auto: tfjs-node-gpu is installed but sees no GPU; its native TensorFlow runs on the CPU)');
  });

  it('an explicit gpu request fails when tfjs-node-gpu sees no GPU', async () => {
    const loader = fakeLoader({ [TFJS_NODE_GPU]: () => registerFakeNativeBackend(false) });
    await expect(initTf({ backend: 'gpu', log: () => undefined, loader })).rejects.toThrow(/tfjs-node-gpu loaded but its TensorFlow sees no GPU/);
  });

  it('auto uses tfjs-node when only it is installed', async () => {
    const { lines, log } = collectLog();
    const runtime = await initTf({ env: {}, log, loader: fakeLoader({ [TFJS_NODE]: () => registerFakeNativeBackend(false) }) });
    expect(runtime).toMatchObject({ backend: 'tfjs-node', tfBackendName: 'tensorflow', usesGpu: false });
    expect(lines).toEqual(['tfjs backend: tfjs-node (auto: tfjs-node-gpu not installed; tfjs-node installed)']);
  });

  it('auto falls back to wasm past a native package that is installed but broken, saying why', async () => {
    const { lines, log } = collectLog();
    const loader = fakeLoader({
      [TFJS_NODE]: () => {
        throw new Error('libtensorflow.so.2: cannot open shared object file');
      },
    });
    const runtime = await initTf({ env: {}, log, loader });
    expect(runtime.backend).toBe('wasm');
    expect(lines).toEqual([
      'tfjs backend: wasm (auto: tfjs-node-gpu not installed; @tensorflow/tfjs-node is installed but failed to load: ' +
        'libtensorflow.so.2: cannot open shared object file)',
    ]);
  });

  it('with the real module loader, picks a backend that computes and logs one line', async () => {
    const { lines, log } = collectLog();
    const runtime = await initTf({ env: {}, log });
    expect(lines).toEqual([`tfjs backend: ${runtime.backend} (${runtime.reason})`]);
    expect(tf.getBackend()).toBe(runtime.tfBackendName);
    expect(Array.from(tf.tidy(() => tf.add(tf.tensor1d([1, 2]), 1).dataSync()))).toEqual([2, 3]);
  });
});
