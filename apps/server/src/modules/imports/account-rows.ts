import { accountKinds, customerTypes, relationshipLevels } from '../accounts/schema.js';
import { isProblem } from './cell-problem.js';
import { choiceValue, keyValue, textValue } from './cell-values.js';
import { isMapped } from './mapping.js';
import { problemOf, type Problem } from './problem.js';
import { cellOf, isQuoted, PREVIEW_ROWS, reportProblem, type ReadingContext, type RowReader } from './row-reading.js';

/** Columns of the accounts table an accounts file can set, by import field. */
export const accountColumns = {
  name: 'name',
  kind: 'kind',
  customer_type: 'customer_type',
  relationship_level: 'relationship_level',
  email: 'email',
  phone: 'phone',
  industry: 'industry',
  region: 'region',
  country: 'country',
  city: 'city',
  address: 'address',
  tags: 'tags',
  notes: 'notes',
  owner_email: 'owner_id',
} as const;
export type AccountField = keyof typeof accountColumns;

export interface AccountPlan {
  externalId: string[];
  /** mapped fields only: a field the file does not have leaves the database's value alone */
  values: Partial<Record<AccountField, (string | number | null)[]>>;
  summary: { accounts: number };
}

const kindAliases: Record<string, (typeof accountKinds)[number]> = { organization: 'organisation', company: 'organisation', business: 'organisation', individual: 'person' };
const customerTypeAliases: Record<string, (typeof customerTypes)[number]> = { public: 'public_interest' };
const simpleEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads accounts keyed by external id. A blank cell in a mapped column means "no value" (NULL, or the
 * column's default for kind, customer type, relationship level and tags).
 */
export class AccountRows implements RowReader<AccountPlan> {
  readonly preview: Record<string, unknown>[] = [];
  private readonly seen = new Map<string, number>();
  private readonly plan: AccountPlan;
  private readonly fields: AccountField[];

  constructor(private readonly ctx: ReadingContext) {
    this.fields = (Object.keys(accountColumns) as AccountField[]).filter((f) => isMapped(ctx.mapping, f));
    this.plan = { externalId: [], values: Object.fromEntries(this.fields.map((f) => [f, []])), summary: { accounts: 0 } };
  }

  readRow(row: number, cells: string[], quoted?: ReadonlySet<number>) {
    const ctx = this.ctx;
    let ok = true;
    const problem = (field: string, why: Problem) => {
      reportProblem(ctx, row, field, why);
      ok = false;
    };
    const externalId = keyValue(cellOf(ctx, cells, 'external_id'), isQuoted(ctx, quoted, 'external_id'));
    if (externalId === null) problem('external_id', problemOf('empty', 'the external id is empty'));
    else if (this.seen.has(externalId)) problem('external_id', problemOf('duplicateKey', `external id ${externalId} is already on row ${this.seen.get(externalId)}`, { value: externalId, row: this.seen.get(externalId)! }));
    else this.seen.set(externalId, row);

    const values: Partial<Record<AccountField, string | number | null>> = {};
    let ownerEmail: string | null = null;
    for (const field of this.fields) {
      const cell = cellOf(ctx, cells, field)!;
      const blank = cell.trim() === '';
      switch (field) {
        case 'name':
          if (blank) problem(field, problemOf('empty', 'the name is empty'));
          values.name = textValue(cell);
          break;
        case 'kind':
        case 'customer_type':
        case 'relationship_level': {
          if (blank) {
            values[field] = null;
            break;
          }
          const v =
            field === 'kind'
              ? choiceValue(cell, accountKinds, kindAliases)
              : field === 'customer_type'
                ? choiceValue(cell, customerTypes, customerTypeAliases)
                : choiceValue(cell, relationshipLevels);
          if (isProblem(v)) problem(field, v);
          else values[field] = v;
          break;
        }
        case 'email': {
          const v = keyValue(cell);
          if (v !== null && !simpleEmail.test(v)) problem(field, problemOf('notEmail', `"${v}" is not an email address`, { value: v }));
          values.email = v;
          break;
        }
        case 'phone':
          values.phone = keyValue(cell, isQuoted(ctx, quoted, field));
          break;
        case 'tags': {
          // stored as one string with | between tags; SQL splits it into the text[] column
          const tags = [...new Set(cell.split('|').map((t) => t.trim()).filter((t) => t !== ''))];
          values.tags = tags.join('|');
          break;
        }
        case 'owner_email': {
          const email = keyValue(cell)?.toLowerCase() ?? null;
          ownerEmail = email;
          if (email === null) values.owner_email = null;
          else {
            const id = ctx.userIds?.get(email);
            if (id === undefined) problem(field, problemOf('unknownUser', `there is no user with the email ${email}`, { value: email }));
            else values.owner_email = id;
          }
          break;
        }
        default:
          values[field] = textValue(cell);
      }
    }
    if (!ok || externalId === null) return;
    this.plan.externalId.push(externalId);
    for (const field of this.fields) this.plan.values[field]!.push(values[field] ?? null);
    if (this.preview.length < PREVIEW_ROWS) {
      const shown: Record<string, unknown> = { row, external_id: externalId, ...values };
      if (values.tags !== undefined) shown.tags = String(values.tags).split('|').filter(Boolean);
      if (values.owner_email !== undefined) shown.owner_email = ownerEmail;
      this.preview.push(shown);
    }
  }

  finish(): AccountPlan {
    this.plan.summary.accounts = this.plan.externalId.length;
    return this.plan;
  }
}
