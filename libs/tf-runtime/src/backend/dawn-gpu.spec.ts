import { existsSync } from 'node:fs';
import { dawnAddonPath, describeAdapter, isCpuRasteriser } from './dawn-gpu';
import { nodeModuleLoader } from './module-loader';

describe('Dawn adapter descriptions', () => {
  const llvmpipe = { vendor: '', architecture: '', device: 'llvmpipe-llvm-15-0-6-256-bits-', description: 'OpenGL ES 3.2 Mesa 22.3.6' };

  it('joins the non-empty adapter fields for the log line', () => {
    expect(describeAdapter(llvmpipe)).toBe('llvmpipe-llvm-15-0-6-256-bits-, OpenGL ES 3.2 Mesa 22.3.6');
    expect(describeAdapter({ vendor: 'nvidia', architecture: 'hopper', device: '', description: '' })).toBe('nvidia hopper');
    expect(describeAdapter({ vendor: '', description: 'Vulkan driver' })).toBe('Vulkan driver');
    expect(describeAdapter({})).toBe('no adapter info');
    expect(describeAdapter(undefined)).toBe('no adapter info');
  });

  it('recognises CPU rasterisers, so a "hardware" request that lands on one is not reported as a GPU', () => {
    expect(isCpuRasteriser(llvmpipe)).toBe(true);
    expect(isCpuRasteriser({ device: 'SwiftShader Device (Subzero)' })).toBe(true);
    expect(isCpuRasteriser({ device: 'NVIDIA H100', isFallbackAdapter: true })).toBe(true);
    expect(isCpuRasteriser({ vendor: 'nvidia', device: 'NVIDIA H100 80GB HBM3', description: 'Vulkan driver 550' })).toBe(false);
    expect(isCpuRasteriser(undefined)).toBe(false);
  });
});

describe('dawnAddonPath', () => {
  const loader = nodeModuleLoader();

  it('points inside the installed webgpu package at the prebuilt addon for this platform', () => {
    if (!loader.isInstalled('webgpu')) return; // webgpu is optional; nothing to locate
    const path = dawnAddonPath(loader);
    expect(path).toMatch(/\/node_modules\/webgpu\/dist\/[\w-]+\/dawn\.node$/);
    expect(existsSync(path)).toBe(true);
  });
});
