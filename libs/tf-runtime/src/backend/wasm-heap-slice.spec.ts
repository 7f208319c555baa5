import { tf } from '../tf';
import { activateWasm } from './wasm-backend';

// The heap slices must give exactly what the cpu backend's independent kernels
// give, for every rank, offset and dtype the models use, and release nothing early.
describe('slicing wasm tensors in place', () => {
  beforeAll(async () => {
    await activateWasm();
  });

  async function onBoth<T>(run: () => T): Promise<{ cpu: T; wasm: T }> {
    await tf.setBackend('cpu');
    const cpu = run();
    await tf.setBackend('wasm');
    return { cpu, wasm: run() };
  }

  const values = (count: number) => Array.from({ length: count }, (_, i) => i * 1.5 - 7);

  it.each([
    ['rank 1', [10], [3], [4]],
    ['rank 2, inner columns', [4, 6], [1, 2], [2, 3]],
    ['rank 3, middle axis', [3, 5, 4], [0, 2, 0], [3, 1, 4]],
    ['rank 3, everything offset', [3, 5, 4], [1, 1, 1], [2, 3, 2]],
    ['rank 4, whole trailing axes', [2, 3, 4, 5], [1, 1, 0, 0], [1, 2, 4, 5]],
    ['rank 5', [2, 2, 3, 2, 3], [0, 1, 1, 0, 1], [2, 1, 2, 2, 2]],
  ])('Slice %s equals the cpu backend', async (_label, shape, begin, size) => {
    const count = (shape as number[]).reduce((a, b) => a * b, 1);
    const { cpu, wasm } = await onBoth(() =>
      tf.tidy(() => tf.slice(tf.tensor(values(count), shape as number[]), begin as number[], size as number[]).arraySync()),
    );
    expect(wasm).toEqual(cpu);
  });

  it('slices int32 and bool tensors', async () => {
    const { cpu, wasm } = await onBoth(() =>
      tf.tidy(() => {
        const ints = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3], 'int32');
        return [tf.slice(ints, [0, 1], [2, 2]).arraySync(), tf.slice(tf.greater(ints, 3), [1, 0], [1, 3]).arraySync()];
      }),
    );
    expect(wasm).toEqual(cpu);
  });

  it('unstacks along every axis and splits unevenly like the cpu backend', async () => {
    const { cpu, wasm } = await onBoth(() =>
      tf.tidy(() => {
        const x = tf.tensor3d(values(2 * 3 * 4), [2, 3, 4]);
        return [
          ...[0, 1, 2].map((axis) => tf.unstack(x, axis).map((t) => t.arraySync())),
          tf.split(x, [1, 3], 2).map((t) => t.arraySync()),
          tf.split(x, 3, 1).map((t) => t.arraySync()),
        ];
      }),
    );
    expect(wasm).toEqual(cpu);
  });

  it('leaves empty slices to the original kernel and passes gradients through', async () => {
    await tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    const [empty, gradient] = tf.tidy(() => {
      const x = tf.tensor2d(values(6), [2, 3]);
      const grad = tf.grad((input: tf.Tensor) => tf.split(input, [1, 2], 1)[1].square().sum())(x);
      return [tf.slice(x, [0, 0], [2, 0]).shape, grad.arraySync()];
    });
    expect(empty).toEqual([2, 0]);
    const x = values(6);
    expect(gradient).toEqual([
      [0, 2 * x[1], 2 * x[2]],
      [0, 2 * x[4], 2 * x[5]],
    ]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
