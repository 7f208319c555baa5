import { FactorModelError } from './factor-error';

/** Runs `action`, asserts it throws a FactorModelError with this code/parameter (and index), and returns it. */
export function expectFactorError(action: () => unknown, code: string, parameter: string, index?: number): FactorModelError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(FactorModelError);
    const typed = error as FactorModelError;
    expect(typed.code).toBe(code);
    expect(typed.parameter).toBe(parameter);
    if (index !== undefined) expect(typed.index).toBe(index);
    return typed;
  }
  throw new Error(`expected a FactorModelError ${code} on ${parameter}`);
}
