import { isProblem } from './cell-problem.js';
import { booleanValue, keyValue, textValue } from './cell-values.js';
import { day, money } from './field-types.js';
import { isMapped } from './mapping.js';
import { problemOf, type Problem } from './problem.js';
import { cellOf, isQuoted, PREVIEW_ROWS, reportProblem, type ReadingContext, type RowReader } from './row-reading.js';

/** Columns of the products table a products file can set, by import field. */
export const productColumns = {
  name: 'name',
  category: 'category',
  list_price: 'list_price',
  unit_cost: 'unit_cost',
  value_added: 'value_added',
  launch_date: 'launch_date',
} as const;
export type ProductField = keyof typeof productColumns;

export interface ProductPlan {
  sku: string[];
  /** mapped fields only: a field the file does not have leaves the database's value alone */
  values: Partial<Record<ProductField, (string | number | boolean | null)[]>>;
  summary: { products: number };
}

/** Reads products keyed by SKU (case-sensitive: Online Retail has both 85123A and 85123a). */
export class ProductRows implements RowReader<ProductPlan> {
  readonly preview: Record<string, unknown>[] = [];
  private readonly seen = new Map<string, number>();
  private readonly plan: ProductPlan;
  private readonly fields: ProductField[];

  constructor(private readonly ctx: ReadingContext) {
    this.fields = (Object.keys(productColumns) as ProductField[]).filter((f) => isMapped(ctx.mapping, f));
    this.plan = { sku: [], values: Object.fromEntries(this.fields.map((f) => [f, []])), summary: { products: 0 } };
  }

  readRow(row: number, cells: string[], quoted?: ReadonlySet<number>) {
    const ctx = this.ctx;
    let ok = true;
    const problem = (field: string, why: Problem) => {
      reportProblem(ctx, row, field, why);
      ok = false;
    };
    const sku = keyValue(cellOf(ctx, cells, 'sku'), isQuoted(ctx, quoted, 'sku'));
    if (sku === null) problem('sku', problemOf('empty', 'the SKU is empty'));
    else if (this.seen.has(sku)) problem('sku', problemOf('duplicateKey', `SKU ${sku} is already on row ${this.seen.get(sku)}`, { value: sku, row: this.seen.get(sku)! }));
    else this.seen.set(sku, row);

    const values: Partial<Record<ProductField, string | number | boolean | null>> = {};
    for (const field of this.fields) {
      const cell = cellOf(ctx, cells, field)!;
      const blank = cell.trim() === '';
      switch (field) {
        case 'name':
          if (blank) problem(field, problemOf('empty', 'the name is empty'));
          values.name = textValue(cell);
          break;
        case 'list_price':
        case 'unit_cost': {
          const v = blank ? null : money(14)(cell, false, ctx);
          if (isProblem(v)) problem(field, v);
          else values[field] = v;
          break;
        }
        case 'value_added': {
          // the column is NOT NULL with default false: blank means false
          const v = blank ? false : booleanValue(cell);
          if (isProblem(v)) problem(field, v);
          else values.value_added = v;
          break;
        }
        case 'launch_date': {
          const v = blank ? null : day(cell, false, ctx);
          if (isProblem(v)) problem(field, v);
          else values.launch_date = v;
          break;
        }
        default:
          values[field] = textValue(cell);
      }
    }
    if (!ok || sku === null) return;
    this.plan.sku.push(sku);
    for (const field of this.fields) this.plan.values[field]!.push(values[field] ?? null);
    if (this.preview.length < PREVIEW_ROWS) this.preview.push({ row, sku, ...values });
  }

  finish(): ProductPlan {
    this.plan.summary.products = this.plan.sku.length;
    return this.plan;
  }
}
