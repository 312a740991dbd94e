/**
 * The demo company's customers: for each account, the hidden draws of the purchase process
 * (BG/NBD λ and p, Gamma-Gamma ν, see parameters.ts), a segment that decides what it buys, and
 * the visible identity (name, place, phone, typed attributes) derived from those draws so that the
 * attributes carry real signal (income goes with spend and with taste for premium, new and
 * value-added items; company size goes with order value).
 */
import { SEGMENT_NEIGHBOURS } from './catalogue.js';
import type { AccountLatent, AttributeValue, Language } from './model.js';
import {
  CHINESE_BRANDS,
  CHINESE_CITIES,
  EMAIL_DOMAIN_TLD,
  ENGLISH_ORG_WORDS,
  FOREIGN_CITIES,
  ORG_SUFFIX,
  chineseAddress,
  chineseMobile,
  chineseName,
  englishAddress,
  englishName,
  foreignMobile,
  landline,
  slug,
  type City,
} from './names.js';
import type { CustomerType, DemoParameters } from './parameters.js';
import type { Random } from './random.js';

export const COMPANY = { zh: '安居建材', en: 'Anju Building Supply', domain: 'anju-supply.com.cn' };

export interface Customer {
  customerType: CustomerType;
  kind: 'person' | 'organisation';
  language: Language;
  city: City;
  name: string;
  email: string | null;
  phone: string;
  website: string | null;
  address: string;
  industry: string | null;
  attributes: Record<string, AttributeValue>;
  /** Standardised log income (persons) or log size (organisations): drives taste. */
  affluence: number;
  prospect: boolean;
  /** Account creation, epoch ms. */
  createdAt: number;
  latent: AccountLatent;
  /** Domain and brand pinyin for contacts' e-mail addresses. */
  domain: string | null;
}

const WEEK = 7 * 86400_000;
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));
const roundTo = (x: number, step: number) => Math.round(x / step) * step;

/** Splits n into whole counts by shares (largest remainder), so proportions are exact for any seed. */
export function apportion(n: number, shares: readonly number[]): number[] {
  const total = shares.reduce((a, b) => a + b, 0);
  const raw = shares.map((s) => (n * s) / total);
  const counts = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; counts.reduce((a, b) => a + b, 0) < n; k++) counts[order[k % order.length][1]]++;
  return counts;
}

/** z-scores of a list (0 for a constant list). */
function standardise(xs: number[]): number[] {
  const mean = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length)) || 1;
  return xs.map((x) => (x - mean) / sd);
}

/** Ranks in [0, 1) of (score + noise), to split a type into kinds or levels by rank, with some overlap. */
function noisyRanks(rng: Random, scores: number[], noise: number): number[] {
  const keyed = scores.map((s, i) => [s + rng.normal(0, noise), i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const ranks = new Array<number>(scores.length);
  keyed.forEach(([, i], r) => (ranks[i] = r / scores.length));
  return ranks;
}

/** Acquisition time as a share of the window, density ∝ 1 + g·u (a growing customer base). */
function growingUniform(rng: Random, g: number): number {
  const f = rng.next() * (1 + g / 2);
  return (-1 + Math.sqrt(1 + 2 * g * f)) / g;
}

const PERSON_SEGMENTS: Record<string, readonly (readonly [string, number])[]> = {
  consumer: [['homeowner', 60], ['diy', 25], ['landlord', 15]],
  intermediary: [['tradesperson', 1]],
};
const ORG_SEGMENTS: Record<CustomerType, readonly (readonly [string, number])[]> = {
  consumer: [['property_mgmt', 40], ['office', 60]],
  intermediary: [['contractor', 40], ['retailer', 35], ['decorator', 25]],
  public_interest: [['institution', 1]],
  internal: [['internal', 1]],
};
const ABROAD: Record<CustomerType, number> = { consumer: 0.05, intermediary: 0.3, public_interest: 0.04, internal: 0.05 };
const INDUSTRY: Record<string, readonly string[]> = {
  contractor: ['construction'],
  retailer: ['retail', 'wholesale'],
  decorator: ['interior_design'],
  property_mgmt: ['property_management', 'hospitality'],
  office: ['technology', 'hospitality', 'logistics', 'healthcare', 'manufacturing', 'education_services'],
  institution: ['education', 'healthcare', 'government', 'culture'],
  internal: ['internal'],
};

export function drawCustomers(rng: Random, params: DemoParameters, historyStart: number, asOf: number): Customer[] {
  const types = Object.keys(params.customerTypes) as CustomerType[];
  const counts = apportion(params.accounts, types.map((t) => params.customerTypes[t].share));
  const customers: Customer[] = [];
  const usedNames = new Set<string>();
  const historyWeeks = params.historyWeeks;
  const lastAcquisition = historyWeeks - params.lastAcquisitionWeeksBeforeAsOf;

  types.forEach((type, ti) => {
    const n = counts[ti];
    const t = params.customerTypes[type];
    const r = rng.fork(`customers/${type}`);
    // The process draws first, so their distributions are exactly the stated ones.
    const lambda = Array.from({ length: n }, () => r.gamma(t.bgnbd.r, t.bgnbd.alpha));
    const dropout = Array.from({ length: n }, () => r.beta(t.bgnbd.a, t.bgnbd.b));
    const nu = Array.from({ length: n }, () => r.gamma(t.spend.q, t.spend.gamma));
    const logMeanSpend = standardise(nu.map((v) => Math.log(t.spend.p / v)));
    // Kind follows spend: organisation consumers (offices, property managers) spend more per order,
    // tradespeople (persons) less than firms among the intermediaries.
    const spendRank = noisyRanks(r, logMeanSpend, 0.6);
    for (let i = 0; i < n; i++) {
      const kind: Customer['kind'] =
        type === 'consumer' ? (spendRank[i] >= 0.88 ? 'organisation' : 'person') : type === 'intermediary' ? (spendRank[i] < 0.25 ? 'person' : 'organisation') : 'organisation';
      const segment = r.weighted(kind === 'person' ? PERSON_SEGMENTS[type] : ORG_SEGMENTS[type]);
      const neighbours = SEGMENT_NEIGHBOURS[segment] ?? [];
      const blended = neighbours.length > 0 && r.chance(0.3);
      const prospect = type !== 'internal' && r.chance(params.prospectShare);
      const firstPurchaseWeek = prospect ? null : growingUniform(r, 0.8) * lastAcquisition;
      const created = prospect
        ? historyStart + r.uniform(0.1, 0.99) * (asOf - historyStart)
        : historyStart + (firstPurchaseWeek as number) * WEEK - (kind === 'person' ? r.chance(0.7) ? 0 : r.uniform(0, 14) : r.uniform(0, 45)) * 86400_000;
      const abroad = r.chance(ABROAD[type]);
      const city = r.weighted((abroad ? FOREIGN_CITIES : CHINESE_CITIES).map((c) => [c, c.weight] as const));
      const language = pickLanguage(r, city, kind);
      const z = logMeanSpend[i];
      const latent: AccountLatent = {
        segment,
        secondarySegment: blended ? r.pick(neighbours) : null,
        secondaryWeight: blended ? r.uniform(0.2, 0.5) : 0,
        lambda: lambda[i],
        dropout: dropout[i],
        nu: nu[i],
        firstPurchaseWeek,
        droppedOut: false,
        priceFactor: 1,
        valueAddedPropensity: 0,
        innovation: 0,
        premiumPreference: 0,
        serviceDemand: 0,
        costly: false,
      };
      const customer = identity(r, { type, kind, segment, city, language, z, prospect, created: Math.max(historyStart - 30 * 86400_000, created), latent, usedNames, meanSpend: t.spend.p / nu[i] });
      tastes(r, customer, t.bgnbd.a / (t.bgnbd.a + t.bgnbd.b));
      customers.push(customer);
    }
  });
  addVeryLongNames(rng.fork('long-names'), customers);
  return customers;
}

function pickLanguage(r: Random, city: City, kind: Customer['kind']): Language {
  if (city.country === 'CN') return r.chance(kind === 'person' ? 0.03 : 0.05) ? 'en' : 'zh';
  if (kind === 'organisation') return 'en';
  if (city.country === 'HK' || city.country === 'SG' || city.country === 'MY') return r.chance(0.35) ? 'zh' : 'en';
  return r.chance(0.08) ? 'zh' : 'en';
}

interface IdentityInput {
  type: CustomerType;
  kind: Customer['kind'];
  segment: string;
  city: City;
  language: Language;
  /** Standardised log mean spend of the customer within its type. */
  z: number;
  prospect: boolean;
  created: number;
  latent: AccountLatent;
  usedNames: Set<string>;
  meanSpend: number;
}

function identity(r: Random, input: IdentityInput): Customer {
  const { type, kind, segment, city, language, z } = input;
  const attributes: Record<string, AttributeValue> = {};
  let name: string;
  let email: string | null;
  let phone: string;
  let website: string | null = null;
  let domain: string | null = null;
  let industry: string | null = null;
  let affluence: number;
  const tld = EMAIL_DOMAIN_TLD[city.country] ?? 'com';
  const address = city.country === 'CN' && language === 'zh' ? chineseAddress(r, city) : city.country === 'CN' ? `${chineseAddress(r, city)} (${city.en})` : englishAddress(r, city);

  if (kind === 'person') {
    if (language === 'zh') {
      const n = chineseName(r);
      name = n.name;
      email = r.chance(0.15) ? null : r.chance(0.4) ? `${r.int(10000000, 3999999999)}@qq.com` : `${n.pinyinGiven}${n.pinyinSurname}${r.int(1, 99)}@${r.pick(['163.com', '126.com', 'sina.com', 'foxmail.com'])}`;
    } else {
      const n = englishName(r);
      name = n.name;
      email = r.chance(0.1) ? null : `${slug(n.first)}.${slug(n.last)}${r.chance(0.4) ? r.int(1, 99) : ''}@${r.pick(['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com'])}`;
    }
    phone = city.country === 'CN' ? chineseMobile(r) : foreignMobile(r, city);
    // Income goes with spend per order (both reflect the size of the customer's projects).
    const base = segment === 'tradesperson' ? 150_000 : segment === 'landlord' ? 260_000 : 180_000;
    affluence = 0.55 * z + r.normal(0, 0.8);
    const income = roundTo(Math.exp(Math.log(base) + 0.5 * affluence), 1000);
    const household = Math.min(7, 1 + r.poisson(1.6));
    const children = household <= 1 ? 0 : Math.min(household - 1, r.poisson(household >= 4 ? 1.6 : 0.6));
    Object.assign(attributes, {
      annualIncome: city.country === 'CN' ? income : roundTo(income * 2.4, 1000),
      householdSize: household,
      children,
      homeOwner: segment === 'landlord' ? true : r.chance(segment === 'homeowner' ? 0.95 : segment === 'diy' ? 0.7 : 0.55),
      propertyAreaM2: Math.round(Math.exp(Math.log(segment === 'landlord' ? 160 : 95) + 0.18 * affluence + r.normal(0, 0.25))),
      age: Math.round(Math.min(78, Math.max(22, r.normal(segment === 'tradesperson' ? 40 : 44, 11)))),
      occupation: segment === 'tradesperson' ? r.pick(['plumber', 'electrician', 'tiler', 'carpenter', 'painter', 'handyman']) : r.pick(['employee', 'manager', 'self_employed', 'civil_servant', 'teacher', 'engineer', 'retired']),
    });
  } else {
    const org = organisationName(r, input);
    name = org.name;
    domain = org.domain ? `${org.domain}.${tld}` : null;
    email = domain ? `${r.pick(['info', 'sales', 'purchasing', 'admin', 'office'])}@${domain}` : null;
    website = domain && r.chance(0.7) ? `https://www.${domain}` : null;
    phone = landline(r, city);
    industry = r.pick(INDUSTRY[segment] ?? ['other']);
    // Company size goes with order value.
    const baseEmployees: Record<string, number> = { contractor: 60, retailer: 12, decorator: 25, property_mgmt: 120, office: 80, institution: 300, internal: 25 };
    affluence = 0.6 * z + r.normal(0, 0.7);
    const employees = Math.max(2, Math.round(Math.exp(Math.log(baseEmployees[segment] ?? 30) + 0.8 * affluence)));
    // Institutions have a budget rather than revenue.
    const money = roundTo(employees * Math.exp(r.normal(Math.log(segment === 'retailer' ? 900_000 : segment === 'institution' ? 250_000 : 450_000), 0.35)), 10_000);
    Object.assign(attributes, {
      employees,
      [segment === 'institution' ? 'annualBudget' : 'annualRevenue']: money,
      foundedYear: Math.round(Math.min(2022, Math.max(1950, r.normal(segment === 'institution' ? 1985 : 2008, 9)))),
    });
    if (type === 'intermediary' || type === 'public_interest') attributes.creditLimit = roundTo(input.meanSpend * r.uniform(2, 5), 5000);
    if (segment === 'retailer') attributes.storeCount = 1 + r.poisson(Math.max(0.2, 0.6 + 0.8 * affluence));
    if (segment === 'contractor' || segment === 'decorator') attributes.projectsPerYear = Math.max(2, Math.round(Math.exp(Math.log(18) + 0.5 * affluence + r.normal(0, 0.3))));
  }
  if (type === 'internal') {
    email = `${r.pick(['store', 'ops', 'facilities', 'admin'])}.${slug(city.en)}@${COMPANY.domain}`;
  }
  attributes.acquisitionChannel =
    type === 'internal' ? 'internal' : type === 'public_interest' ? r.weighted([['tender', 6], ['referral', 2], ['exhibition', 1], ['cold_call', 1]]) : kind === 'person' ? r.weighted([['walk_in', 5], ['online', 3], ['referral', 2], ['wechat', 2]]) : r.weighted([['cold_call', 3], ['exhibition', 3], ['referral', 3], ['online', 2], ['walk_in', 1]]);

  return {
    customerType: type,
    kind,
    language,
    city,
    name,
    email,
    phone,
    website,
    address,
    industry,
    attributes,
    affluence,
    prospect: input.prospect,
    createdAt: input.created,
    latent: input.latent,
    domain,
  };
}

/** A new organisation's name in its language, unique among `usedNames` (which it extends). */
export function organisationName(r: Random, input: Pick<IdentityInput, 'segment' | 'city' | 'language' | 'usedNames'>): { name: string; domain: string | null } {
  const { segment, city, language, usedNames } = input;
  for (let attempt = 0; ; attempt++) {
    const candidate = language === 'zh' ? chineseOrganisation(r, segment, city) : englishOrganisation(r, segment, city);
    // After many collisions (a small city with many branches), number the name as a second site.
    const name = attempt > 50 ? `${candidate.name}${language === 'zh' ? `（${attempt - 49}号）` : ` ${attempt - 49}`}` : candidate.name;
    if (!usedNames.has(name)) {
      usedNames.add(name);
      return { name, domain: candidate.domain };
    }
  }
}

function chineseOrganisation(r: Random, segment: string, city: City): { name: string; domain: string | null } {
  const [brand, pinyin] = r.pick(CHINESE_BRANDS);
  const district = r.pick(city.districts);
  switch (segment) {
    case 'contractor':
      return { name: `${city.zh}${brand}${r.pick(['建筑工程', '建设工程', '装饰工程', '机电安装工程'])}有限公司`, domain: `${pinyin}jianshe` };
    case 'retailer': {
      const trade = r.pick(['建材', '五金', '建材贸易', '家居建材', '水暖器材', '灯饰电器', '五金机电']);
      return r.chance(0.3)
        ? { name: `${city.zh}${district}${brand}${trade}商行`, domain: null }
        : { name: `${city.zh}${brand}${trade}有限公司`, domain: `${pinyin}${r.pick(['jc', 'wj', 'trade', 'home'])}` };
    }
    case 'decorator':
      return { name: `${city.zh}${brand}${r.pick(['装饰设计工程', '家装', '全屋定制', '装饰'])}有限公司`, domain: `${pinyin}deco` };
    case 'property_mgmt':
      return r.chance(0.7)
        ? { name: `${city.zh}${brand}物业管理有限公司`, domain: `${pinyin}wuye` }
        : { name: `${city.zh}${brand}${r.pick(['酒店管理', '商业管理'])}有限公司`, domain: `${pinyin}hotel` };
    case 'office':
      return { name: `${city.zh}${brand}${r.pick(['科技', '餐饮管理', '文化传媒', '电子', '贸易', '医药', '物流'])}有限公司`, domain: `${pinyin}${r.pick(['tech', 'group', 'co'])}` };
    case 'institution': {
      const names = [
        `${city.zh}市第${r.int(1, 48)}中学`,
        `${city.zh}市${district}实验小学`,
        `${city.zh}市${district}人民医院`,
        `${city.zh}${r.pick(['理工', '师范', '医科', '财经', '职业技术'])}${r.chance(0.5) ? '大学' : '学院'}后勤管理处`,
        `${city.zh}市${district}住房和城乡建设局`,
        `${city.zh}市${r.pick(['图书馆', '博物馆', '体育中心', '妇幼保健院'])}`,
        `${city.zh}市${district}社区卫生服务中心`,
        `${city.zh}市${district}${r.pick(['街道办事处', '机关事务管理局', '教育局'])}`,
      ];
      return { name: r.pick(names), domain: null };
    }
    case 'internal':
      return { name: `${COMPANY.zh}${city.zh}${r.chance(0.5) ? '' : district}${r.pick(['旗舰店', '门店', '仓储中心', '行政部', '工程部', '展厅'])}`, domain: null };
    default:
      return { name: `${city.zh}${brand}有限公司`, domain: pinyin };
  }
}

function englishOrganisation(r: Random, segment: string, city: City): { name: string; domain: string | null } {
  const word = r.pick(ENGLISH_ORG_WORDS);
  const suffix = r.pick(ORG_SUFFIX[city.country] ?? ['Ltd']);
  const d = slug(word);
  switch (segment) {
    case 'contractor': {
      const what = r.pick(['Builders', 'Construction', 'Contracting', 'Building Services', 'Renovations']);
      return { name: `${word} ${what} ${suffix}`, domain: `${d}${slug(what)}` };
    }
    case 'retailer': {
      const what = r.pick(['Trading', 'Hardware', 'Building Supplies', 'Home Centre', 'Distribution', 'Supply']);
      return { name: `${word} ${what} ${suffix}`, domain: `${d}${slug(what)}` };
    }
    case 'decorator':
      return { name: `${word} ${r.pick(['Interiors', 'Design & Build', 'Home Improvement'])} ${suffix}`, domain: `${d}interiors` };
    case 'property_mgmt':
      return { name: `${word} ${r.pick(['Property Management', 'Hotels', 'Estates'])} ${suffix}`, domain: `${d}property` };
    case 'office':
      return { name: `${word} ${r.pick(['Technologies', 'Logistics', 'Foods', 'Media', 'Consulting', 'Pharma'])} ${suffix}`, domain: `${d}` };
    case 'institution': {
      const n = englishName(r);
      const names = [
        `${city.en} City Council`,
        `${n.last} Memorial Hospital`,
        `St ${n.first}'s Primary School`,
        `${city.en} Public Library`,
        `${city.en} Housing Association`,
        `University of ${city.en} Estates Office`,
        `${word} Community College`,
      ];
      return { name: r.pick(names), domain: null };
    }
    case 'internal':
      return { name: `${COMPANY.en} – ${city.en} ${r.chance(0.5) ? '' : `${r.pick(city.districts)} `}${r.pick(['Showroom', 'Warehouse', 'Sales Office'])}`, domain: null };
    default:
      return { name: `${word} ${suffix}`, domain: d };
  }
}

/**
 * Customers' tastes, from their process draws and affluence: price paid against list (premium
 * payers are the affluent and the loyal, i.e. a low dropout probability; trade customers get volume
 * discounts), appetite for value-added items and for new products, preference for premium grades.
 */
function tastes(r: Random, c: Customer, meanDropout: number) {
  const l = c.latent;
  const a = c.affluence;
  switch (c.customerType) {
    case 'consumer':
      l.priceFactor = 1 + 0.035 * a - 0.12 * (l.dropout - meanDropout) + r.normal(0, 0.03);
      break;
    case 'intermediary':
      l.priceFactor = 0.9 - 0.04 * a - 0.03 * Math.log(1 + l.lambda * 4) + r.normal(0, 0.025);
      break;
    case 'public_interest':
      l.priceFactor = 0.94 + r.normal(0, 0.025);
      break;
    case 'internal':
      l.priceFactor = 0.8 + r.normal(0, 0.01);
      break;
  }
  l.priceFactor = Math.min(1.18, Math.max(0.72, l.priceFactor));
  l.valueAddedPropensity = sigmoid(logit(r.beta(1.5, 6)) + 0.5 * a);
  l.innovation = sigmoid(logit(r.beta(1.2, 4)) + 0.4 * a - (typeof c.attributes.age === 'number' ? 0.025 * (c.attributes.age - 44) : 0));
  l.premiumPreference = sigmoid(0.9 * a + r.normal(0, 0.8));
}

/** A few customers with very long names (≥ 40 characters), as real data has: project departments, associations. */
function addVeryLongNames(r: Random, customers: Customer[]) {
  const orgs = r.shuffle(customers.filter((c) => c.kind === 'organisation' && c.customerType !== 'internal' && !c.prospect)).slice(0, 10);
  for (const c of orgs) {
    const district = r.pick(c.city.districts);
    if (c.language === 'zh') {
      const [brand] = r.pick(CHINESE_BRANDS);
      c.name = r.pick([
        `中国建筑第${r.pick(['二', '三', '五', '八'])}工程局有限公司${c.city.zh}分公司${district}${brand}花园二期住宅及配套商业综合体项目经理部`,
        `${c.city.zh}市${district}${brand}城市更新老旧小区综合改造工程施工总承包联合体项目部（第${r.int(1, 9)}标段）`,
        `${c.city.zh}${brand}建筑装饰工程集团股份有限公司${district}分公司第${r.int(1, 12)}项目部（精装修及机电安装）`,
      ]);
    } else {
      const word = r.pick(ENGLISH_ORG_WORDS);
      c.name = r.pick([
        `The ${word} ${c.city.en} Association of Independent Building Materials Distributors, Contractors and Allied Trades`,
        `${word} Residential Refurbishment and Facilities Maintenance Services for the Greater ${c.city.en} Metropolitan Area ${r.pick(ORG_SUFFIX[c.city.country] ?? ['Ltd'])}`,
      ]);
    }
  }
  // and persons whose full names are long (a four-part name, Uyghur names)
  const persons = customers.filter((c) => c.kind === 'person');
  const zh = persons.filter((p) => p.language === 'zh');
  const en = persons.filter((p) => p.language === 'en');
  if (zh.length > 1) r.pick(zh).name = r.pick(['阿卜杜热合曼·买买提明', '古丽娜扎尔·艾合买提江']);
  if (en.length > 1) r.pick(en).name = 'Alexandra Catherine Montgomery-Fitzwilliam';
}
