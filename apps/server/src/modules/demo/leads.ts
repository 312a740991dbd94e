/**
 * The demo company's open leads: organisations the sales team is working on, drawn like its business
 * customers (a random organisation account lends its type, segment, industry and city), so some resemble
 * the good customers and some the bad ones — what the exit cases' replacement prospects rank.
 */
import { chineseMobile, chineseName, EMAIL_DOMAIN_TLD, englishName, foreignMobile, slug } from './names.js';
import { organisationName, type Customer } from './customers.js';
import type { DemoAccount, DemoLead } from './model.js';
import type { Random } from './random.js';

const DAY = 86400_000;
export const DEMO_LEADS = 120;

export function generateLeads(r: Random, accounts: readonly DemoAccount[], customers: readonly Customer[], asOf: number): DemoLead[] {
  const templates = customers.map((c, i) => i).filter((i) => customers[i].kind === 'organisation' && customers[i].customerType !== 'internal');
  const usedNames = new Set(accounts.map((a) => a.name));
  const leads: DemoLead[] = [];
  for (let k = 0; k < DEMO_LEADS; k++) {
    const i = r.pick(templates);
    const template = customers[i];
    const account = accounts[i];
    const { language, city } = template;
    const company = organisationName(r, { segment: template.latent.segment, city, language, usedNames });
    const person = language === 'zh' ? chineseName(r) : englishName(r);
    leads.push({
      name: person.name,
      company: company.name,
      email: company.domain ? `${'pinyinGiven' in person ? slug(person.pinyinGiven) : slug(person.first)}@${company.domain}.${EMAIL_DOMAIN_TLD[city.country] ?? 'com'}` : null,
      phone: city.country === 'CN' ? chineseMobile(r) : foreignMobile(r, city),
      source: r.weighted([['form', 3], ['manual', 3], ['import', 2], ['referral', 1]] as const),
      status: r.weighted([['new', 4], ['working', 4], ['qualified', 2], ['unqualified', 1]] as const),
      owner: account.owner === 'manager' || account.owner === null ? 'sales1' : account.owner,
      attributes: { customerType: account.customerType, industry: account.industry, region: account.region, city: account.city },
      createdAt: asOf - r.int(1, 120) * DAY,
    });
  }
  return leads;
}
