import type { Problem, ProblemCode, ProblemParams } from './problem.js';

/**
 * Why a cell could not be read as the value its field needs. Parsers return it instead of throwing: a file
 * read with the wrong date format has an error on every row, and exceptions would make that slow.
 */
export class CellProblem implements Problem {
  constructor(
    readonly code: ProblemCode,
    readonly message: string,
    readonly params: ProblemParams = {},
  ) {}
}

export const isProblem = (value: unknown): value is CellProblem => value instanceof CellProblem;
