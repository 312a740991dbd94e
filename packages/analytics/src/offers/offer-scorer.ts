/**
 * The fitted statistics behind next-best offers, and the ranking of one customer's candidates.
 *
 * Group part. For customer j with memberships u_jg, the chance of buying item y is the membership-weighted
 * group-conditional purchase rate, estimated without customer j (leave-the-customer-out) and smoothed toward the
 * overall rate so small groups do not give 0 or 1:
 *
 *   rate_g(y) = (S_g(y) − u_jg·[j has y] + α·prior(y)) / (W_g − u_jg + α),  S_g(y) = Σ_{i has y} u_ig,  W_g = Σ_i u_ig
 *   prior(y)  = (#customers with y − [j has y]) / (n − 1)
 *   P_group(y) = Σ_g u_jg · rate_g(y)
 *
 * so a customer's own purchase never raises their own score (α = `smoothing`, in pseudo-customers).
 *
 * Rule part. The applicable rule X → y (X ⊆ what j has, y not) with the highest confidence, also re-estimated
 * without j: j is one of the #sets ⊇ X, and one of #sets ⊇ X ∪ {y} when j has y (only when y is hidden for
 * validation), so confidence = (count − [j has y]) / (antecedentCount − 1). Rules whose antecedent j holds only in
 * part (bundles: "buy C too and …") are not used.
 *
 * Blend. P(y) = P_group(y) + λ · (confidence − P_group(y)) when a rule applies, else P_group(y): the rule's
 * confidence, an estimate of P(y | X) from customers who share X, pulls the group estimate toward itself by the
 * blend weight λ ∈ [0, 1] (chosen on validation data, see `blend-weight.ts`).
 *
 * Speed. Candidates with a rule are scored first; the others are visited in descending order of an upper bound of
 * P_group (max over groups of the rate with the smallest possible denominator), stopping once the bound is below
 * the k-th best score — a few dozen items per customer instead of all of them, with the same result.
 */
import type { OfferRule } from './offer-rules.js';

export interface OfferScorerInput {
  /** n rows × c customer groups, each row summing to 1 (one-hot for a hard grouping) */
  memberships: readonly Float64Array[];
  /** per customer, the product ids they bought */
  itemSets: readonly ArrayLike<number>[];
  /** rules mined on the same item sets (`mineOfferRules`); rules naming items nobody has are dropped */
  rules?: readonly OfferRule[];
}

export interface RankedItem {
  /** product id */
  item: number;
  probability: number;
  groupProbability: number;
  /** the customer group contributing most to groupProbability: index, the customer's membership, rate_g(item) */
  group: { index: number; membership: number; rate: number };
  /** index into the scorer's rules of the rule used, −1 when none applies */
  rule: number;
  /** the rule's confidence and lift without the customer (NaN when no rule) */
  ruleConfidence: number;
  ruleLift: number;
}

export class OfferScorer {
  readonly customerCount: number;
  readonly groupCount: number;
  /** α, in pseudo-customers */
  readonly smoothing: number;
  readonly rules: readonly OfferRule[];
  /** dense item index → product id */
  private readonly itemIds: Int32Array;
  private readonly indexOf = new Map<number, number>();
  private readonly memberships: readonly Float64Array[];
  /** per customer, dense item indices ascending: setItems[setOffsets[j] .. setOffsets[j + 1]) */
  private readonly setOffsets: Int32Array;
  private readonly setItems: Int32Array;
  private readonly groupSize: Float64Array;
  /** S_g(y) at y · c + g */
  private readonly weighted: Float64Array;
  private readonly count: Int32Array;
  private readonly bound: Float64Array;
  private readonly scanOrder: Int32Array;
  /**
   * rules by the rarest item of their antecedent (dense), ruleIds[ruleStart[a] .. ruleStart[a + 1]): a customer
   * reaches a rule only through that item, so rules with a common item beside a rare one cost nothing to most
   */
  private readonly ruleStart: Int32Array;
  private readonly ruleIds: Int32Array;
  private readonly ruleLhs: Int32Array[];
  private readonly ruleRhs: Int32Array;

  // scratch of one ranking (marks compare with a token that changes per customer, so they never need clearing)
  private token = 0;
  private readonly ownMark: Int32Array;
  private readonly visibleMark: Int32Array;
  private readonly ruleMark: Int32Array;
  private readonly bestRule: Int32Array;
  private readonly bestConfidence: Float64Array;
  private readonly weight: Float64Array;
  private readonly activeGroups: Int32Array;
  private activeCount = 0;
  private customer = -1;

  constructor(input: OfferScorerInput, smoothing: number) {
    const { memberships, itemSets } = input;
    const n = memberships.length;
    if (itemSets.length !== n) throw new RangeError(`${itemSets.length} item sets for ${n} membership rows`);
    if (n < 2) throw new RangeError('at least two customers are needed');
    if (!(smoothing > 0)) throw new RangeError(`smoothing ${smoothing} must be positive`);
    const c = memberships[0].length;
    memberships.forEach((u, i) => {
      if (u.length !== c) throw new RangeError(`membership row ${i} has ${u.length} groups, expected ${c}`);
      let sum = 0;
      for (let g = 0; g < c; g++) {
        if (!(u[g] >= 0)) throw new RangeError(`membership row ${i} has a negative or missing degree`);
        sum += u[g];
      }
      if (Math.abs(sum - 1) > 1e-6) throw new RangeError(`membership row ${i} sums to ${sum}, not 1`);
    });
    this.customerCount = n;
    this.groupCount = c;
    this.smoothing = smoothing;
    this.memberships = memberships;

    // dense item indices in ascending product id, so ties anywhere fall to the lower product id
    const ids = new Set<number>();
    for (const set of itemSets) for (let k = 0; k < set.length; k++) ids.add(set[k]);
    this.itemIds = Int32Array.from([...ids].sort((a, b) => a - b));
    const m = this.itemIds.length;
    this.itemIds.forEach((id, y) => this.indexOf.set(id, y));

    const offsets = new Int32Array(n + 1);
    const dense: number[] = [];
    for (let j = 0; j < n; j++) {
      const set = [...new Set(Array.from(itemSets[j], (id) => this.indexOf.get(id)!))].sort((a, b) => a - b);
      dense.push(...set);
      offsets[j + 1] = dense.length;
    }
    this.setOffsets = offsets;
    this.setItems = Int32Array.from(dense);

    this.groupSize = new Float64Array(c);
    this.weighted = new Float64Array(m * c);
    this.count = new Int32Array(m);
    for (let j = 0; j < n; j++) {
      const u = memberships[j];
      for (let g = 0; g < c; g++) this.groupSize[g] += u[g];
      for (let k = offsets[j]; k < offsets[j + 1]; k++) {
        const y = this.setItems[k];
        this.count[y]++;
        for (let g = 0; g < c; g++) this.weighted[y * c + g] += u[g];
      }
    }
    // P_group(y) ≤ max_g rate_g(y), and rate_g(y) ≤ (S_g(y) + α·count(y)/(n − 1)) / (max(W_g − 1, 0) + α)
    this.bound = new Float64Array(m);
    for (let y = 0; y < m; y++) {
      const prior = this.count[y] / (n - 1);
      let best = 0;
      for (let g = 0; g < c; g++) best = Math.max(best, (this.weighted[y * c + g] + smoothing * prior) / (Math.max(this.groupSize[g] - 1, 0) + smoothing));
      this.bound[y] = best;
    }
    this.scanOrder = Int32Array.from({ length: m }, (_, y) => y).sort((a, b) => this.bound[b] - this.bound[a] || a - b);

    const usable = (input.rules ?? []).filter((r) => r.lhs.length > 0 && this.indexOf.has(r.rhs) && r.lhs.every((id) => this.indexOf.has(id)));
    this.rules = usable;
    this.ruleLhs = usable.map((r) => Int32Array.from(r.lhs, (id) => this.indexOf.get(id)!).sort());
    this.ruleRhs = Int32Array.from(usable, (r) => this.indexOf.get(r.rhs)!);
    // the antecedent's rarest item first (ties: the earlier one), so it is the key
    for (const lhs of this.ruleLhs) {
      let rarest = 0;
      for (let t = 1; t < lhs.length; t++) if (this.count[lhs[t]] < this.count[lhs[rarest]]) rarest = t;
      [lhs[0], lhs[rarest]] = [lhs[rarest], lhs[0]];
    }
    this.ruleStart = new Int32Array(m + 1);
    for (const lhs of this.ruleLhs) this.ruleStart[lhs[0] + 1]++;
    for (let y = 0; y < m; y++) this.ruleStart[y + 1] += this.ruleStart[y];
    this.ruleIds = new Int32Array(usable.length);
    const fill = this.ruleStart.slice(0, m);
    this.ruleLhs.forEach((lhs, r) => (this.ruleIds[fill[lhs[0]]++] = r));

    this.ownMark = new Int32Array(m).fill(-1);
    this.visibleMark = new Int32Array(m).fill(-1);
    this.ruleMark = new Int32Array(m).fill(-1);
    this.bestRule = new Int32Array(m);
    this.bestConfidence = new Float64Array(m);
    this.weight = new Float64Array(c);
    this.activeGroups = new Int32Array(c);
  }

  /** The customer's items (product ids, ascending). */
  itemsOf(customer: number): number[] {
    return Array.from(this.setItems.subarray(this.setOffsets[customer], this.setOffsets[customer + 1]), (y) => this.itemIds[y]);
  }

  /** P_group(item) for the customer, without the customer's own purchases (0 for an item nobody has). */
  groupProbability(customer: number, item: number): number {
    const y = this.indexOf.get(item);
    if (y === undefined) return 0;
    this.prepare(customer, undefined);
    return this.groupScore(y);
  }

  /**
   * The k best items for the customer among those not in `visible` (product ids; default: everything the customer
   * has), best first (ties: lower product id). `visible` must be a subset of the customer's items: the others are
   * then hidden, as in validation, and still taken out of the customer's own contribution to every estimate.
   */
  rank(customer: number, k: number, blendWeight: number, visible?: ArrayLike<number>): RankedItem[] {
    this.prepare(customer, visible);
    const { token, ownMark, visibleMark, ruleMark, bestRule, bestConfidence, itemIds } = this;
    const topItem = new Int32Array(k);
    const topScore = new Float64Array(k);
    let filled = 0;
    const offer = (y: number, score: number) => {
      if (filled === k && !(score > topScore[k - 1] || (score === topScore[k - 1] && itemIds[y] < itemIds[topItem[k - 1]]))) return;
      let p = filled < k ? filled++ : k - 1;
      while (p > 0 && (score > topScore[p - 1] || (score === topScore[p - 1] && itemIds[y] < itemIds[topItem[p - 1]]))) {
        topItem[p] = topItem[p - 1];
        topScore[p] = topScore[p - 1];
        p--;
      }
      topItem[p] = y;
      topScore[p] = score;
    };

    // rules whose whole antecedent is visible
    const ruled: number[] = [];
    const from = this.setOffsets[customer];
    const to = this.setOffsets[customer + 1];
    for (let v = from; v < to; v++) {
      const a = this.setItems[v];
      if (visibleMark[a] !== token) continue;
      for (let q = this.ruleStart[a]; q < this.ruleStart[a + 1]; q++) {
        const r = this.ruleIds[q];
        const y = this.ruleRhs[r];
        if (visibleMark[y] === token) continue;
        const lhs = this.ruleLhs[r];
        let holds = true;
        for (let t = 1; t < lhs.length && holds; t++) holds = visibleMark[lhs[t]] === token;
        if (!holds) continue;
        const others = this.rules[r].antecedentCount - 1;
        if (others <= 0) continue;
        const confidence = (this.rules[r].count - (ownMark[y] === token ? 1 : 0)) / others;
        if (ruleMark[y] !== token) {
          ruleMark[y] = token;
          ruled.push(y);
        } else if (!(confidence > bestConfidence[y])) continue;
        bestConfidence[y] = confidence;
        bestRule[y] = r;
      }
    }
    for (const y of ruled) {
      const group = this.groupScore(y);
      offer(y, group + blendWeight * (bestConfidence[y] - group));
    }
    // the rest, by descending upper bound of P_group
    for (let s = 0; s < this.scanOrder.length; s++) {
      const y = this.scanOrder[s];
      if (filled === k && this.bound[y] < topScore[k - 1]) break;
      if (visibleMark[y] === token || ruleMark[y] === token) continue;
      offer(y, this.groupScore(y));
    }

    const ranked: RankedItem[] = [];
    for (let p = 0; p < filled; p++) {
      const y = topItem[p];
      const hasRule = ruleMark[y] === token;
      const own = ownMark[y] === token ? 1 : 0;
      const share = (this.count[y] - own) / (this.customerCount - 1);
      const confidence = hasRule ? bestConfidence[y] : Number.NaN;
      ranked.push({
        item: itemIds[y],
        probability: topScore[p],
        groupProbability: this.groupScore(y),
        group: this.strongestGroup(y),
        rule: hasRule ? bestRule[y] : -1,
        ruleConfidence: confidence,
        ruleLift: hasRule ? (share > 0 ? confidence / share : 0) : Number.NaN,
      });
    }
    return ranked;
  }

  /** Marks the customer's items (all: own; `visible` or all: visible) and the per-group weights u/(W − u + α). */
  private prepare(customer: number, visible: ArrayLike<number> | undefined): void {
    if (!(Number.isInteger(customer) && customer >= 0 && customer < this.customerCount)) throw new RangeError(`customer ${customer} is not in 0 … ${this.customerCount - 1}`);
    const token = ++this.token;
    this.customer = customer;
    for (let v = this.setOffsets[customer]; v < this.setOffsets[customer + 1]; v++) this.ownMark[this.setItems[v]] = token;
    if (visible === undefined) {
      for (let v = this.setOffsets[customer]; v < this.setOffsets[customer + 1]; v++) this.visibleMark[this.setItems[v]] = token;
    } else {
      for (let v = 0; v < visible.length; v++) {
        const y = this.indexOf.get(visible[v]);
        if (y === undefined || this.ownMark[y] !== token) throw new RangeError(`visible item ${visible[v]} is not one of customer ${customer}'s items`);
        this.visibleMark[y] = token;
      }
    }
    const u = this.memberships[customer];
    this.activeCount = 0;
    for (let g = 0; g < this.groupCount; g++) {
      if (u[g] === 0) continue;
      this.activeGroups[this.activeCount++] = g;
      this.weight[g] = u[g] / (this.groupSize[g] - u[g] + this.smoothing);
    }
  }

  /** The group with the largest term u_g · rate_g(y) of P_group(y), for the prepared customer. */
  private strongestGroup(y: number): { index: number; membership: number; rate: number } {
    const c = this.groupCount;
    const own = this.ownMark[y] === this.token ? 1 : 0;
    const smoothedPrior = (this.smoothing * (this.count[y] - own)) / (this.customerCount - 1);
    const u = this.memberships[this.customer];
    let best = { index: -1, membership: 0, rate: 0 };
    let bestTerm = -1;
    for (let a = 0; a < this.activeCount; a++) {
      const g = this.activeGroups[a];
      const term = this.weight[g] * (this.weighted[y * c + g] - u[g] * own + smoothedPrior);
      if (term > bestTerm) {
        bestTerm = term;
        best = { index: g, membership: u[g], rate: term / u[g] };
      }
    }
    return best;
  }

  /** P_group(y) for the prepared customer. */
  private groupScore(y: number): number {
    const c = this.groupCount;
    const own = this.ownMark[y] === this.token ? 1 : 0;
    const smoothedPrior = (this.smoothing * (this.count[y] - own)) / (this.customerCount - 1);
    const u = this.memberships[this.customer];
    let p = 0;
    for (let a = 0; a < this.activeCount; a++) {
      const g = this.activeGroups[a];
      p += this.weight[g] * (this.weighted[y * c + g] - u[g] * own + smoothedPrior);
    }
    return p;
  }
}
