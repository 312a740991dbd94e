// The CLTV framework (cltv-framework.ts) as data, for the UI: each component's definition and each
// parameter, in English and Chinese.
import type { LocalizedText } from '../localized-text.js';
import { DEFAULT_CLTV_PARAMETERS, type CltvBreakdown, type CltvParameters } from './cltv-framework.js';

export interface CltvComponentDescription {
  key: 'R' | 'L' | 'I' | 'F';
  name: LocalizedText;
  formula: string;
  definition: LocalizedText;
  /** Output fields of `CltvBreakdown` that show this component. */
  fields: readonly (keyof CltvBreakdown)[];
}

export interface CltvInputDescription {
  key: 'PGS' | 'CS' | 'CM' | 'MPA' | 'T' | 'NCA' | 'PE';
  name: LocalizedText;
  definition: LocalizedText;
}

export interface CltvParameterDescription {
  key: keyof CltvParameters;
  symbol: string;
  name: LocalizedText;
  description: LocalizedText;
  default: number;
  /** Range an input field offers (validation: periodLength > 0, discountRate > −1). */
  min: number;
  /** Infinity when unbounded. */
  max: number;
}

export interface CltvFormulaDescription {
  formula: string;
  summary: LocalizedText;
  inputs: readonly CltvInputDescription[];
  components: readonly CltvComponentDescription[];
  parameters: readonly CltvParameterDescription[];
}

export const cltvFormulaDescription: CltvFormulaDescription = {
  formula: 'CLTV = F(R(PGS, CS, CM), L(PGS, MPA, T), I(NCA, PE)) = (PGS − CS)·L − CM·Σv^i + I',
  summary: {
    en:
      'Customer lifetime value over the horizon T: the discounted margin of the purchases the customer is expected to make ' +
      '(BG/NBD purchase forecast × Gamma-Gamma spend, less cost of sales), weighted by price loyalty, less the cost of ' +
      'marketing to the customer, plus the value the customer brings through referrals and endorsements.',
    zh:
      '客户在期限 T 内的终身价值：客户预计购买次数（BG/NBD 购买预测）乘以每次购买的毛利（Gamma-Gamma 预计消费额减销售成本）' +
      '并按价格忠诚度加权后的折现值，减去对该客户的营销成本，再加上该客户通过推荐和产品口碑带来的价值。',
  },
  inputs: [
    {
      key: 'PGS',
      name: { en: 'Price of goods/services paid', zh: '商品/服务价格' },
      definition: {
        en: 'Expected amount paid per purchase: the Gamma-Gamma estimate from the customer’s repeat purchases (or the customer’s own mean spend without a spend model).',
        zh: '每次购买的预计支付金额：由客户重复购买金额经 Gamma-Gamma 模型估计（无消费模型时取客户自身的平均消费额）。',
      },
    },
    {
      key: 'CS',
      name: { en: 'Cost of sales', zh: '销售成本' },
      definition: {
        en: 'Cost of the goods and of selling them, per purchase: cost-of-sales rate × PGS.',
        zh: '每次购买的商品及销售成本：销售成本率 × PGS。',
      },
    },
    {
      key: 'CM',
      name: { en: 'Cost of marketing', zh: '营销成本' },
      definition: {
        en: 'Marketing spent on the customer per period (mailings, loyalty programme, account care), charged in every period of the horizon.',
        zh: '每期花在该客户身上的营销费用（邮件、会员计划、客户维护），在期限内每期计入。',
      },
    },
    {
      key: 'MPA',
      name: { en: 'Matching-price average', zh: '匹配价格均值' },
      definition: {
        en: 'What the same goods cost at the average price paid by all customers; the ratio ρ = paid / MPA is the customer’s price premium (ρ > 1: pays more than average).',
        zh: '同样商品按全部客户平均成交价计算的金额；比值 ρ = 实付 / MPA 即客户的价格溢价率（ρ > 1 表示高于平均价购买）。',
      },
    },
    {
      key: 'T',
      name: { en: 'Horizon', zh: '期限' },
      definition: {
        en: 'Number of periods × period length over which future purchases are forecast and discounted.',
        zh: '预测并折现未来购买的期数 × 每期长度。',
      },
    },
    {
      key: 'NCA',
      name: { en: 'New customers acquired by referral', zh: '推荐获得的新客户' },
      definition: {
        en: 'Customers who came through this customer’s referral; each brings its own relationship value.',
        zh: '经该客户推荐而来的客户；每位新客户有其自身的关系价值。',
      },
    },
    {
      key: 'PE',
      name: { en: 'Product endorsements', zh: '产品口碑推荐' },
      definition: {
        en: 'Reviews, recommendations and testimonials the customer gave for the firm’s products.',
        zh: '客户为企业产品发表的评价、推荐和证言的次数。',
      },
    },
  ],
  components: [
    {
      key: 'R',
      name: { en: 'Revenue metric', zh: '收益指标' },
      formula: 'm = PGS − CS per purchase; C = CM · Σ_{i=1..n} v^i',
      definition: {
        en: 'What one purchase earns (margin m = PGS − CS) and what marketing to the customer costs over the horizon (C, discounted).',
        zh: '每次购买的毛利 m = PGS − CS，以及期限内对客户营销的折现成本 C。',
      },
      fields: ['pgs', 'costOfSales', 'marginPerPurchase', 'marketingCostPerPeriod', 'marketingCostValue'],
    },
    {
      key: 'L',
      name: { en: 'Loyalty metric', zh: '忠诚度指标' },
      formula: 'L = ρ^ε · Σ_{i=1..n} ΔE[Y_i] · v^i = ρ^ε · P(alive) · (discounted purchases if alive)',
      definition: {
        en:
          'Discounted number of purchases the customer is expected to make over the horizon (BG/NBD: probability the customer is ' +
          'still active × purchases expected while active), times the price-loyalty factor ρ^ε from the matching-price average.',
        zh:
          '客户在期限内预计购买次数的折现值（BG/NBD：客户仍活跃的概率 × 活跃时的预计购买次数），乘以由匹配价格均值得出的价格忠诚系数 ρ^ε。',
      },
      fields: [
        'pAlive',
        'expectedPurchases',
        'purchasesPerPeriod',
        'discountedPurchases',
        'discountedPurchasesIfAlive',
        'matchingPriceRatio',
        'priceLoyaltyFactor',
        'loyalty',
      ],
    },
    {
      key: 'I',
      name: { en: 'Influence', zh: '影响力指标' },
      formula: 'I = s · Σ_j max(0, V_j) + e · PE',
      definition: {
        en:
          'Value the customer brings through others: a share s of the relationship value V_j of each customer acquired by the ' +
          'customer’s referral, plus e per product endorsement. 0 where the data has no referrals or endorsements yet.',
        zh: '客户通过他人带来的价值：经其推荐获得的每位新客户关系价值 V_j 的 s 份额，加上每次产品口碑推荐的价值 e。尚无推荐或口碑数据时为 0。',
      },
      fields: ['referrals', 'referralValue', 'endorsements', 'endorsementValue', 'influence'],
    },
    {
      key: 'F',
      name: { en: 'Lifetime value', zh: '客户终身价值' },
      formula: 'CLTV = m · L − C + I = Σ_{i=1..n} v^i (m · ρ^ε · ΔE[Y_i] − CM) + I',
      definition: {
        en:
          'The discounted margin stream of the expected purchases less marketing cost (the relationship value V), plus influence. ' +
          'With ρ^ε = 1, CM = 0 and I = 0 it equals the BG/NBD × Gamma-Gamma predicted CLV.',
        zh: '预计购买的折现毛利减去营销成本（关系价值 V），再加上影响力。当 ρ^ε = 1、CM = 0、I = 0 时，即 BG/NBD × Gamma-Gamma 预测的 CLV。',
      },
      fields: ['purchaseMarginValue', 'relationshipValue', 'valuePerPeriod', 'cltv'],
    },
  ],
  parameters: [
    {
      key: 'periods',
      symbol: 'n',
      name: { en: 'Periods in the horizon', zh: '预测期数' },
      description: { en: 'How many periods ahead the value is counted.', zh: '计算价值的未来期数。' },
      default: DEFAULT_CLTV_PARAMETERS.periods,
      min: 0,
      max: Infinity,
    },
    {
      key: 'periodLength',
      symbol: 'Δ',
      name: { en: 'Period length', zh: '每期长度' },
      description: {
        en: 'Length of one period in the models’ time unit (52/12 weeks = one month).',
        zh: '每期长度，以模型的时间单位计（52/12 周 = 一个月）。',
      },
      default: DEFAULT_CLTV_PARAMETERS.periodLength,
      min: 0,
      max: Infinity,
    },
    {
      key: 'discountRate',
      symbol: 'd',
      name: { en: 'Discount rate per period', zh: '每期折现率' },
      description: {
        en: 'Cost of capital per period; a purchase in period i counts 1/(1+d)^i.',
        zh: '每期资金成本；第 i 期的购买按 1/(1+d)^i 计。',
      },
      default: DEFAULT_CLTV_PARAMETERS.discountRate,
      min: 0,
      max: Infinity,
    },
    {
      key: 'costOfSalesRate',
      symbol: 'CS/PGS',
      name: { en: 'Cost-of-sales rate', zh: '销售成本率' },
      description: {
        en: 'Share of the price that goes to the cost of the goods and of selling them (0 = value of revenue).',
        zh: '价格中用于商品及销售成本的比例（0 表示按收入计算）。',
      },
      default: DEFAULT_CLTV_PARAMETERS.costOfSalesRate,
      min: 0,
      max: 1,
    },
    {
      key: 'marketingCostPerPeriod',
      symbol: 'CM',
      name: { en: 'Marketing cost per customer per period', zh: '每客户每期营销成本' },
      description: {
        en: 'Charged in every period of the horizon, whether or not the customer still buys.',
        zh: '在期限内每期计入，无论客户是否仍在购买。',
      },
      default: DEFAULT_CLTV_PARAMETERS.marketingCostPerPeriod,
      min: 0,
      max: Infinity,
    },
    {
      key: 'priceLoyaltyElasticity',
      symbol: 'ε',
      name: { en: 'Price-loyalty elasticity', zh: '价格忠诚弹性' },
      description: {
        en:
          'How strongly a price premium raises expected purchases: factor ρ^ε. 0 (default) shows ρ without counting it — the purchase ' +
          'forecast is validated on holdout data, the premium’s effect is not.',
        zh: '价格溢价对预计购买次数的影响强度：系数 ρ^ε。默认 0 只显示 ρ 而不计入——购买预测经过保留期数据验证，溢价的影响没有。',
      },
      default: DEFAULT_CLTV_PARAMETERS.priceLoyaltyElasticity,
      min: 0,
      max: Infinity,
    },
    {
      key: 'referralShare',
      symbol: 's',
      name: { en: 'Referral share', zh: '推荐价值分成' },
      description: {
        en: 'Share of a referred customer’s value credited to the referrer: the share that would not have come without the referral (default 0.5, an assumption).',
        zh: '被推荐客户价值中归于推荐人的份额，即没有推荐就不会来的比例（默认 0.5，为假设值）。',
      },
      default: DEFAULT_CLTV_PARAMETERS.referralShare,
      min: 0,
      max: 1,
    },
    {
      key: 'valuePerEndorsement',
      symbol: 'e',
      name: { en: 'Value per endorsement', zh: '每次口碑推荐价值' },
      description: {
        en: 'Value of one product endorsement (default 0 until an analyst sets it).',
        zh: '每次产品口碑推荐的价值（默认 0，由分析师设定）。',
      },
      default: DEFAULT_CLTV_PARAMETERS.valuePerEndorsement,
      min: 0,
      max: Infinity,
    },
  ],
};
