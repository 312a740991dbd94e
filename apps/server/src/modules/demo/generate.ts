/**
 * Generates the whole demo company in memory, deterministically from (seed, asOf): no I/O, so it
 * can be tested without a database and written by any writer.
 */
import { relationshipLevels } from '../accounts/schema.js';
import { generateActivities } from './activities.js';
import { CATALOGUE, NEW_ITEM_DAYS } from './catalogue.js';
import { COMPANY, drawCustomers, type Customer } from './customers.js';
import type { DemoAccount, DemoCompany, DemoContact, DemoOrder, DemoProduct, DemoUser, Language, UserKey } from './model.js';
import { chineseMobile, chineseName, englishName, foreignMobile, landline, slug } from './names.js';
import { DEMO_PARAMETERS, type CustomerType, type DemoParameters } from './parameters.js';
import { customerOrders, ORIGINAL_ORDER_NO, Shop, Shopper } from './purchases.js';
import { Random } from './random.js';
import { generateLeads } from './leads.js';
import { generateRelationshipData } from './relationship.js';

const DAY = 86400_000;
const WEEK = 7 * DAY;

export const DEMO_PASSWORD = 'relata-demo';

export const DEMO_USERS: readonly DemoUser[] = [
  { key: 'manager', email: 'manager@relata.demo', name: '陈建国', role: 'manager', locale: 'zh-CN' },
  { key: 'sales1', email: 'sales1@relata.demo', name: '李娜', role: 'sales', locale: 'zh-CN' },
  { key: 'sales2', email: 'sales2@relata.demo', name: '王强', role: 'sales', locale: 'zh-CN' },
  { key: 'sales3', email: 'sales3@relata.demo', name: 'Daniel Morgan', role: 'sales', locale: 'en-US' },
  { key: 'service', email: 'service@relata.demo', name: '赵敏', role: 'service', locale: 'zh-CN' },
  { key: 'analyst', email: 'analyst@relata.demo', name: 'Sarah Lin', role: 'analyst', locale: 'en-US' },
];

export interface GenerateOptions {
  seed?: string | number;
  /** The data ends at the start (00:00 UTC) of this date; default today. */
  asOf?: Date;
  params?: DemoParameters;
}

/** 00:00 UTC of the date. */
export const startOfUtcDay = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function generateDemoCompany(options: GenerateOptions = {}): DemoCompany {
  const params = options.params ?? DEMO_PARAMETERS;
  const rng = new Random(options.seed ?? params.seed);
  const asOf = startOfUtcDay(options.asOf ?? new Date());
  const historyStart = asOf - params.historyWeeks * WEEK;

  const products = buildProducts(rng.fork('products'), asOf, historyStart);
  const drawn = drawCustomers(rng.fork('customers'), params, historyStart, asOf);
  // Accounts are numbered in the order they were created (C000001 is the oldest customer).
  const customers = drawn.map((c, i) => [c, i] as const).sort((a, b) => a[0].createdAt - b[0].createdAt || a[1] - b[1]).map(([c]) => c);

  const shop = new Shop(CATALOGUE, products, historyStart);
  const orders: DemoOrder[] = [];
  customers.forEach((customer, i) => {
    const r = rng.fork(`orders/${i}`);
    orders.push(...customerOrders(r, new Shopper(customer, shop, r), params, i));
  });
  numberOrders(orders);

  const accounts = buildAccounts(rng.fork('accounts'), customers, orders, asOf);
  const contacts = buildContacts(rng.fork('contacts'), customers, asOf);
  const activities = generateActivities(rng.fork('activities'), { accounts, customers, contacts, orders, products, asOf, historyStart });
  // Tickets, referrals, suggestions and income history draw from their own streams: the rest stays as it was.
  const { tickets, referrals, suggestions, incomes } = generateRelationshipData(rng.fork('relationship'), { accounts, customers, contacts, orders, products, asOf, historyStart });
  const leads = generateLeads(rng.fork('leads'), accounts, customers, asOf);
  return { asOf, historyStart, users: DEMO_USERS.map((u) => ({ ...u })), products, accounts, contacts, orders, activities, tickets, referrals, suggestions, incomes, leads };
}

const CATEGORY_LABELS: Record<string, readonly [string, string]> = {
  building_materials: ['建材', 'Building materials'],
  tools: ['五金工具', 'Tools'],
  paint: ['涂料', 'Paint & coatings'],
  lighting: ['照明', 'Lighting'],
  plumbing: ['水暖卫浴', 'Plumbing & bathroom'],
  electrical: ['电工电料', 'Electrical'],
  flooring: ['地板', 'Flooring'],
  hardware: ['门窗五金', 'Door & cabinet hardware'],
  smart_home: ['智能家居', 'Smart home'],
  services: ['服务', 'Services'],
};

function buildProducts(r: Random, asOf: number, historyStart: number): DemoProduct[] {
  return CATALOGUE.map((item) => {
    // Long-standing items were launched 2 months to 6 years before the history starts.
    const launchedAt = item.launchedDaysAgo === null ? historyStart - r.int(60, 6 * 365) * DAY : asOf - item.launchedDaysAgo * DAY;
    const [zhCat, enCat] = CATEGORY_LABELS[item.category];
    const extras = [item.valueAdded ? '增值服务 / value-added' : null, item.launchedDaysAgo !== null && item.launchedDaysAgo <= NEW_ITEM_DAYS ? '新品 / new' : null, item.tier === 'premium' ? '高端 / premium' : null].filter(Boolean);
    return {
      sku: item.sku,
      name: `${item.zh} ${item.en}`,
      nameZh: item.zh,
      nameEn: item.en,
      category: item.category,
      kind: item.kind,
      listPrice: item.listPrice,
      unitCost: item.unitCost,
      valueAdded: item.valueAdded,
      launchedAt,
      launchDate: isoDate(launchedAt),
      description: [`${zhCat} / ${enCat}`, ...extras].join(' · '),
    };
  });
}

/** SO-2025-000123 by year for sales, RT-2025-00012 for returns, in time order. */
function numberOrders(orders: DemoOrder[]) {
  const indexed = orders.map((o, i) => [o, i] as const).sort((a, b) => a[0].orderedAt - b[0].orderedAt || a[1] - b[1]);
  const counters = new Map<string, number>();
  for (const [o] of indexed) {
    const prefix = `${o.status === 'returned' ? 'RT' : 'SO'}-${new Date(o.orderedAt).getUTCFullYear()}`;
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    o.orderNo = `${prefix}-${String(n).padStart(o.status === 'returned' ? 5 : 6, '0')}`;
  }
  orders.splice(0, orders.length, ...indexed.map(([o]) => o));
  for (const o of orders) if (o.returnOf && o.notes) o.notes = o.notes.replace(ORIGINAL_ORDER_NO, o.returnOf.orderNo);
}

/** Shares of relationship levels (basic → partnership) by customer type; better customers rank higher. */
const LEVEL_SHARES: Record<CustomerType, readonly number[]> = {
  consumer: [60, 25, 10, 4, 1],
  intermediary: [10, 20, 30, 25, 15],
  public_interest: [20, 30, 30, 15, 5],
  internal: [0, 0, 20, 30, 50],
};

const NOTES: Record<Language, readonly string[]> = {
  zh: ['客户对价格比较敏感，喜欢促销活动。', '主要负责人周末不方便接电话。', '新房装修，预计持续三个月。', '合作多年，付款及时。', '对环保材料要求高。', '需要开具增值税专用发票。', '每月底统一对账付款。', '仓库在郊区，送货需提前一天预约。'],
  en: ['Prefers e-mail over phone.', 'Pays on time; long-standing relationship.', 'Renovating a new flat, about three months of work.', 'Asks for eco-friendly materials.', 'Needs VAT invoices.', 'Decision maker travels a lot; book visits early.', 'Monthly statement, pays at month end.', 'Warehouse outside town: book deliveries a day ahead.'],
};

const TAGS: Record<string, readonly [string, string]> = {
  vip: ['VIP', 'VIP'],
  loyal: ['老客户', 'loyal'],
  priceSensitive: ['价格敏感', 'price-sensitive'],
  wholesale: ['批发', 'wholesale'],
  procurement: ['政府采购', 'public procurement'],
  renovating: ['装修中', 'renovating'],
  newCustomer: ['新客户', 'new customer'],
  prospect: ['潜在客户', 'prospect'],
  inactive: ['久未下单', 'inactive'],
  wechat: ['微信客户', 'WeChat'],
  designer: ['设计师推荐', 'referred by designer'],
  overseas: ['海外', 'overseas'],
};

function buildAccounts(r: Random, customers: Customer[], orders: DemoOrder[], asOf: number): DemoAccount[] {
  const stats = customers.map(() => ({ completed: 0, value: 0, last: 0, channels: new Map<string, number>() }));
  for (const o of orders) {
    if (o.status !== 'completed') continue;
    const s = stats[o.account];
    s.completed++;
    s.value += o.totalCents / 100;
    s.last = Math.max(s.last, o.orderedAt);
    s.channels.set(o.channel, (s.channels.get(o.channel) ?? 0) + 1);
  }
  // Relationship level: rank by value to the company (frequency and order size), within the type.
  const levels = new Array<DemoAccount['relationshipLevel']>(customers.length);
  for (const type of Object.keys(LEVEL_SHARES) as CustomerType[]) {
    const members = customers.map((c, i) => [c, i] as const).filter(([c]) => c.customerType === type);
    const scored = members
      .map(([, i]) => {
        const s = stats[i];
        const score = s.completed === 0 ? -10 : Math.log(1 + s.completed) + 0.5 * Math.log(s.value / s.completed);
        return [score + r.normal(0, 0.4), i] as const;
      })
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const shares = LEVEL_SHARES[type];
    const total = shares.reduce((a, b) => a + b, 0);
    scored.forEach(([, i], rank) => {
      let cum = 0;
      let level = 0;
      for (; level < shares.length - 1; level++) {
        cum += shares[level] / total;
        if (rank < cum * scored.length) break;
      }
      levels[i] = relationshipLevels[level];
    });
  }

  return customers.map((c, i): DemoAccount => {
    const s = stats[i];
    const level = levels[i];
    const abroad = c.city.country !== 'CN';
    let owner: UserKey | null;
    if (c.customerType === 'internal') owner = 'manager';
    else if (level === 'partnership' && r.chance(0.4)) owner = 'manager';
    else if (c.kind === 'person' && c.customerType === 'consumer' && (level === 'basic' || level === 'reactive') && r.chance(0.3)) owner = null;
    else if (abroad) owner = r.chance(0.9) ? 'sales3' : 'sales1';
    else owner = r.weighted([['sales1', 45], ['sales2', 40], ['sales3', 15]] as const);

    const tag = (key: keyof typeof TAGS) => TAGS[key][c.language === 'zh' ? 0 : 1];
    const tags: string[] = [];
    if (level === 'partnership' || (level === 'proactive' && r.chance(0.5))) tags.push(tag('vip'));
    if (s.completed >= 10) tags.push(tag('loyal'));
    if ((c.customerType === 'consumer' && c.latent.priceFactor < 0.97) || (c.customerType === 'intermediary' && c.latent.priceFactor < 0.82)) tags.push(tag('priceSensitive'));
    if (c.latent.segment === 'retailer') tags.push(tag('wholesale'));
    if (c.customerType === 'public_interest') tags.push(tag('procurement'));
    if (c.latent.segment === 'homeowner' && s.last > asOf - 8 * WEEK) tags.push(tag('renovating'));
    if (c.createdAt > asOf - 12 * WEEK) tags.push(tag('newCustomer'));
    if (c.prospect) tags.push(tag('prospect'));
    if (s.completed > 0 && s.last < asOf - 52 * WEEK && r.chance(0.4)) tags.push(tag('inactive'));
    if ((s.channels.get('wechat') ?? 0) > 0 && c.language === 'zh') tags.push(tag('wechat'));
    if (c.kind === 'person' && r.chance(0.05)) tags.push(tag('designer'));
    if (abroad) tags.push(tag('overseas'));

    return {
      externalId: `C${String(i + 1).padStart(6, '0')}`,
      kind: c.kind,
      name: c.name,
      language: c.language,
      customerType: c.customerType,
      relationshipLevel: level,
      owner,
      email: c.email,
      phone: c.phone,
      industry: c.industry,
      region: c.city.region,
      country: c.city.country,
      city: c.city.country === 'CN' ? c.city.zh : c.city.en,
      address: c.address,
      website: c.website,
      tags,
      notes: r.chance(0.35) ? r.pick(NOTES[c.language]) : null,
      attributes: c.attributes,
      createdAt: c.createdAt,
      latent: c.latent,
    };
  });
}

const TITLES: Record<DemoContact['role'], Record<Language, readonly string[]>> = {
  decision_maker: { zh: ['总经理', '董事长', '项目经理', '店长', '行政总监', '后勤处处长'], en: ['General Manager', 'Managing Director', 'Project Director', 'Store Owner', 'Head of Facilities', 'Operations Director'] },
  purchaser: { zh: ['采购经理', '采购专员', '材料员'], en: ['Purchasing Manager', 'Buyer', 'Procurement Officer'] },
  user: { zh: ['工程部主管', '现场施工员', '设备管理员', '店员'], en: ['Site Supervisor', 'Facilities Technician', 'Shop Assistant', 'Maintenance Lead'] },
  finance: { zh: ['财务主管', '会计', '出纳'], en: ['Finance Manager', 'Accountant', 'Accounts Payable Clerk'] },
};

/** 1–3 contacts per organisation (more for bigger ones), the first the decision maker. */
function buildContacts(r: Random, customers: Customer[], asOf: number): DemoContact[] {
  const contacts: DemoContact[] = [];
  customers.forEach((c, account) => {
    if (c.kind !== 'organisation') return;
    const employees = typeof c.attributes.employees === 'number' ? c.attributes.employees : 10;
    const n = 1 + (r.chance(employees > 20 ? 0.85 : 0.4) ? 1 : 0) + (r.chance(employees > 100 ? 0.6 : 0.12) ? 1 : 0);
    const roles: DemoContact['role'][] = ['decision_maker', ...r.shuffle<DemoContact['role']>(['purchaser', 'purchaser', 'user', 'finance']).filter((x, k, a) => a.indexOf(x) === k)];
    for (let k = 0; k < n; k++) {
      const role = roles[k];
      const zh = c.language === 'zh';
      const person = zh ? chineseName(r) : null;
      const en = zh ? null : englishName(r);
      const local = person ? `${person.pinyinGiven}.${person.pinyinSurname}` : `${slug(en!.first)}.${slug(en!.last)}`;
      const domain = c.domain ?? (c.customerType === 'internal' ? COMPANY.domain : null);
      const inChina = c.city.country === 'CN';
      contacts.push({
        account,
        name: person ? person.name : en!.name,
        title: r.pick(TITLES[role][c.language]),
        role,
        email: domain ? `${local}@${domain}` : zh ? `${local}${r.int(1, 99)}@163.com` : `${local}@gmail.com`,
        phone: r.chance(0.5) ? landline(r, c.city) : null,
        mobile: inChina ? chineseMobile(r) : foreignMobile(r, c.city),
        wechat: zh && r.chance(0.8) ? (r.chance(0.5) ? `wxid_${r.nextUint32().toString(36)}` : `${local.replace('.', '_')}${r.int(10, 999)}`) : null,
        preferredChannel: zh ? r.weighted([['wechat', 50], ['phone', 30], ['email', 10], ['visit', 10]] as const) : r.weighted([['email', 60], ['phone', 30], ['visit', 10]] as const),
        isPrimary: k === 0,
        createdAt: k === 0 ? c.createdAt : Math.min(asOf - DAY, c.createdAt + r.uniform(0, 200) * DAY),
      });
    }
  });
  return contacts;
}
