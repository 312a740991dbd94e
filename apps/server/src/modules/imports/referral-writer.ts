import type { RecordTable } from './record-upsert.js';
import type { ReferralField } from './referral-rows.js';

/** Referrals, upserted by referred customer (the unique index referrals_referred_account_key). */
export const referralTable: RecordTable<ReferralField> = {
  table: 'referrals',
  conflict: '(referred_account_id) WHERE deleted_at IS NULL AND referred_account_id IS NOT NULL',
  columns: {
    referrer: { column: 'referrer_account_id', param: 'bigint[]' },
    referred: { column: 'referred_account_id', param: 'bigint[]' },
    referred_at: { column: 'referred_at', param: 'timestamptz[]' },
    value: { column: 'value', param: 'numeric[]' },
    notes: { column: 'notes', param: 'text[]' },
  },
};
