// The WebGPU parity suite (src/**/*.webgpu.ts), run in band by the `test-webgpu` target.
// Mesa's EGL reads EGL_PLATFORM from the real process environment when Dawn first
// touches it; a test file only sees jest's sandboxed copy, so it is set here.
process.env.EGL_PLATFORM ??= 'surfaceless';

module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'tf-runtime:webgpu',
  rootDir: __dirname,
  testMatch: ['**/*.webgpu.ts'],
};
