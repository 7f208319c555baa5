/** Why an allocation routine refused its input. */
export type AllocationErrorCode =
  | 'INVALID_ARGUMENT'
  | 'DIMENSION_MISMATCH'
  | 'NOT_SYMMETRIC'
  | 'NOT_POSITIVE_DEFINITE'
  | 'SINGULAR_MATRIX'
  | 'UNKNOWN_ASSET'
  | 'INSUFFICIENT_DATA'
  | 'WEIGHTS_NOT_NORMALISED'
  | 'BUDGET_TOO_SMALL'
  | 'SOLVER_FAILED';

/** Typed error for portfolio-allocation inputs; `parameter` names the offending argument. */
export class AllocationError extends Error {
  readonly code: AllocationErrorCode;
  readonly parameter: string;

  constructor(code: AllocationErrorCode, parameter: string, message: string) {
    super(`${parameter}: ${message}`);
    this.name = 'AllocationError';
    this.code = code;
    this.parameter = parameter;
  }
}
