import { HttpError } from './errors.js';

/** Unique constraints users can run into, and the field each protects. */
const uniqueFields: Record<string, string> = {
  products_sku_key: 'sku',
  accounts_external_id_key: 'externalId',
  orders_order_no_key: 'orderNo',
  contracts_contract_no_unique: 'contractNo',
  users_email_unique: 'email',
};

/**
 * Turns constraint violations raised by PostgreSQL into the 4xx the client caused, so a race between two
 * saves (both passed the service's own checks) still answers 409, never 500.
 */
export function fromDatabaseError(err: unknown): HttpError | null {
  const e = (err as { cause?: unknown })?.cause ?? err;
  const { code, constraint } = (e ?? {}) as { code?: string; constraint?: string };
  if (code === '23505') {
    const field = (constraint && uniqueFields[constraint]) ?? constraint ?? 'record';
    return new HttpError(409, 'conflict', `A record with this ${field} already exists`, { field });
  }
  if (code === '23503') return new HttpError(400, 'validation_error', 'A referenced record does not exist', [{ path: constraint ?? 'reference', message: 'not found' }]);
  if (code === '22P02' || code === '22003' || code === '22007' || code === '22008') {
    return new HttpError(400, 'validation_error', 'A value is out of range or malformed', null);
  }
  return null;
}
