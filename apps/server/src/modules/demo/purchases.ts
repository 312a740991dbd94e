/**
 * Orders of the demo company: when each customer buys (the BG/NBD process of parameters.ts), how
 * much (a Gamma-Gamma draw per order) and what (a basket from the customer's shopping missions,
 * built to that value), plus the extra events outside the process: cancellations, returns and
 * orders still open at asOf.
 */
import { MISSIONS, SEGMENT_MISSIONS, type CatalogueItem, type Mission, type MissionSlot } from './catalogue.js';
import type { Customer } from './customers.js';
import type { DemoOrder, DemoOrderLine, DemoProduct, Language } from './model.js';
import type { CustomerType, DemoParameters } from './parameters.js';
import type { Random } from './random.js';

const DAY = 86400_000;
const HOUR = 3600_000;

/**
 * Purchase times in weeks from the start of the history: the first at acquisition, then a Poisson
 * process with rate λ; after each repeat purchase the customer drops out with probability p
 * (Fader, Hardie & Lee 2005, assumptions (i)–(v)). Ends at the history's end.
 */
export function purchaseWeeks(r: Random, first: number, lambda: number, dropout: number, historyWeeks: number): { weeks: number[]; droppedOut: boolean } {
  const weeks = [first];
  let t = first;
  for (;;) {
    t += r.exponential(lambda);
    if (t >= historyWeeks) return { weeks, droppedOut: false };
    weeks.push(t);
    if (r.chance(dropout)) return { weeks, droppedOut: true };
  }
}

/**
 * A time in weeks from the history's start as an instant in the shop's opening hours of the same
 * day (09:00–21:00 China time = 01:00–13:00 UTC). Monotone, so the order of purchases is kept.
 */
export function weekToInstant(historyStart: number, week: number): number {
  const days = week * 7;
  const day = Math.floor(days);
  return historyStart + day * DAY + Math.round((1 + 12 * (days - day)) * HOUR);
}

/** How much bigger than a household's job a type's typical order is (for choosing missions). */
const TYPE_SCALE: Record<CustomerType, number> = { consumer: 1, intermediary: 8, public_interest: 5, internal: 4 };
/** Extra missions per order (Poisson mean): trade customers restock several lines at once. */
const EXTRA_MISSIONS: Record<CustomerType, number> = { consumer: 0.15, intermediary: 0.3, public_interest: 0.25, internal: 0.25 };
/** Trade customers restock a few lines often rather than kit out a whole job: fewer optional slots. */
const BREADTH: Record<CustomerType, number> = { consumer: 1, intermediary: 0.6, public_interest: 0.7, internal: 0.7 };
const CHANNELS: Record<CustomerType, readonly (readonly [string, number])[]> = {
  consumer: [['store', 55], ['online', 30], ['wechat', 15]],
  intermediary: [['sales_rep', 55], ['phone', 25], ['online', 10], ['wechat', 10]],
  public_interest: [['tender', 40], ['sales_rep', 50], ['phone', 10]],
  internal: [['internal', 1]],
};
const ORDER_NOTES: Record<Language, readonly string[]> = {
  zh: ['送货前请电话联系', '工地地址：东门进，卸货区在地下一层', '发票抬头与客户名称一致', '急单，请优先安排', '分两批送货', '客户自提'],
  en: ['Call before delivery', 'Deliver to site gate 3', 'Invoice to head office', 'Urgent – please expedite', 'Split delivery in two', 'Customer collects'],
};
const CANCEL_REASONS: Record<Language, readonly string[]> = {
  zh: ['客户取消：重复下单', '客户取消：项目延期', '缺货取消', '客户取消：改选其他型号', '付款未到账取消'],
  en: ['Cancelled by customer: duplicate order', 'Cancelled: project postponed', 'Cancelled: out of stock', 'Cancelled by customer: chose another model', 'Cancelled: payment not received'],
};
const RETURN_REASONS: Record<Language, readonly string[]> = {
  zh: ['退货：运输破损', '退货：尺寸不符', '退货：多订', '退货：质量问题', '退货：颜色与样板不符'],
  en: ['Return: damaged in transit', 'Return: wrong size', 'Return: over-ordered', 'Return: quality issue', 'Return: colour does not match sample'],
};

/** Stands for the original order's number in a return's notes until orders are numbered. */
export const ORIGINAL_ORDER_NO = '{originalOrderNo}';

interface PreparedMission {
  mission: Mission;
  /** Expected list value of the mission's basket, CNY. */
  typical: number;
}

/** Everything the basket builder needs about the catalogue, computed once. */
export class Shop {
  readonly slotItems = new Map<string, number[]>();
  readonly missions: PreparedMission[];
  readonly deliveryItem: number;

  constructor(
    readonly items: readonly CatalogueItem[],
    readonly products: readonly DemoProduct[],
    readonly historyStart: number,
  ) {
    items.forEach((item, i) => {
      const list = this.slotItems.get(item.slot) ?? [];
      list.push(i);
      this.slotItems.set(item.slot, list);
    });
    this.missions = MISSIONS.map((mission) => {
      for (const s of mission.slots) if (!this.slotItems.has(s.slot)) throw new Error(`mission ${mission.key}: no item for slot ${s.slot}`);
      const typical = mission.slots.reduce((sum, s) => {
        const prices = this.slotItems.get(s.slot)!.map((i) => items[i].listPrice);
        return sum + s.p * s.qty * (prices.reduce((a, b) => a + b, 0) / prices.length);
      }, 0);
      return { mission, typical };
    });
    this.deliveryItem = this.slotItems.get('delivery')![0];
  }

  available(item: number, at: number): boolean {
    return this.products[item].launchedAt <= at;
  }

  slotAvailable(slot: string, at: number): boolean {
    return this.slotItems.get(slot)!.some((i) => this.available(i, at));
  }
}

/** A customer as the basket builder sees them. */
export class Shopper {
  readonly missionWeights: number[];
  /** The variant the customer bought last for each slot: people rebuy what they know. */
  private readonly habit = new Map<string, number>();
  readonly preferredChannel: string;

  constructor(
    readonly customer: Customer,
    readonly shop: Shop,
    r: Random,
  ) {
    const l = customer.latent;
    const primary = SEGMENT_MISSIONS[l.segment];
    const secondary = l.secondarySegment ? SEGMENT_MISSIONS[l.secondarySegment] : undefined;
    const a = customer.affluence;
    const children = typeof customer.attributes.children === 'number' ? customer.attributes.children : 0;
    this.missionWeights = shop.missions.map(({ mission }) => {
      let w = (1 - l.secondaryWeight) * (primary[mission.key] ?? 0) + l.secondaryWeight * (secondary?.[mission.key] ?? 0);
      if (w === 0) return 0;
      // Taste that the attributes explain: affluence → smart home, design, EV; families → bathrooms and kitchens.
      if (mission.key === 'smart_home' || mission.key === 'ev_charging') w *= Math.exp(0.6 * a);
      if (mission.key === 'design') w *= Math.exp(0.9 * a);
      if ((mission.key === 'bathroom' || mission.key === 'kitchen') && children > 0) w *= 1.2 + 0.15 * children;
      // and individual heterogeneity (Gamma with mean 1)
      return w * r.gamma(2, 2);
    });
    this.preferredChannel = r.weighted(CHANNELS[customer.customerType]);
  }

  channel(r: Random): string {
    return r.chance(0.75) ? this.preferredChannel : r.weighted(CHANNELS[this.customer.customerType]);
  }

  /** Price this customer pays for an item (cents): their price level, a little noise, now and then a promotion. */
  priceCents(r: Random, item: CatalogueItem): number {
    const f = this.customer.latent.priceFactor;
    const level = item.kind === 'service' ? 1 + (f - 1) * 0.4 : f;
    const promo = r.chance(0.06) ? 1 - r.uniform(0.08, 0.2) : 1;
    const price = item.listPrice * level * promo * (1 + r.normal(0, 0.015));
    return Math.max(Math.round(item.unitCost * 103), Math.round(price * 100));
  }

  chooseVariant(r: Random, slot: string, at: number): number {
    const shop = this.shop;
    const candidates = shop.slotItems.get(slot)!.filter((i) => shop.available(i, at));
    const previous = this.habit.get(slot);
    if (previous !== undefined && candidates.includes(previous) && r.chance(0.7)) return previous;
    const l = this.customer.latent;
    const trade = this.customer.customerType !== 'consumer';
    const weights = candidates.map((i) => {
      const item = shop.items[i];
      let w = item.tier === 'premium' ? 0.15 + 2 * l.premiumPreference : item.tier === 'economy' ? 0.15 + 2 * (1 - l.premiumPreference) : 1;
      if (item.bulk) w *= trade ? 3 : 0.4;
      const age = (at - shop.products[i].launchedAt) / DAY;
      if (age < 180) w *= 0.3 + 6 * l.innovation;
      return w;
    });
    const chosen = candidates[r.weightedIndex(weights)];
    this.habit.set(slot, chosen);
    return chosen;
  }
}

interface BasketLine {
  item: number;
  qty: number;
  fixed: boolean;
  core: boolean;
  priceCents: number;
}

/**
 * Builds a basket worth about `value` CNY at time `at`: missions drawn by the customer's affinity,
 * favouring missions whose usual size fits the value; slots drawn by their chance; quantities
 * scaled to the value, then nudged one unit at a time towards it.
 */
export function buildBasket(r: Random, shopper: Shopper, at: number, value: number): { lines: BasketLine[]; missions: string[] } {
  const shop = shopper.shop;
  const type = shopper.customer.customerType;
  const scaled = value / TYPE_SCALE[type];
  const weights = shop.missions.map(({ mission, typical }, k) => {
    const w = shopper.missionWeights[k];
    if (w === 0) return 0;
    if (!mission.slots.some((s) => s.core && shop.slotAvailable(s.slot, at))) return 0;
    const gap = Math.log(scaled / typical);
    return w * Math.exp((-gap * gap) / (2 * 0.9 * 0.9));
  });
  const count = 1 + r.poisson(EXTRA_MISSIONS[type]);
  const chosen: number[] = [];
  for (let k = 0; k < count; k++) {
    if (!weights.some((w) => w > 0)) break;
    const m = r.weightedIndex(weights);
    chosen.push(m);
    weights[m] = 0;
  }

  const lines = new Map<number, BasketLine>();
  const add = (slot: MissionSlot, qty: number) => {
    const item = shopper.chooseVariant(r, slot.slot, at);
    const existing = lines.get(item);
    if (existing) {
      existing.qty += qty;
      existing.core ||= Boolean(slot.core);
    } else {
      lines.set(item, { item, qty, fixed: Boolean(slot.fixed), core: Boolean(slot.core), priceCents: shopper.priceCents(r, shop.items[item]) });
    }
  };
  const va = shopper.customer.latent.valueAddedPropensity;
  for (const m of chosen) {
    const { mission } = shop.missions[m];
    const slots = mission.slots.filter((s) => shop.slotAvailable(s.slot, at));
    const picked = slots.filter((s) => {
      const valueAdded = shop.slotItems.get(s.slot)!.every((i) => shop.items[i].valueAdded);
      if (valueAdded) return r.chance(Math.min(0.95, (s.p * va) / 0.2));
      return r.chance(s.core ? s.p : s.p * BREADTH[type]);
    });
    if (!picked.some((s) => s.core)) {
      const cores = slots.filter((s) => s.core);
      picked.push(cores[r.weightedIndex(cores.map((s) => s.p))]);
    }
    for (const s of picked) add(s, s.fixed ? s.qty : s.qty * r.logNormal(0, 0.35));
  }
  const list = [...lines.values()];
  const heavy = list.some((l) => ['building_materials', 'flooring'].includes(shop.items[l.item].category));
  if (type === 'consumer' && heavy && value > 800 && !lines.has(shop.deliveryItem) && r.chance(0.5)) {
    list.push({ item: shop.deliveryItem, qty: 1, fixed: true, core: false, priceCents: shopper.priceCents(r, shop.items[shop.deliveryItem]) });
  }
  sizeBasket(r, list, value * 100);
  return { lines: list.filter((l) => l.qty > 0), missions: chosen.map((m) => shop.missions[m].mission.key) };
}

/** Whole quantities whose total comes as close to `target` cents as the prices allow. */
function sizeBasket(r: Random, lines: BasketLine[], target: number) {
  const cost = () => lines.reduce((s, l) => s + l.qty * l.priceCents, 0);
  // too big a basket for the value: leave out optional things first, then fixed ones, then cores
  r.shuffle(lines);
  const dropOrder = [...lines].sort((a, b) => Number(a.core) - Number(b.core) || Number(b.fixed) - Number(a.fixed));
  for (const line of dropOrder) {
    if (lines.length <= 1 || cost() <= target * 1.3) break;
    if (!lines.some((l) => l !== line && (l.core || !line.core))) continue;
    lines.splice(lines.indexOf(line), 1);
  }
  const scalable = lines.filter((l) => !l.fixed);
  const fixedCost = lines.filter((l) => l.fixed).reduce((s, l) => s + l.qty * l.priceCents, 0);
  const base = scalable.reduce((s, l) => s + l.qty * l.priceCents, 0);
  const factor = base > 0 ? Math.max(0, target - fixedCost) / base : 0;
  for (const l of scalable) l.qty = Math.max(1, Math.round(l.qty * factor));
  for (const l of lines) if (l.fixed) l.qty = Math.max(1, Math.round(l.qty));
  // nudge: add or remove single units while that brings the total closer to the target
  const byPrice = [...scalable].sort((a, b) => b.priceCents - a.priceCents);
  let total = cost();
  for (let step = 0; step < 200; step++) {
    const gap = target - total;
    const line = gap > 0 ? byPrice.find((l) => l.priceCents < 2 * gap) : byPrice.find((l) => l.qty > 1 && l.priceCents < -2 * gap);
    if (!line) break;
    const d = gap > 0 ? 1 : -1;
    line.qty += d;
    total += d * line.priceCents;
  }
}

/** Recorded unit cost: the item's cost drifting up ~2.5 % a year over the history, plus noise. */
function unitCostCents(r: Random, item: CatalogueItem, at: number, historyStart: number): number {
  const years = (at - historyStart) / (365.25 * DAY);
  return Math.round(item.unitCost * (0.97 + 0.025 * years) * (1 + r.normal(0, 0.01)) * 100);
}

function toOrderLines(r: Random, shop: Shop, lines: BasketLine[], at: number): DemoOrderLine[] {
  return lines.map((l) => ({
    product: l.item,
    quantity: l.qty,
    unitPriceCents: l.priceCents,
    unitCostCents: unitCostCents(r, shop.items[l.item], at, shop.historyStart),
    description: null,
  }));
}

const totalOf = (lines: DemoOrderLine[]) => lines.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);

/** All orders of one customer, unnumbered (orderNo is set once every order is known). */
export function customerOrders(r: Random, shopper: Shopper, params: DemoParameters, customerIndex: number): DemoOrder[] {
  const c = shopper.customer;
  const l = c.latent;
  if (l.firstPurchaseWeek === null) return [];
  const shop = shopper.shop;
  const spend = params.customerTypes[c.customerType].spend;
  const { weeks, droppedOut } = purchaseWeeks(r, l.firstPurchaseWeek, l.lambda, l.dropout, params.historyWeeks);
  l.droppedOut = droppedOut;
  const orders: DemoOrder[] = [];
  const order = (at: number, status: DemoOrder['status'], value: number | null, lines: DemoOrderLine[], missions: string[], notes: string | null): DemoOrder => ({
    orderNo: '',
    account: customerIndex,
    orderedAt: at,
    status,
    channel: shopper.channel(r),
    totalCents: totalOf(lines),
    notes,
    lines,
    targetSpend: value,
    missions,
    returnOf: null,
  });
  const basketOrder = (at: number, status: DemoOrder['status'], notes: string | null) => {
    const value = r.gamma(spend.p, l.nu);
    const basket = buildBasket(r, shopper, at, value);
    return order(at, status, value, toOrderLines(r, shop, basket.lines, at), basket.missions, notes);
  };
  const note = () => (r.chance(0.08) ? r.pick(ORDER_NOTES[c.language]) : null);

  for (const w of weeks) orders.push(basketOrder(weekToInstant(shop.historyStart, w), 'completed', note()));
  const completed = orders.length;
  const firstWeek = weeks[0];
  const lastWeek = weeks[weeks.length - 1];

  // Cancelled orders: placed and withdrawn while the customer was buying anyway.
  const cancelRate = params.cancelledShare * (c.customerType === 'consumer' ? 1.3 : 0.8);
  for (let k = r.poisson(cancelRate * completed); k > 0; k--) {
    const w = firstWeek + r.next() * (lastWeek - firstWeek);
    orders.push(basketOrder(weekToInstant(shop.historyStart, w), 'cancelled', r.pick(CANCEL_REASONS[c.language])));
  }
  // Returns: part of a completed order comes back a few days later (negative quantities).
  const returnRate = params.returnShare * (c.customerType === 'consumer' ? 1.4 : 0.8);
  for (let k = 0; k < completed; k++) {
    if (!r.chance(returnRate)) continue;
    const original = orders[k];
    const w = weeks[k] + r.uniform(2, 21) / 7;
    if (w >= params.historyWeeks) continue;
    const returned = r.shuffle(original.lines.filter((x) => x.quantity > 0)).slice(0, r.chance(0.75) ? 1 : 2);
    const reason = r.pick(RETURN_REASONS[c.language]);
    const lines = returned.map((x) => ({ ...x, quantity: -Math.max(1, Math.min(x.quantity, Math.round(x.quantity * r.uniform(0.1, 1)))), description: reason }));
    const notes = `${c.language === 'zh' ? '原订单' : 'Original order'} ${ORIGINAL_ORDER_NO}`;
    orders.push({ ...order(weekToInstant(shop.historyStart, w), 'returned', null, lines, [], notes), channel: original.channel, returnOf: original });
  }
  // Open orders: placed in the last days before asOf, not yet delivered.
  if (!droppedOut && r.chance(1 - Math.exp(-l.lambda * 0.5))) {
    const w = params.historyWeeks - r.uniform(0.03, 0.5);
    if (w > lastWeek) orders.push(basketOrder(weekToInstant(shop.historyStart, w), 'open', note()));
  }
  return orders;
}

