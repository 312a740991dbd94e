import { freeText, identifier, instant, money } from './field-types.js';
import { problemOf } from './problem.js';
import type { RecordKindSpec } from './record-rows.js';

export type ReferralField = 'referrer' | 'referred' | 'referred_at' | 'value' | 'notes';

/**
 * Word of mouth: which customer brought which. A customer is brought by one referrer (the unique index
 * referrals_referred_account_key), so the referred customer is the key: a file names each once, and a
 * referral already in Relata that names another referrer is not overwritten but reported on the row — who
 * brought a customer is corrected on the referral itself, by a person. Both customers must exist.
 */
export const referralSpec: RecordKindSpec<ReferralField> = {
  name: 'referrals',
  fields: {
    referrer: { type: identifier, required: 'the referring customer is empty', refersTo: 'accounts' },
    referred: { type: identifier, required: 'the referred customer is empty', refersTo: 'accounts' },
    // NOT NULL: an empty date cannot mean "keep what is there" in one bulk statement, so it is refused; leave the
    // column unmapped and new referrals are dated today, as in the form
    referred_at: { type: instant, required: 'the referral date is empty' },
    value: { type: money(14) },
    notes: { type: freeText },
  },
  key: ['referred'],
  describe: (key) => `the referral of customer ${key.referred}`,
  checkRow(values, problem) {
    if (values.referrer === values.referred) problem('referred', problemOf('selfReferral', `customer ${values.referred} cannot refer themselves`, { value: String(values.referred) }));
  },
  async checkPlan(plan, ctx, problem) {
    const referred = plan.values.referred as number[];
    const { rows } = await ctx.references!.db.query<{ referred: number; referrer: number; referrer_key: string | null; referred_key: string | null }>(
      `SELECT r.referred_account_id AS referred, r.referrer_account_id AS referrer, a.external_id AS referrer_key, b.external_id AS referred_key
       FROM referrals r JOIN accounts a ON a.id = r.referrer_account_id JOIN accounts b ON b.id = r.referred_account_id
       WHERE r.deleted_at IS NULL AND r.referred_account_id = ANY($1::bigint[])`,
      [referred],
    );
    const existing = new Map(rows.map((r) => [Number(r.referred), r]));
    referred.forEach((id, i) => {
      const known = existing.get(id);
      if (known && Number(known.referrer) !== plan.values.referrer![i]) {
        const referrer = known.referrer_key ?? `#${known.referrer}`;
        problem(
          i,
          'referrer',
          problemOf('alreadyReferred', `customer ${known.referred_key} was brought by customer ${referrer} (a referral already in Relata); a customer has one referrer`, {
            customer: known.referred_key ?? `#${id}`,
            referrer,
          }),
        );
      }
    });
  },
};
