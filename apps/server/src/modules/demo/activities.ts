/**
 * The touches between the demo company and its customers: calls in and out (the contact centre's
 * log), e-mails, visits, meetings, notes and tasks. Some follow the orders (a quote chased before
 * an order, an installation booked after it, a return requested by phone), the rest follow the
 * relationship level: a partnership account is visited and met, a basic one hears from us rarely.
 */
import { MISSIONS } from './catalogue.js';
import type { Customer } from './customers.js';
import type { DemoAccount, DemoActivity, DemoContact, DemoOrder, DemoProduct, Language, UserKey } from './model.js';
import type { Random } from './random.js';

const DAY = 86400_000;
const HOUR = 3600_000;
const WEEK = 7 * DAY;

type Purpose =
  | 'quote_followup'
  | 'order_confirm'
  | 'delivery_check'
  | 'install_booking'
  | 'return_request'
  | 'cancel_note'
  | 'price_enquiry'
  | 'complaint'
  | 'checkin'
  | 'new_product'
  | 'statement'
  | 'business_review'
  | 'site_survey'
  | 'partnership_meeting'
  | 'account_note'
  | 'task'
  | 'winback'
  | 'first_contact';

/** Subjects per purpose, in both languages; {x} is filled in. */
const SUBJECTS: Record<Purpose, Record<Language, readonly string[]>> = {
  quote_followup: { zh: ['跟进报价：{x}', '报价确认：{x}', '询价回复：{x}'], en: ['Quote follow-up: {x}', 'Quotation for {x}', 'Pricing questions on {x}'] },
  order_confirm: { zh: ['订单确认 {x}', '发送订单合同 {x}'], en: ['Order confirmation {x}', 'Order paperwork {x}'] },
  delivery_check: { zh: ['送货后回访 {x}', '到货确认 {x}'], en: ['Post-delivery check {x}', 'Delivery received? {x}'] },
  install_booking: { zh: ['安装预约确认 {x}', '上门安装时间确认 {x}'], en: ['Installation appointment {x}', 'Booking the fitter {x}'] },
  return_request: { zh: ['退货申请 {x}', '申请退换货 {x}'], en: ['Return request {x}', 'Wants to return items from {x}'] },
  cancel_note: { zh: ['订单取消 {x}'], en: ['Order cancelled {x}'] },
  price_enquiry: { zh: ['咨询{x}价格', '询问{x}库存', '{x}产品咨询'], en: ['Price enquiry: {x}', 'Stock check: {x}', 'Question about {x}'] },
  complaint: { zh: ['投诉：送货延迟', '投诉：产品破损', '投诉：安装师傅迟到', '投诉：发票开错'], en: ['Complaint: late delivery', 'Complaint: damaged goods', 'Complaint: fitter arrived late', 'Complaint: wrong invoice'] },
  checkin: { zh: ['例行回访', '客户关怀回访', '了解近期项目需求'], en: ['Regular check-in', 'Courtesy call', 'Upcoming projects?'] },
  new_product: { zh: ['新品推荐：{x}', '新品到店通知：{x}'], en: ['New product: {x}', 'Just launched: {x}'] },
  statement: { zh: ['{x}月对账单', '{x}月账单及发票'], en: ['Statement for {x}', 'Invoices and statement, {x}'] },
  business_review: { zh: ['拜访：季度业务回顾', '拜访：了解年度采购计划', '拜访：新品展示'], en: ['Visit: quarterly business review', 'Visit: annual purchasing plan', 'Visit: product showcase'] },
  site_survey: { zh: ['现场勘测：{x}', '工地拜访：{x}'], en: ['Site survey: {x}', 'Site visit: {x}'] },
  partnership_meeting: { zh: ['年度合作洽谈', '战略合作会议', '年度返利政策沟通'], en: ['Annual partnership review', 'Strategic partnership meeting', 'Rebate scheme for next year'] },
  account_note: { zh: ['客户偏好微信沟通', '价格敏感，关注促销', '决策人更换，需重新建立联系', '客户对服务评价很好'], en: ['Prefers WeChat', 'Price-sensitive, watches promotions', 'New decision maker: rebuild contact', 'Very happy with our service'] },
  task: { zh: ['准备报价单', '寄送产品目录', '安排样品', '更新客户资料', '确认付款进度'], en: ['Prepare quotation', 'Send catalogue', 'Arrange samples', 'Update account details', 'Check payment status'] },
  winback: { zh: ['客户挽回：长期未下单', '回访：了解未再采购原因'], en: ['Win-back call: no orders for months', 'Why no orders lately?'] },
  first_contact: { zh: ['首次联系', '发送产品目录', '初次拜访预约'], en: ['First contact', 'Catalogue sent', 'Booking a first visit'] },
};

const OUTCOMES: Record<DemoActivity['type'], readonly (readonly [string | null, number])[]> = {
  call_out: [['connected', 50], ['no_answer', 20], ['voicemail', 8], ['follow_up', 12], ['interested', 6], ['not_interested', 4]],
  call_in: [['resolved', 70], ['escalated', 10], ['follow_up', 20]],
  email: [['sent', 80], ['replied', 20]],
  visit: [['completed', 80], ['follow_up', 20]],
  meeting: [['completed', 70], ['agreement', 30]],
  note: [[null, 1]],
  task: [['done', 1]],
};

/** Touches per 30 days by relationship level (Kotler: from "sell and forget" to partnership). */
const TOUCH_RATE: Record<DemoAccount['relationshipLevel'], number> = { basic: 0.04, reactive: 0.1, accountable: 0.25, proactive: 0.5, partnership: 0.9 };
const TOUCH_TYPES: Record<DemoAccount['relationshipLevel'], readonly (readonly [Purpose, number])[]> = {
  basic: [['checkin', 3], ['new_product', 2], ['account_note', 1]],
  reactive: [['checkin', 3], ['new_product', 2], ['price_enquiry', 2], ['account_note', 1]],
  accountable: [['checkin', 3], ['new_product', 2], ['statement', 2], ['business_review', 1], ['account_note', 1], ['task', 1]],
  proactive: [['checkin', 3], ['new_product', 2], ['statement', 2], ['business_review', 2], ['site_survey', 1], ['partnership_meeting', 0.5], ['task', 1], ['account_note', 1]],
  partnership: [['checkin', 2], ['new_product', 2], ['statement', 2], ['business_review', 3], ['site_survey', 1], ['partnership_meeting', 2], ['task', 1], ['account_note', 1]],
};
const PURPOSE_TYPE: Record<Purpose, readonly (readonly [DemoActivity['type'], number])[]> = {
  quote_followup: [['call_out', 2], ['email', 2]],
  order_confirm: [['email', 1]],
  delivery_check: [['call_out', 1]],
  install_booking: [['call_out', 1]],
  return_request: [['call_in', 1]],
  cancel_note: [['note', 1]],
  price_enquiry: [['call_in', 3], ['email', 1]],
  complaint: [['call_in', 1]],
  checkin: [['call_out', 3], ['email', 1]],
  new_product: [['email', 2], ['call_out', 1]],
  statement: [['email', 1]],
  business_review: [['visit', 1]],
  site_survey: [['visit', 1]],
  partnership_meeting: [['meeting', 1]],
  account_note: [['note', 1]],
  task: [['task', 1]],
  winback: [['call_out', 1]],
  first_contact: [['call_out', 2], ['email', 1]],
};
const DURATION: Partial<Record<DemoActivity['type'], readonly [number, number]>> = {
  call_out: [Math.log(5), 0.7],
  call_in: [Math.log(6), 0.6],
  visit: [Math.log(60), 0.4],
  meeting: [Math.log(75), 0.3],
};
const BODIES: Record<Language, readonly string[]> = {
  zh: ['客户表示下月有新项目，需提前备货。', '已发送报价单，等待客户确认。', '客户希望账期延长到60天。', '已解决，客户满意。', '客户询问批量采购折扣。', '约好下周再联系。'],
  en: ['New project next month; wants stock reserved.', 'Quotation sent, waiting for confirmation.', 'Asked for 60-day payment terms.', 'Resolved, customer satisfied.', 'Asked about volume discounts.', 'Agreed to talk again next week.'],
};
const CATEGORY_WORDS: Record<Language, readonly string[]> = {
  zh: ['瓷砖', '乳胶漆', '灯具', '水管', '电线', '地板', '门锁', '智能家居', '热水器', '卫浴'],
  en: ['tiles', 'paint', 'lighting', 'pipes', 'cable', 'flooring', 'door locks', 'smart home', 'water heaters', 'bathroom fittings'],
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface ActivityInput {
  accounts: DemoAccount[];
  customers: Customer[];
  contacts: DemoContact[];
  orders: DemoOrder[];
  products: DemoProduct[];
  asOf: number;
  historyStart: number;
}

/** An instant in office hours (09:00–18:00 China time = 01:00–10:00 UTC) on the day of `t`. */
function officeHours(r: Random, t: number): number {
  const day = Math.floor(t / DAY) * DAY;
  return day + Math.round(r.uniform(1, 10) * HOUR);
}

export function generateActivities(rng: Random, input: ActivityInput): DemoActivity[] {
  const { accounts, customers, contacts, orders, products, asOf, historyStart } = input;
  const contactsOf = new Map<number, number[]>();
  contacts.forEach((c, i) => contactsOf.set(c.account, [...(contactsOf.get(c.account) ?? []), i]));
  const ordersOf = new Map<number, number[]>();
  orders.forEach((o, i) => ordersOf.set(o.account, [...(ordersOf.get(o.account) ?? []), i]));
  const newProducts = products.filter((p) => p.launchedAt > historyStart);
  const activities: DemoActivity[] = [];

  accounts.forEach((account, a) => {
    const r = rng.fork(a);
    const lang = account.language;
    const c = customers[a];
    const owned = account.owner;
    const seller: UserKey = owned ?? 'service';
    const myContacts = contactsOf.get(a) ?? [];
    const myOrders = ordersOf.get(a) ?? [];
    const org = account.kind === 'organisation';

    const touch = (purpose: Purpose, at: number, user: UserKey, extra: Partial<DemoActivity> = {}, x = '') => {
      if (at >= asOf && extra.type !== 'task') return;
      const type = extra.type ?? r.weighted(PURPOSE_TYPE[purpose]);
      const template = r.pick(SUBJECTS[purpose][lang]);
      const duration = DURATION[type];
      const occurredAt = Math.max(account.createdAt, officeHours(r, at));
      if (occurredAt >= asOf && type !== 'task') return;
      activities.push({
        account: a,
        contact: myContacts.length > 0 && type !== 'note' && r.chance(0.85) ? r.pick(myContacts) : null,
        order: null,
        user,
        type,
        subject: template.replace('{x}', x),
        body: r.chance(type === 'note' ? 0.6 : 0.25) ? r.pick(BODIES[lang]) : null,
        occurredAt,
        durationMinutes: duration ? Math.max(1, Math.round(r.logNormal(duration[0], duration[1]))) : null,
        outcome: r.weighted(OUTCOMES[type]),
        dueAt: null,
        completedAt: null,
        ...extra,
      });
    };
    const missionName = (keys: string[]) => {
      const m = MISSIONS.find((x) => x.key === keys[0]);
      return m ? (lang === 'zh' ? m.zh : m.en) : lang === 'zh' ? '材料采购' : 'materials';
    };

    // Around the orders
    const beforeOrder = c.customerType === 'consumer' ? (org ? 0.25 : 0.05) : c.customerType === 'internal' ? 0.1 : 0.3;
    for (const oi of myOrders) {
      const o = orders[oi];
      const related = { order: oi };
      if (o.status === 'completed' || o.status === 'open') {
        if (r.chance(beforeOrder)) touch('quote_followup', o.orderedAt - r.uniform(0.5, 6) * DAY, seller, { ...related, outcome: o.status === 'open' ? 'follow_up' : 'order_placed' }, missionName(o.missions));
        if (org && r.chance(0.15)) touch('order_confirm', o.orderedAt + r.uniform(0, 1) * DAY, seller, related, o.orderNo);
        const installs = o.lines.some((l) => products[l.product].kind === 'service' && products[l.product].valueAdded);
        if (installs && r.chance(0.8)) touch('install_booking', o.orderedAt + r.uniform(1, 6) * DAY, 'service', { ...related, outcome: 'connected' }, o.orderNo);
        if (o.totalCents > 2_000_000 && r.chance(0.3)) touch('delivery_check', o.orderedAt + r.uniform(3, 10) * DAY, seller, related, o.orderNo);
      } else if (o.status === 'returned') {
        touch('return_request', o.orderedAt - r.uniform(0, 2) * DAY, 'service', { ...related, outcome: 'resolved' }, o.returnOf?.orderNo ?? o.orderNo);
      } else if (o.status === 'cancelled') {
        touch('cancel_note', o.orderedAt + r.uniform(0, 1) * DAY, seller, { ...related, body: o.notes }, o.orderNo);
      }
    }
    // Inbound service calls: enquiries and now and then a complaint, more for customers who buy more.
    const completed = myOrders.filter((oi) => orders[oi].status === 'completed');
    for (let k = r.poisson(0.12 * completed.length); k > 0; k--) {
      const around = orders[r.pick(completed)].orderedAt + r.uniform(-5, 20) * DAY;
      if (r.chance(0.25)) touch('complaint', around, 'service', { outcome: r.weighted([['resolved', 6], ['escalated', 2], ['follow_up', 2]]) });
      else touch('price_enquiry', around, r.chance(0.6) ? 'service' : seller, {}, r.pick(CATEGORY_WORDS[lang]));
    }
    // Relationship touches by level, from the account's creation to asOf.
    const months = (asOf - account.createdAt) / (30 * DAY);
    const rate = TOUCH_RATE[account.relationshipLevel] * (org ? 1 : 0.5) * (owned ? 1 : 0.3);
    for (let k = r.poisson(rate * months); k > 0; k--) {
      const at = account.createdAt + r.next() * (asOf - account.createdAt);
      const purpose = r.weighted(TOUCH_TYPES[account.relationshipLevel]);
      const user: UserKey = purpose === 'partnership_meeting' && r.chance(0.5) ? 'manager' : seller;
      if (purpose === 'task') {
        const due = at + r.uniform(1, 10) * DAY;
        touch('task', at, user, { type: 'task', dueAt: due, completedAt: due < asOf ? due - r.uniform(0, 2) * DAY : null, outcome: due < asOf ? 'done' : null });
      } else if (purpose === 'new_product') {
        const launched = newProducts.filter((p) => p.launchedAt <= at && p.launchedAt > at - 120 * DAY);
        if (launched.length > 0) {
          const product = r.pick(launched);
          touch('new_product', at, user, {}, lang === 'zh' ? product.nameZh : product.nameEn);
        } else {
          touch('checkin', at, user);
        }
      } else if (purpose === 'statement') {
        touch('statement', at, user, {}, lang === 'zh' ? String(new Date(at).getUTCMonth() + 1) : `${MONTHS[new Date(at).getUTCMonth()]} ${new Date(at).getUTCFullYear()}`);
      } else if (purpose === 'site_survey' || purpose === 'price_enquiry') {
        touch(purpose, at, user, {}, purpose === 'site_survey' ? missionName([r.pick(MISSIONS).key]) : r.pick(CATEGORY_WORDS[lang]));
      } else {
        touch(purpose, at, user);
      }
    }
    // Win-back calls for customers who stopped buying.
    const lastCompleted = completed.length > 0 ? orders[completed[completed.length - 1]].orderedAt : null;
    if (lastCompleted !== null && owned && account.relationshipLevel !== 'basic' && lastCompleted < asOf - 26 * WEEK) {
      for (let k = r.int(1, 2); k > 0; k--) touch('winback', lastCompleted + r.uniform(26, 40) * WEEK, seller);
    }
    // Prospects: first contacts.
    if (myOrders.length === 0 && account.customerType !== 'internal') {
      for (let k = r.int(1, 3); k > 0; k--) touch('first_contact', account.createdAt + r.uniform(0, 60) * DAY, seller);
    }
    // Open tasks for the coming days.
    if (owned && account.relationshipLevel !== 'basic' && r.chance(org ? 0.25 : 0.08)) {
      const created = asOf - r.uniform(1, 7) * DAY;
      touch('task', created, seller, { type: 'task', dueAt: asOf + r.uniform(1, 14) * DAY, completedAt: null, outcome: null });
    }
  });
  // In time order, as a log would be.
  return activities
    .map((x, i) => [x, i] as const)
    .sort((p, q) => p[0].occurredAt - q[0].occurredAt || p[1] - q[1])
    .map(([x]) => x);
}
