import type { Highs } from 'highs';
import { loadHighs } from '../../solvers/highs';

/**
 * A convex QP in HiGHS form: minimise 1/2 x'Qx + c'x subject to
 * rowLower <= Ax <= rowUpper and colLower <= x <= colUpper.
 * Q is given as its lower triangle in compressed columns (entries of Q itself,
 * not halved); omit it for an LP. A is compressed rows.
 */
export interface QpProblem {
  numVars: number;
  linear: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  hessianLower?: { starts: Int32Array; indices: Int32Array; values: Float64Array };
  rows: { starts: Int32Array; indices: Int32Array; values: Float64Array; lower: Float64Array; upper: Float64Array };
}

export type QpStatus = 'optimal' | 'infeasible' | 'unbounded' | 'other';

export interface QpSolution {
  status: QpStatus;
  /** HiGHS' model-status name, for messages when `status` is 'other'. */
  statusName: string;
  x: Float64Array;
  objective: number;
}

/** A loaded solver; `solve` is synchronous (HiGHS runs to completion on this thread). */
export interface QpSolver {
  solve(problem: QpProblem): QpSolution;
}

// Tight tolerances: portfolio variances are O(1e-2), so HiGHS' defaults (1e-7
// absolute, plus a 1e-7 Hessian regularisation) would blur weights at ~1e-7.
const SOLVER_OPTIONS = {
  output_flag: false,
  qp_regularization_value: 1e-12,
  primal_feasibility_tolerance: 1e-9,
  dual_feasibility_tolerance: 1e-9,
  optimality_tolerance: 1e-9,
} as const;

let solverPromise: Promise<QpSolver> | undefined;

/**
 * Loads HiGHS (WebAssembly) once per process and returns a solver whose
 * `solve` is synchronous. Later calls return the same cached solver.
 */
export function loadQpSolver(): Promise<QpSolver> {
  solverPromise ??= loadHighs().then(createQpSolver);
  return solverPromise;
}

function createQpSolver(highs: Highs): QpSolver {
  const statusCodes = highs.constants.modelStatus;
  const statusNames = new Map<number, string>(Object.entries(statusCodes).map(([name, code]) => [code, name]));

  function toStatus(code: number): QpStatus {
    if (code === statusCodes.optimal) return 'optimal';
    if (code === statusCodes.infeasible) return 'infeasible';
    if (code === statusCodes.unbounded || code === statusCodes.unboundedOrInfeasible) return 'unbounded';
    return 'other';
  }

  return {
    solve(problem: QpProblem): QpSolution {
      const n = problem.numVars;
      const numRows = problem.rows.lower.length;
      const model = highs.createModel({
        numCols: n,
        numRows,
        colCost: problem.linear,
        colLower: problem.colLower.map(clampInfinity(highs.infinity)),
        colUpper: problem.colUpper.map(clampInfinity(highs.infinity)),
        rowLower: problem.rows.lower.map(clampInfinity(highs.infinity)),
        rowUpper: problem.rows.upper.map(clampInfinity(highs.infinity)),
        matrix: { format: 'csr', numRows, numCols: n, ...pick(problem.rows) },
        ...(problem.hessianLower ? { hessian: { format: 'triangular', dimension: n, ...problem.hessianLower } } : {}),
      });
      try {
        model.options.set(SOLVER_OPTIONS);
        model.run();
        const code = model.getModelStatus();
        const status = toStatus(code);
        const x = status === 'optimal' ? Float64Array.from(model.getSolution().colValue) : new Float64Array(n);
        const objective = status === 'optimal' ? model.getObjectiveValue() : Number.NaN;
        return { status, statusName: statusNames.get(code) ?? `status ${code}`, x, objective };
      } finally {
        model.dispose();
      }
    },
  };
}

function pick(rows: QpProblem['rows']): { starts: Int32Array; indices: Int32Array; values: Float64Array } {
  return { starts: rows.starts, indices: rows.indices, values: rows.values };
}

function clampInfinity(infinity: number): (value: number) => number {
  return (value) => (value === Infinity ? infinity : value === -Infinity ? -infinity : value);
}
