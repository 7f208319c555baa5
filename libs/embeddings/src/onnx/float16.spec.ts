import { float16BitsToFloat32, float32ToFloat16Bits, roundTableToFloat16 } from './float16';

describe('float16 conversion', () => {
  it('encodes known values (IEEE 754 binary16, round to nearest even)', () => {
    expect(float32ToFloat16Bits(1)).toBe(0x3c00);
    expect(float32ToFloat16Bits(-2)).toBe(0xc000);
    expect(float32ToFloat16Bits(0.1)).toBe(0x2e66);
    expect(float32ToFloat16Bits(65504)).toBe(0x7bff);
    expect(float32ToFloat16Bits(70000)).toBe(0x7c00);
    expect(float32ToFloat16Bits(2 ** -24)).toBe(0x0001); // smallest subnormal
    expect(float32ToFloat16Bits(1e-9)).toBe(0);
    expect(float32ToFloat16Bits(-0)).toBe(0x8000);
    expect(float32ToFloat16Bits(1 + 2 ** -11)).toBe(0x3c00); // tie -> even
    expect(float32ToFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie -> even (up)
    expect(Number.isNaN(float16BitsToFloat32(float32ToFloat16Bits(Number.NaN)))).toBe(true);
  });

  it('round-trips within half precision', () => {
    const values = Float32Array.from([0.3, -1.7, 123.456, 6.1e-5, -3e-6]);
    const rounded = roundTableToFloat16(values);
    values.forEach((value, i) => {
      expect(Math.abs(rounded[i] - value)).toBeLessThanOrEqual(Math.max(Math.abs(value) * 2 ** -11, 2 ** -25));
      expect(float32ToFloat16Bits(rounded[i])).toBe(float32ToFloat16Bits(value));
    });
  });
});
