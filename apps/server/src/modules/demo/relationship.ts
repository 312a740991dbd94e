/**
 * What the demo company knows about each relationship beyond orders, for the nine relationship-value
 * factors: service tickets with the time and cost they took, referrals (who brought whom), product
 * suggestions, and the customers' own yearly revenue or income.
 *
 * Everything here is drawn after the orders, from streams of its own, so the orders, accounts and
 * activities are exactly what they were without it. The hidden traits drive it:
 *   - service demand goes with a low price paid (price-sensitive customers ask for more), and a
 *     "costly" group — about 5 % of buyers, chosen among customers who pay below the average price of
 *     what they buy and are not in their type's top quarter by margin — files many long tickets with site visits, redeliveries and
 *     goodwill replacements, so their service cost over the history exceeds their gross margin
 *     (1.2–2.2 times): the clearly unprofitable customers;
 *   - referrals go to the accounts acquired through referral (attribute acquisitionChannel), from
 *     existing buyers chosen by loyalty (low dropout, many orders before), affluence, same city and
 *     kind; the referral's value is the referred customer's first-year revenue;
 *   - suggestions come from innovative customers (latent innovation), about items they bought or
 *     ideas for new ones; older ones have been reviewed, adopted or rejected;
 *   - income history: organisations' yearly revenue (institutions: budget) for 3–5 years up to last
 *     year, and about 40 % of private customers' yearly income, ending at the account's attribute,
 *     with growth that follows the customer's own order trend (some clearly declining).
 */
import type { Customer } from './customers.js';
import type {
  DemoAccount,
  DemoContact,
  DemoIncome,
  DemoOrder,
  DemoProduct,
  DemoReferral,
  DemoSuggestion,
  DemoTicket,
  Language,
  UserKey,
} from './model.js';
import type { CustomerType } from './parameters.js';
import type { Random } from './random.js';

const DAY = 86400_000;
const HOUR = 3600_000;
const WEEK = 7 * DAY;
const YEAR = 365 * DAY;

/** Fully loaded cost of an hour of service staff time (CNY). */
export const SERVICE_HOURLY_COST = 150;
/** Share of buying customers in the costly (unprofitable) group. */
export const COSTLY_SHARE = 0.05;

export interface RelationshipInput {
  accounts: DemoAccount[];
  customers: Customer[];
  contacts: DemoContact[];
  orders: DemoOrder[];
  products: DemoProduct[];
  asOf: number;
  historyStart: number;
}

export interface RelationshipData {
  tickets: DemoTicket[];
  referrals: DemoReferral[];
  suggestions: DemoSuggestion[];
  incomes: DemoIncome[];
}

interface AccountStats {
  completed: number;
  /** completed and returned orders, by time */
  orders: DemoOrder[];
  returns: DemoOrder[];
  revenueCents: number;
  marginCents: number;
  completedTimes: number[];
  firstPurchase: number | null;
  lastPurchase: number | null;
  /** What the customer paid over what the same items cost on average (1 = the average price). */
  priceRatio: number;
}

export function generateRelationshipData(rng: Random, input: RelationshipInput): RelationshipData {
  const stats = accountStats(input);
  markCostly(rng.fork('costly'), input, stats);
  return {
    tickets: generateTickets(rng.fork('tickets'), input, stats),
    referrals: generateReferrals(rng.fork('referrals'), input, stats),
    suggestions: generateSuggestions(rng.fork('suggestions'), input, stats),
    incomes: generateIncomes(rng.fork('incomes'), input, stats),
  };
}

function accountStats({ accounts, orders, products }: RelationshipInput): AccountStats[] {
  const stats: AccountStats[] = accounts.map(() => ({ completed: 0, orders: [], returns: [], revenueCents: 0, marginCents: 0, completedTimes: [], firstPurchase: null, lastPurchase: null, priceRatio: 1 }));
  // the average price of each item over everything sold
  const sold = products.map(() => ({ value: 0, quantity: 0 }));
  for (const o of orders) {
    if (o.status !== 'completed' && o.status !== 'returned') continue;
    for (const l of o.lines) {
      if (l.quantity <= 0) continue;
      sold[l.product].value += l.quantity * l.unitPriceCents;
      sold[l.product].quantity += l.quantity;
    }
  }
  const paid = accounts.map(() => ({ value: 0, atAverage: 0 }));
  for (const o of orders) {
    const s = stats[o.account];
    if (o.status !== 'completed' && o.status !== 'returned') continue;
    s.orders.push(o);
    s.revenueCents += o.totalCents;
    for (const l of o.lines) {
      s.marginCents += l.quantity * (l.unitPriceCents - l.unitCostCents);
      if (l.quantity <= 0) continue;
      paid[o.account].value += l.quantity * l.unitPriceCents;
      paid[o.account].atAverage += (l.quantity * sold[l.product].value) / sold[l.product].quantity;
    }
    if (o.status === 'returned') {
      s.returns.push(o);
      continue;
    }
    s.completed++;
    s.completedTimes.push(o.orderedAt);
    s.firstPurchase = s.firstPurchase === null ? o.orderedAt : Math.min(s.firstPurchase, o.orderedAt);
    s.lastPurchase = s.lastPurchase === null ? o.orderedAt : Math.max(s.lastPurchase, o.orderedAt);
  }
  stats.forEach((s, i) => {
    s.orders.sort((a, b) => a.orderedAt - b.orderedAt);
    s.completedTimes.sort((a, b) => a - b);
    if (paid[i].atAverage > 0) s.priceRatio = paid[i].value / paid[i].atAverage;
  });
  return stats;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * Service demand (standardised, higher = more tickets; it rises as the price paid falls within the
 * customer's type) and the costly group: customers who pay below the average price of the items they
 * buy (company-wide), with at least two purchases and a gross margin not in their type's top quarter,
 * picked with weight growing as their price and their margin fall.
 */
function markCostly(r: Random, { accounts }: RelationshipInput, stats: AccountStats[]) {
  const types = [...new Set(accounts.map((a) => a.customerType))] as CustomerType[];
  const eligible: { i: number; weight: number }[] = [];
  for (const type of types) {
    const members = accounts.map((a, i) => i).filter((i) => accounts[i].customerType === type);
    const pf = members.map((i) => accounts[i].latent.priceFactor);
    const m = mean(pf);
    const sd = Math.sqrt(mean(pf.map((x) => (x - m) ** 2))) || 1;
    const margins = members.map((i) => stats[i].marginCents).filter((x) => x > 0).sort((a, b) => a - b);
    const marginCut = margins.length ? margins[Math.floor(0.75 * (margins.length - 1))] : 0;
    for (const i of members) {
      const l = accounts[i].latent;
      l.serviceDemand = (-0.7 * (l.priceFactor - m)) / sd + r.normal(0, 0.6);
      l.costly = false;
      const s = stats[i];
      if (type !== 'internal' && s.completed >= 2 && s.priceRatio < 1 && s.marginCents > 0 && s.marginCents <= marginCut) {
        eligible.push({ i, weight: Math.exp(8 * (1 - s.priceRatio)) * (marginCut / s.marginCents) ** 0.7 });
      }
    }
  }
  const buyers = stats.filter((s) => s.completed > 0).length;
  const wanted = Math.min(eligible.length, Math.round(COSTLY_SHARE * buyers));
  // weighted sampling without replacement (Efraimidis–Spirakis keys)
  const keyed = eligible.map((e) => [Math.log(r.nextPositive()) / e.weight, e.i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of keyed.slice(0, wanted)) {
    accounts[i].latent.costly = true;
    accounts[i].latent.serviceDemand = Math.max(accounts[i].latent.serviceDemand, 1.5);
  }
}

type TicketKind = DemoTicket['kind'];

const TICKET_SUBJECTS: Record<TicketKind, Record<Language, readonly string[]>> = {
  question: {
    zh: ['咨询{x}的使用方法', '询问{x}的保修政策', '发票开具问题', '询问送货时间', '咨询{x}的施工要求'],
    en: ['How to use {x}', 'Warranty terms for {x}', 'Question about an invoice', 'When will my delivery arrive?', 'Installation requirements for {x}'],
  },
  request: {
    zh: ['申请更改送货时间', '申请补开发票', '预约上门测量', '申请调换{x}型号', '要求提供{x}检测报告'],
    en: ['Change of delivery date', 'Please reissue the invoice', 'Book a measuring visit', 'Exchange {x} for another model', 'Test certificate for {x}'],
  },
  complaint: {
    zh: ['投诉：{x}到货破损', '投诉：送货延误', '投诉：安装师傅迟到', '投诉：{x}颜色与样品不符', '投诉：发货数量不对', '投诉：服务态度'],
    en: ['Complaint: {x} arrived damaged', 'Complaint: late delivery', 'Complaint: fitter arrived late', 'Complaint: {x} does not match the sample', 'Complaint: wrong quantity delivered', 'Complaint: staff attitude'],
  },
  incident: {
    zh: ['{x}安装后漏水', '{x}使用中出现故障', '{x}开裂需要返工', '现场返工：{x}', '{x}质量问题，要求上门检查'],
    en: ['{x} leaking after installation', '{x} stopped working', '{x} cracked, rework needed', 'Rework on site: {x}', 'Quality problem with {x}: site inspection requested'],
  },
};

const TICKET_DESCRIPTIONS: Record<Language, readonly string[]> = {
  zh: ['客户来电反映，已记录并安排跟进。', '客户要求尽快处理。', '需要仓库协助核实。', '已安排师傅上门查看。', '客户情绪较大，需主管跟进。', '已与客户确认处理方案。'],
  en: ['Customer called in; logged and followed up.', 'Customer asks for a quick fix.', 'Warehouse to check the stock record.', 'Technician booked for a site visit.', 'Customer upset; supervisor to follow up.', 'Solution agreed with the customer.'],
};

/** Median staff minutes per ticket by kind. */
const MINUTES: Record<TicketKind, number> = { question: 15, request: 35, complaint: 60, incident: 95 };
/** Ordinary tickets per completed order, by customer type. */
const TICKET_RATE: Record<CustomerType, number> = { consumer: 0.12, intermediary: 0.09, public_interest: 0.14, internal: 0.04 };
const SLA_HOURS: Record<DemoTicket['priority'], number> = { low: 168, normal: 72, high: 24, urgent: 4 };

function generateTickets(rng: Random, input: RelationshipInput, stats: AccountStats[]): DemoTicket[] {
  const { accounts, contacts, products, asOf } = input;
  const contactsOf = new Map<number, number[]>();
  contacts.forEach((c, k) => contactsOf.set(c.account, [...(contactsOf.get(c.account) ?? []), k]));
  const tickets: DemoTicket[] = [];

  accounts.forEach((account, i) => {
    const r = rng.fork(i);
    const s = stats[i];
    const l = account.latent;
    const lang = account.language;
    const own: DemoTicket[] = [];
    const productName = (o: DemoOrder | null) => {
      const line = o && o.lines.length ? r.pick(o.lines) : null;
      const p = line ? products[line.product] : null;
      return p ? (lang === 'zh' ? p.nameZh : p.nameEn) : lang === 'zh' ? '产品' : 'the goods';
    };
    const add = (kind: TicketKind, anchor: DemoOrder | null, at: number, minutesScale: number) => {
      const openedAt = Math.min(asOf - HOUR, at);
      const priority: DemoTicket['priority'] =
        kind === 'incident' ? r.weighted([['normal', 3], ['high', 5], ['urgent', 2]] as const) : kind === 'complaint' ? r.weighted([['normal', 5], ['high', 4], ['urgent', 1]] as const) : r.weighted([['low', 3], ['normal', 6], ['high', 1]] as const);
      const minutes = Math.max(5, Math.round(MINUTES[kind] * minutesScale * Math.exp(r.normal(0, 0.55)) / 5) * 5);
      const hoursToResolve = (kind === 'question' ? 4 : kind === 'request' ? 30 : 60) * (l.costly ? 2.5 : 1) * Math.exp(r.normal(0, 0.8));
      const resolvedAt = openedAt + hoursToResolve * HOUR;
      let status: DemoTicket['status'];
      let closedAt: number | null = null;
      if (resolvedAt < asOf - 2 * DAY && r.chance(0.85)) {
        status = 'closed';
        closedAt = Math.min(asOf - HOUR, resolvedAt + r.uniform(0.5, 5) * DAY);
      } else if (resolvedAt < asOf) status = 'resolved';
      else status = r.weighted([['open', 3], ['in_progress', 4], ['waiting', 2]] as const);
      const done = status === 'closed' || status === 'resolved';
      // satisfaction: asked after about half the finished tickets; demanding customers rate lower
      const surveyed = done && r.chance(0.45);
      const mood = 0.9 - 0.35 * (kind === 'complaint' || kind === 'incident' ? 1 : 0) - (l.costly ? 0.9 : 0.15 * Math.max(0, l.serviceDemand)) + r.normal(0, 0.7);
      const ownerKey = account.owner;
      const contactList = contactsOf.get(i) ?? [];
      own.push({
        account: i,
        contact: contactList.length && r.chance(0.8) ? r.pick(contactList) : null,
        kind,
        subject: r.pick(TICKET_SUBJECTS[kind][lang]).replace('{x}', productName(anchor)),
        description: r.chance(0.6) ? r.pick(TICKET_DESCRIPTIONS[lang]) : null,
        priority,
        status,
        assignee: (ownerKey && ownerKey !== 'manager' && r.chance(0.12) ? ownerKey : 'service') as UserKey,
        openedAt,
        slaDueAt: openedAt + SLA_HOURS[priority] * HOUR,
        resolvedAt: done ? Math.min(asOf - HOUR, resolvedAt) : null,
        closedAt,
        minutesSpent: minutes,
        costCents: 0,
        csat: surveyed ? clamp(Math.round(3.6 + mood), 1, 5) : null,
        nps: surveyed ? clamp(Math.round(7 + 2 * mood), 0, 10) : null,
        // where costs beyond staff time are likely: visits, redeliveries, replacements
        extraCostWeight: kind === 'incident' ? 3 : kind === 'complaint' ? 2 : kind === 'request' ? 0.5 : 0,
      });
    };

    if (s.completed === 0) {
      // prospects ask a question now and then
      if (r.chance(0.15)) add('question', null, account.createdAt + r.uniform(0, Math.max(1, asOf - account.createdAt - DAY)), 1);
    } else {
      // every return comes with a ticket
      for (const o of s.returns) add(r.chance(0.6) ? 'complaint' : 'request', o.returnOf ?? o, o.orderedAt - r.uniform(0, 2) * DAY, 1);
      const rate = TICKET_RATE[account.customerType] * Math.exp(0.45 * clamp(l.serviceDemand, -2.5, 2.5)) * (l.costly ? r.uniform(5, 9) : 1);
      const n = l.costly ? Math.max(8, r.poisson(s.completed * rate)) : r.poisson(s.completed * rate);
      const completedOrders = s.orders.filter((o) => o.status === 'completed');
      for (let k = 0; k < n; k++) {
        const anchor = r.pick(completedOrders);
        const kind = l.costly
          ? r.weighted([['question', 1], ['request', 2], ['complaint', 4], ['incident', 4]] as const)
          : r.weighted([['question', 5], ['request', 4], ['complaint', 2], ['incident', 1.2]] as const);
        add(kind, anchor, anchor.orderedAt + r.exponential(1 / 6) * DAY + r.uniform(8, 17) * HOUR, l.costly ? 2.6 : Math.exp(0.2 * l.serviceDemand));
      }
    }

    // cost = staff time + visits, redeliveries, goodwill
    const meanOrderCents = s.completed ? s.revenueCents / Math.max(1, s.orders.length) : 0;
    for (const t of own) {
      const labour = Math.round((t.minutesSpent / 60) * SERVICE_HOURLY_COST * 100);
      const visit = t.extraCostWeight >= 2 && r.chance(account.kind === 'person' ? 0.2 : 0.35) ? Math.round(r.uniform(200, 600)) * 100 : 0;
      const goodwill = t.extraCostWeight >= 2 && r.chance(0.08) ? Math.round(meanOrderCents * r.uniform(0.02, 0.08)) : 0;
      t.costCents = labour + visit + goodwill;
    }
    if (l.costly) {
      // The costly group's tickets add up to more than the margin the customer brings: the extra goes on
      // visits, redeliveries and replacements, in proportion to each ticket's weight.
      const target = Math.round(Math.max(0, s.marginCents) * r.uniform(1.2, 2.2));
      const current = own.reduce((a, t) => a + t.costCents, 0);
      let weights = own.map((t) => t.extraCostWeight * Math.exp(r.normal(0, 0.4)));
      if (weights.every((w) => w === 0)) weights = own.map(() => 1);
      const totalWeight = weights.reduce((a, b) => a + b, 0);
      if (target > current) {
        let left = target - current;
        own.forEach((t, k) => {
          const extra = k === own.length - 1 ? left : Math.min(left, Math.round(((target - current) * weights[k]) / totalWeight));
          t.costCents += extra;
          left -= extra;
        });
        if (left > 0) own[own.length - 1].costCents += left;
      }
    }
    tickets.push(...own);
  });
  return tickets.sort((a, b) => a.openedAt - b.openedAt || a.account - b.account);
}

const REFERRAL_NOTES: Record<Language, readonly string[]> = {
  zh: ['老客户介绍的朋友，正在装修新房', '同行推荐过来的', '介绍了合作的施工队', '邻居推荐', '客户在微信群里推荐了我们', '介绍了公司的采购部门'],
  en: ['Friend of a long-standing customer, renovating', 'Recommended by a fellow contractor', 'Introduced the crew they work with', 'Neighbour recommended us', 'Recommended us in a WeChat group', 'Introduced their purchasing department'],
};

function generateReferrals(r: Random, input: RelationshipInput, stats: AccountStats[]): DemoReferral[] {
  const { accounts, customers } = input;
  const dropoutLogit = accounts.map((a) => Math.log(a.latent.dropout / (1 - a.latent.dropout)));
  const m = mean(dropoutLogit);
  const sd = Math.sqrt(mean(dropoutLogit.map((x) => (x - m) ** 2))) || 1;
  const loyalty = dropoutLogit.map((x) => -(x - m) / sd);
  const referred = accounts
    .map((a, i) => i)
    .filter((i) => accounts[i].attributes.acquisitionChannel === 'referral')
    .sort((x, y) => accounts[x].createdAt - accounts[y].createdAt || x - y);
  const referrals: DemoReferral[] = [];
  for (const j of referred) {
    const target = accounts[j];
    const at = target.createdAt - r.uniform(1, 12) * DAY;
    const candidates: number[] = [];
    const weights: number[] = [];
    accounts.forEach((a, i) => {
      if (i === j || a.customerType === 'internal') return;
      const s = stats[i];
      if (s.firstPurchase === null || s.firstPurchase > at - 2 * WEEK) return;
      const before = countBefore(s.completedTimes, at);
      const lapsed = s.lastPurchase !== null && s.lastPurchase < at - 40 * WEEK;
      let w = Math.exp(0.9 * loyalty[i] + 0.4 * customers[i].affluence) * Math.log(2 + before) * (lapsed ? 0.15 : 1);
      if (a.city === target.city) w *= 4;
      if (a.kind === target.kind) w *= 2;
      if (a.language === target.language) w *= 2;
      candidates.push(i);
      weights.push(w);
    });
    if (candidates.length === 0) continue; // brought by someone outside our customer base
    const referrer = candidates[r.weightedIndex(weights)];
    const firstYear = input.orders
      .filter((o) => o.account === j && (o.status === 'completed' || o.status === 'returned') && o.orderedAt < target.createdAt + YEAR)
      .reduce((a, o) => a + o.totalCents, 0);
    referrals.push({
      referrer,
      referred: j,
      referredAt: at,
      valueCents: Math.max(0, firstYear),
      notes: r.chance(0.6) ? r.pick(REFERRAL_NOTES[accounts[referrer].language]) : null,
    });
  }
  return referrals;
}

function countBefore(sorted: number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const PRODUCT_SUGGESTIONS: Record<Language, readonly string[]> = {
  zh: ['建议{x}增加更多颜色可选', '希望{x}有大包装，工地用量大', '{x}的包装容易破损，建议加固', '希望{x}附带中英文安装说明', '{x}如果能做成免工具安装就更好了', '建议{x}提供环保检测报告', '希望{x}推出更小的规格', '{x}可以考虑和配件一起打包销售'],
  en: ['More colours for {x}, please', 'Bulk packs of {x} for site use', 'The packaging of {x} breaks easily', 'Bilingual fitting instructions for {x}', 'A tool-free version of {x} would help', 'Publish emission test results for {x}', 'A smaller size of {x}', 'Sell {x} as a kit with its accessories'],
};
const NEW_PRODUCT_IDEAS: Record<Language, readonly string[]> = {
  zh: ['希望店里能提供瓷砖切割机租赁', '建议增加智能门锁的安装服务', '希望有低VOC的底漆', '建议推出旧房翻新套餐', '希望提供夜间送货服务', '建议增加太阳能庭院灯', '希望能在线预约样品', '建议提供工地垃圾清运服务'],
  en: ['Rent out tile cutters', 'Offer smart-lock installation', 'Stock a low-VOC primer', 'A refurbishment package for older flats', 'Evening deliveries', 'Solar garden lights', 'Book samples online', 'Site waste removal service'],
};
const RESPONSES: Record<'adopted' | 'rejected' | 'reviewed', Record<Language, readonly string[]>> = {
  adopted: { zh: ['已采纳，下季度上架', '已反馈供应商并改进', '已加入新品计划'], en: ['Adopted: on the shelf next quarter', 'Passed to the supplier, now improved', 'Added to the new-product plan'] },
  rejected: { zh: ['成本过高，暂不考虑', '需求量不足，暂不采纳'], en: ['Too costly for now', 'Not enough demand yet'] },
  reviewed: { zh: ['已记录，持续观察需求', '转产品部评估中'], en: ['Noted; watching demand', 'With product management for assessment'] },
};

function generateSuggestions(rng: Random, input: RelationshipInput, stats: AccountStats[]): DemoSuggestion[] {
  const { accounts, products, asOf } = input;
  const suggestions: DemoSuggestion[] = [];
  accounts.forEach((account, i) => {
    const s = stats[i];
    if (s.completed === 0 || s.firstPurchase === null) return;
    const r = rng.fork(i);
    const l = account.latent;
    const lang = account.language;
    const n = r.poisson(1.6 * l.innovation ** 1.6 * (1 + 0.35 * Math.log(1 + s.completed)));
    for (let k = 0; k < n; k++) {
      const at = s.firstPurchase + r.uniform(1, Math.max(2, (asOf - s.firstPurchase) / DAY - 1)) * DAY;
      // about an item bought before (innovators pick newer ones), or an idea for a new product
      const bought = s.orders.filter((o) => o.status === 'completed' && o.orderedAt < at).flatMap((o) => o.lines.map((x) => x.product));
      let product: number | null = null;
      if (bought.length && r.chance(0.65)) {
        const newest = [...new Set(bought)].sort((a, b) => products[b].launchedAt - products[a].launchedAt || a - b);
        product = r.chance(l.innovation) ? newest[0] : r.pick(bought);
      }
      const name = product === null ? '' : lang === 'zh' ? products[product].nameZh : products[product].nameEn;
      const text = product === null ? r.pick(NEW_PRODUCT_IDEAS[lang]) : r.pick(PRODUCT_SUGGESTIONS[lang]).replace('{x}', name);
      const age = (asOf - at) / DAY;
      let status: DemoSuggestion['status'] = 'new';
      if (age > 45 || (age > 10 && r.chance(0.5))) {
        status = r.chance(0.12 + 0.35 * l.innovation) ? 'adopted' : r.chance(0.45) ? 'rejected' : 'reviewed';
      }
      const reviewedAt = status === 'new' ? null : Math.min(asOf - HOUR, at + r.uniform(3, Math.min(40, age)) * DAY);
      suggestions.push({
        account: i,
        product,
        suggestion: text,
        status,
        suggestedAt: at,
        response: status === 'new' || r.chance(0.3) ? null : r.pick(RESPONSES[status][lang]),
        reviewedAt,
      });
    }
  });
  return suggestions.sort((a, b) => a.suggestedAt - b.suggestedAt || a.account - b.account);
}

function generateIncomes(rng: Random, input: RelationshipInput, stats: AccountStats[]): DemoIncome[] {
  const { accounts, asOf } = input;
  const lastYear = new Date(asOf).getUTCFullYear() - 1;
  const incomes: DemoIncome[] = [];
  accounts.forEach((account, i) => {
    if (account.customerType === 'internal') return;
    const r = rng.fork(i);
    const a = account.attributes;
    const isOrg = account.kind === 'organisation';
    const anchor = isOrg ? (typeof a.annualRevenue === 'number' ? a.annualRevenue : typeof a.annualBudget === 'number' ? a.annualBudget : null) : typeof a.annualIncome === 'number' ? a.annualIncome : null;
    if (anchor === null || (!isOrg && !r.chance(0.4))) return;
    const s = stats[i];
    // the customer's own order trend over the last two years carries into its growth
    const lastYearOrders = s.completedTimes.filter((t) => t >= asOf - YEAR).length;
    const yearBefore = s.completedTimes.filter((t) => t >= asOf - 2 * YEAR && t < asOf - YEAR).length;
    const trend = s.completed ? Math.log((lastYearOrders + 1) / (yearBefore + 1)) : 0;
    const institution = typeof a.annualBudget === 'number';
    const growth = isOrg
      ? clamp(r.normal(institution ? 0.03 : 0.05, institution ? 0.04 : 0.1) + 0.08 * trend + 0.02 * account.latent.premiumPreference - (account.latent.droppedOut ? 0.06 : 0), -0.35, 0.45)
      : clamp(r.normal(0.035, 0.05) + 0.02 * trend, -0.2, 0.25);
    const founded = typeof a.foundedYear === 'number' ? a.foundedYear : lastYear - 10;
    const years = Math.max(1, Math.min(isOrg ? r.int(3, 5) : r.int(2, 4), lastYear - founded + 1));
    const step = isOrg ? 10_000 : 1000;
    for (let k = years - 1; k >= 0; k--) {
      const value = anchor / (1 + growth) ** k * (k === 0 ? 1 : Math.exp(r.normal(0, isOrg ? 0.04 : 0.02)));
      incomes.push({
        account: i,
        year: lastYear - k,
        income: Math.max(step, Math.round(value / step) * step),
        source: isOrg ? (institution ? (r.chance(0.7) ? 'budget' : 'estimate') : r.weighted([['annual report', 5], ['customer statement', 3], ['estimate', 2]] as const)) : 'customer profile',
      });
    }
  });
  return incomes;
}
