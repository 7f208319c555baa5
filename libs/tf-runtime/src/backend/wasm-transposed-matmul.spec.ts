import { tf } from '../tf';
import { activateWasm } from './wasm-backend';

// Transposed products on wasm must equal the untransposed reference on the cpu
// backend (independent kernels), for plain and fused matmuls, batched and not,
// and through gradients (which use exactly these transposed forms).
describe('transposed matmuls on wasm', () => {
  let operands: { a: number[][][]; b: number[][][]; bias: number[] };

  beforeAll(async () => {
    await activateWasm();
    const values = (count: number, offset: number) => Array.from({ length: count }, (_, i) => Math.sin(i * 0.37 + offset));
    const reshape = (flat: number[], batches: number, rows: number, cols: number) =>
      Array.from({ length: batches }, (_, s) => Array.from({ length: rows }, (_, r) => flat.slice((s * rows + r) * cols, (s * rows + r + 1) * cols)));
    operands = { a: reshape(values(2 * 7 * 5, 1), 2, 7, 5), b: reshape(values(2 * 5 * 3, 2), 2, 5, 3), bias: values(3, 3) };
  });

  async function on<T>(backend: 'wasm' | 'cpu', run: () => T): Promise<T> {
    await tf.setBackend(backend);
    return run();
  }

  const cases: Array<[string, boolean, boolean]> = [
    ['plain', false, false],
    ['transposeA', true, false],
    ['transposeB', false, true],
    ['both', true, true],
  ];

  it.each(cases)('BatchMatMul %s matches the cpu backend', async (_label, transposeA, transposeB) => {
    const product = () =>
      tf.tidy(() => {
        const a = tf.tensor3d(operands.a);
        const b = tf.tensor3d(operands.b);
        // Feed each operand in the layout its flag expects, so every case computes a·b.
        const left = transposeA ? tf.transpose(a, [0, 2, 1]) : a;
        const right = transposeB ? tf.transpose(b, [0, 2, 1]) : b;
        return Array.from(tf.matMul(left, right, transposeA, transposeB).dataSync());
      });
    const reference = await on('cpu', product);
    const result = await on('wasm', product);
    expect(result).toEqual(reference.map((value) => expect.closeTo(value, 5)));
  });

  it('fused matmul with bias and relu, transposed, matches the cpu backend', async () => {
    const product = () =>
      tf.tidy(() => {
        const a = tf.transpose(tf.tensor2d(operands.a[0]));
        const b = tf.tensor2d(operands.b[0]);
        return Array.from(tf.fused.matMul({ a, b, transposeA: true, bias: tf.tensor1d(operands.bias), activation: 'relu' }).dataSync());
      });
    const reference = await on('cpu', product);
    const result = await on('wasm', product);
    expect(result).toEqual(reference.map((value) => expect.closeTo(value, 5)));
  });

  it('gives cpu-equal gradients of a dense layer and leaks no tensors', async () => {
    const gradients = () =>
      tf.tidy(() => {
        const x = tf.tensor2d(operands.a[0]);
        const w = tf.tensor2d(operands.b[0]);
        const grad = tf.grads((input: tf.Tensor, weight: tf.Tensor) => tf.matMul(input, weight).square().sum());
        return grad([x, w]).map((g) => g.arraySync() as number[][]);
      });
    const reference = await on('cpu', gradients);
    await tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    const result = gradients();
    expect(tf.memory().numTensors).toBe(before);
    expect(result.flat(2)).toEqual(reference.flat(2).map((value) => expect.closeTo(value, 4)));
  });
});
