/**
 * The demo company as plain data, before it is written: indexes instead of database ids (the writer
 * reserves id ranges and adds them), times as epoch milliseconds, money in cents so totals add up
 * exactly. Fields under `latent` are the generator's hidden truth and are never written.
 */
import type { accountKinds, relationshipLevels } from '../accounts/schema.js';
import type { activityTypes } from '../activities/schema.js';
import type { orderStatuses } from '../orders/schema.js';
import type { Role } from '../users/schema.js';
import type { CustomerType } from './parameters.js';

export type UserKey = 'manager' | 'sales1' | 'sales2' | 'sales3' | 'service' | 'analyst';
export type Language = 'zh' | 'en';
export type AttributeValue = string | number | boolean | null;

export interface DemoUser {
  key: UserKey;
  email: string;
  name: string;
  role: Role;
  locale: 'zh-CN' | 'en-US';
}

export interface DemoProduct {
  sku: string;
  /** "<Chinese> <English>", as stored; the halves are kept for subjects in one language. */
  name: string;
  nameZh: string;
  nameEn: string;
  category: string;
  kind: 'product' | 'service';
  listPrice: number;
  unitCost: number;
  valueAdded: boolean;
  /** YYYY-MM-DD */
  launchDate: string;
  launchedAt: number;
  description: string;
}

export interface AccountLatent {
  segment: string;
  secondarySegment: string | null;
  secondaryWeight: number;
  /** BG/NBD draws: purchase rate per week and dropout probability. */
  lambda: number;
  dropout: number;
  /** Gamma-Gamma draw: mean order value is spendShape / nu. */
  nu: number;
  /** Weeks from the start of the history to the first purchase (null for prospects). */
  firstPurchaseWeek: number | null;
  droppedOut: boolean;
  priceFactor: number;
  valueAddedPropensity: number;
  innovation: number;
  premiumPreference: number;
  /** Standardised appetite for service (more and longer tickets); higher for low price payers. */
  serviceDemand: number;
  /** In the costly group: service cost over the history exceeds the gross margin (see relationship.ts). */
  costly: boolean;
}

export interface DemoAccount {
  externalId: string;
  kind: (typeof accountKinds)[number];
  name: string;
  language: Language;
  customerType: CustomerType;
  relationshipLevel: (typeof relationshipLevels)[number];
  owner: UserKey | null;
  email: string | null;
  phone: string | null;
  industry: string | null;
  region: string;
  country: string;
  city: string;
  address: string;
  website: string | null;
  tags: string[];
  notes: string | null;
  attributes: Record<string, AttributeValue>;
  createdAt: number;
  latent: AccountLatent;
}

export interface DemoContact {
  account: number;
  name: string;
  title: string;
  role: 'decision_maker' | 'purchaser' | 'user' | 'finance';
  email: string | null;
  phone: string | null;
  mobile: string | null;
  wechat: string | null;
  preferredChannel: 'email' | 'phone' | 'sms' | 'wechat' | 'visit';
  isPrimary: boolean;
  createdAt: number;
}

export interface DemoOrderLine {
  product: number;
  /** Whole units; negative on returns. */
  quantity: number;
  unitPriceCents: number;
  unitCostCents: number;
  description: string | null;
}

export interface DemoOrder {
  orderNo: string;
  account: number;
  orderedAt: number;
  status: (typeof orderStatuses)[number];
  channel: string;
  totalCents: number;
  notes: string | null;
  lines: DemoOrderLine[];
  /** The Gamma-Gamma draw the basket was built to (completed and open orders), for tests. */
  targetSpend: number | null;
  /** The missions the basket came from. */
  missions: string[];
  /** The completed order a return gives back. */
  returnOf: DemoOrder | null;
}

export interface DemoActivity {
  account: number;
  contact: number | null;
  /** Index of a related order. */
  order: number | null;
  user: UserKey;
  type: (typeof activityTypes)[number];
  subject: string;
  body: string | null;
  occurredAt: number;
  durationMinutes: number | null;
  outcome: string | null;
  dueAt: number | null;
  completedAt: number | null;
}

export interface DemoTicket {
  account: number;
  contact: number | null;
  kind: 'request' | 'complaint' | 'question' | 'incident';
  subject: string;
  description: string | null;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  status: 'open' | 'in_progress' | 'waiting' | 'resolved' | 'closed';
  assignee: UserKey;
  openedAt: number;
  slaDueAt: number;
  resolvedAt: number | null;
  closedAt: number | null;
  minutesSpent: number;
  /** Staff time at the service rate plus visits, redeliveries, goodwill. */
  costCents: number;
  csat: number | null;
  nps: number | null;
  /** Generator only: how likely costs beyond staff time are (visits, replacements). */
  extraCostWeight: number;
}

export interface DemoReferral {
  referrer: number;
  referred: number;
  referredAt: number;
  /** The referred customer's revenue in its first year. */
  valueCents: number;
  notes: string | null;
}

export interface DemoSuggestion {
  account: number;
  product: number | null;
  suggestion: string;
  status: 'new' | 'reviewed' | 'adopted' | 'rejected';
  suggestedAt: number;
  response: string | null;
  reviewedAt: number | null;
}

/** One year of a customer's own revenue (organisations) or income (persons). */
export interface DemoIncome {
  account: number;
  year: number;
  income: number;
  source: string;
}

export interface DemoCompany {
  asOf: number;
  historyStart: number;
  users: DemoUser[];
  products: DemoProduct[];
  accounts: DemoAccount[];
  contacts: DemoContact[];
  orders: DemoOrder[];
  activities: DemoActivity[];
  tickets: DemoTicket[];
  referrals: DemoReferral[];
  suggestions: DemoSuggestion[];
  incomes: DemoIncome[];
  leads: DemoLead[];
}

/** A prospect the sales team is working on: not yet a customer, so it has traits but no behaviour. */
export interface DemoLead {
  name: string;
  company: string;
  email: string | null;
  phone: string;
  source: 'form' | 'import' | 'campaign' | 'referral' | 'manual';
  status: 'new' | 'working' | 'qualified' | 'unqualified';
  owner: UserKey | null;
  /** customerType, industry, region, city: the traits prospects are compared on */
  attributes: Record<string, AttributeValue>;
  createdAt: number;
}
