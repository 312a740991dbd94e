import { isProblem } from './cell-problem.js';
import { isBlank } from './cell-values.js';
import type { CellValue, FieldType } from './field-types.js';
import { isMapped } from './mapping.js';
import { problemOf, type Problem } from './problem.js';
import type { ReferenceKind } from './references.js';
import { cellOf, isQuoted, PREVIEW_ROWS, reportProblem, type ReadingContext, type RowReader } from './row-reading.js';

export interface RecordField {
  type: FieldType;
  /**
   * Why a blank cell is refused, for a value the record cannot do without. Otherwise a blank cell is "no value":
   * NULL, or the column's default where the column has one and is NOT NULL (see the writers).
   */
  required?: string;
  /** The cell names a customer (external id), a product (SKU) or a user (email) that must exist: the plan holds its id. */
  refersTo?: ReferenceKind;
}

/** Problems of a planned record found after the pass, by its index in the plan. */
export type PlannedRowProblem<F extends string> = (index: number, field: F, why: Problem) => void;

/** One kind of file that holds one record per row, identified by a natural key. */
export interface RecordKindSpec<F extends string> {
  /** what the file holds, as the report counts it: tickets, referrals, ... */
  name: string;
  fields: Record<F, RecordField>;
  /** the fields that identify a record (always mapped): a file names each record once */
  key: readonly F[];
  /** the record in words, for "ticket T-1 is already on row 2" */
  describe(key: Partial<Record<F, CellValue>>): string;
  /** rules between the values of one row whose cells all read: dates in order, no self-referral */
  checkRow?(values: Partial<Record<F, CellValue>>, problem: (field: F, why: Problem) => void): void;
  /** rules against the database once the plan holds ids (a customer has one referrer) */
  checkPlan?(plan: RecordPlan<F>, ctx: ReadingContext, problem: PlannedRowProblem<F>): Promise<void>;
}

/** What a file of records will write, a column array per field, ready for bulk SQL. */
export interface RecordPlan<F extends string> {
  /** the spreadsheet row of each record */
  rows: number[];
  /** the mapped fields only (a field the file does not have leaves the database's value alone); references as ids */
  values: Partial<Record<F, CellValue[]>>;
  summary: Record<string, number>;
}

/**
 * Reads a file of records keyed by a natural key (tickets, referrals, suggestions, income): each mapped cell by
 * its field's type, the key at most once in the file, the rules between a row's values; once the file is read,
 * the customers, products and users the rows name are looked up in the database (References), and the rows
 * naming one that is not there are reported and left out.
 */
export class RecordRows<F extends string> implements RowReader<RecordPlan<F>> {
  preview: Record<string, unknown>[] = [];
  private readonly seen = new Map<string, number>();
  private readonly fields: F[];
  private plan: RecordPlan<F>;

  constructor(
    private readonly ctx: ReadingContext,
    private readonly spec: RecordKindSpec<F>,
  ) {
    this.fields = (Object.keys(spec.fields) as F[]).filter((f) => isMapped(ctx.mapping, f));
    const values: RecordPlan<F>['values'] = {};
    for (const field of this.fields) values[field] = [];
    this.plan = { rows: [], values, summary: {} };
  }

  readRow(row: number, cells: string[], quoted?: ReadonlySet<number>) {
    const ctx = this.ctx;
    let ok = true;
    const problem = (field: F, why: Problem) => {
      reportProblem(ctx, row, field, why);
      ok = false;
    };
    const values: Partial<Record<F, CellValue>> = {};
    for (const field of this.fields) {
      const cell = cellOf(ctx, cells, field)!;
      const { type, required } = this.spec.fields[field];
      if (isBlank(cell)) {
        if (required) problem(field, problemOf('empty', required));
        values[field] = null;
        continue;
      }
      const value = type(cell, isQuoted(ctx, quoted, field), ctx);
      if (isProblem(value)) problem(field, value);
      else values[field] = value;
    }
    if (ok) this.spec.checkRow?.(values, problem);
    if (!ok) return;
    // only a valid row claims its key: a row fixed later must not be reported against a row that was invalid
    const key = this.spec.key.map((f) => String(values[f])).join('\u0000');
    const earlier = this.seen.get(key);
    if (earlier !== undefined) {
      problem(this.spec.key[this.spec.key.length - 1], problemOf('duplicateRecord', `${this.spec.describe(values)} is already on row ${earlier}`, { row: earlier }));
      return;
    }
    this.seen.set(key, row);

    this.plan.rows.push(row);
    for (const field of this.fields) this.plan.values[field]!.push(values[field] ?? null);
    if (this.preview.length < PREVIEW_ROWS) this.preview.push({ row, ...values });
  }

  async resolve() {
    const references = this.ctx.references;
    if (!references) throw new Error(`reading ${this.spec.name} needs the database, for the records the rows name`);
    const dropped = new Set<number>();
    const problem: PlannedRowProblem<F> = (index, field, why) => {
      reportProblem(this.ctx, this.plan.rows[index], field, why);
      dropped.add(index);
    };
    for (const field of this.fields) {
      const kind = this.spec.fields[field].refersTo;
      const column = this.plan.values[field]!;
      if (!kind) continue;
      const names = column.filter((v): v is string => v !== null);
      const found = await references.resolve(kind, names);
      column.forEach((name, i) => {
        if (name === null) return;
        const outcome = found.get(name as string)!;
        if (typeof outcome === 'number') column[i] = outcome;
        else problem(i, field, outcome.problem);
      });
    }
    // the plan's own rules see only rows whose references are all there
    this.leaveOut(dropped);
    await this.spec.checkPlan?.(this.plan, this.ctx, problem);
    this.leaveOut(dropped);
  }

  /** Takes the planned records at these indexes out of the plan and the preview, and empties the set. */
  private leaveOut(indexes: Set<number>) {
    if (indexes.size === 0) return;
    const keep = (_v: unknown, i: number) => !indexes.has(i);
    const rows = new Set(this.plan.rows.filter((_r, i) => indexes.has(i)));
    this.plan = {
      ...this.plan,
      rows: this.plan.rows.filter(keep),
      values: Object.fromEntries(Object.entries(this.plan.values).map(([f, column]) => [f, (column as CellValue[]).filter(keep)])) as RecordPlan<F>['values'],
    };
    this.preview = this.preview.filter((p) => !rows.has(p.row as number));
    indexes.clear();
  }

  finish(): RecordPlan<F> {
    this.plan.summary = { [this.spec.name]: this.plan.rows.length };
    return this.plan;
  }
}
