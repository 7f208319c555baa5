import { TfBackendError } from './backend-error';
import { resolveBackendRequest, TF_BACKEND_ENV } from './backend-request';

describe('resolveBackendRequest', () => {
  it('defaults to auto when neither the option nor the env names a backend', () => {
    expect(resolveBackendRequest(undefined, {})).toEqual({ request: 'auto', source: `${TF_BACKEND_ENV} not set` });
    expect(resolveBackendRequest(undefined, { [TF_BACKEND_ENV]: '  ' }).request).toBe('auto');
  });

  it('reads TETHYS_TF_BACKEND, tolerating case and spaces', () => {
    expect(resolveBackendRequest(undefined, { [TF_BACKEND_ENV]: ' WASM ' })).toEqual({
      request: 'wasm',
      source: 'requested by TETHYS_TF_BACKEND=wasm',
    });
  });

  it('lets the explicit option win over the env', () => {
    expect(resolveBackendRequest('cpu', { [TF_BACKEND_ENV]: 'wasm' }).request).toBe('cpu');
  });

  it('rejects an unknown env value with a typed error naming the variable and the choices', () => {
    const attempt = (): unknown => resolveBackendRequest(undefined, { [TF_BACKEND_ENV]: 'cuda' });
    expect(attempt).toThrow(TfBackendError);
    expect(attempt).toThrow('TETHYS_TF_BACKEND: unknown tfjs backend "cuda"; use one of auto, gpu, node, webgpu, wasm, cpu');
  });

  it('rejects an unknown option value', () => {
    expect(() => resolveBackendRequest('tpu', {})).toThrow('the backend option: unknown tfjs backend "tpu"');
  });
});
