import { useCallback } from 'react';
import { Flex, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../api/analytics';
import type { Direction, ScoreFactor } from '../../api/propensity';
import { useFormatters } from '../../components/format/useFormatters';
import { useLocalizedText } from '../../components/format/useLocalizedText';

/**
 * Names and values of the models' features in words: the fixed behaviour features, `share:<category>` (the
 * category through the product-category translations) and `attr:<name>` (a customer attribute; the well-known
 * ones translated, others as named), else the server's label, else the name itself.
 */
const FIXED = ['recencyDays', 'frequency', 'monetary', 'averageOrderValue', 'tenureDays', 'priceLevel', 'clv', 'pAlive', 'contactRecencyDays'] as const;
type FixedFeature = (typeof FIXED)[number];
const ATTRIBUTES = [
  'annualIncome',
  'householdSize',
  'children',
  'homeOwner',
  'propertyAreaM2',
  'age',
  'employees',
  'annualRevenue',
  'annualBudget',
  'foundedYear',
  'creditLimit',
  'storeCount',
  'projectsPerYear',
] as const;
type KnownAttribute = (typeof ATTRIBUTES)[number];

const isFixed = (feature: string): feature is FixedFeature => (FIXED as readonly string[]).includes(feature);
const isKnownAttribute = (name: string): name is KnownAttribute => (ATTRIBUTES as readonly string[]).includes(name);

/** "propertyAreaM2" → "Property area m2": an attribute nobody translated, readable in English. */
const humanize = (name: string) => {
  const words = name
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : name;
};

export function useFeatureLabel() {
  const { t, i18n } = useTranslation();
  const localized = useLocalizedText();
  return useCallback(
    (feature: string, labels?: Record<string, LocalizedText> | null): string => {
      if (isFixed(feature)) return t(`propensity.features.${feature}`);
      if (feature.startsWith('share:')) {
        const category = feature.slice('share:'.length);
        const key = `enums.productCategory.${category}`;
        return t('propensity.features.share', { category: i18n.exists(key) ? (t as (k: string) => string)(key) : category });
      }
      if (feature.startsWith('attr:')) {
        const name = feature.slice('attr:'.length);
        if (isKnownAttribute(name)) return t(`propensity.attributes.${name}`);
        const given = localized(labels?.[feature]);
        return given && given !== name ? given : i18n.language === 'zh-CN' ? name : humanize(name);
      }
      return localized(labels?.[feature]) || feature;
    },
    [t, i18n, localized],
  );
}

/** A feature's value in its own units: shares and P(alive) as percentages, amounts and days as whole numbers. */
export function useFeatureValue() {
  const { t } = useTranslation();
  const format = useFormatters();
  return useCallback(
    (feature: string, value: number | null | undefined): string => {
      if (value === null || value === undefined || !Number.isFinite(value)) return '—';
      if (feature === 'attr:homeOwner' && (value === 0 || value === 1)) return value ? t('common.yes') : t('common.no');
      if (feature.startsWith('share:') || feature === 'pAlive') return format.percent(value);
      if (feature === 'priceLevel') return format.fixed(value, 2);
      if (isFixed(feature)) return format.number(Math.round(value));
      if (feature === 'attr:foundedYear') return String(Math.round(value));
      return format.significant(value);
    },
    [t, format],
  );
}

/** Whether a feature's values are shares (0..1): charts show them as percentages. */
export const isShareFeature = (feature: string) => feature.startsWith('share:') || feature === 'pAlive';

/**
 * Colour of a direction: for a purchase, raising the probability is good news (green); for churn it is the
 * risk that rises (red).
 */
export const directionColor = (direction: Direction, churn: boolean) => ((direction === 'raises') !== churn ? '#389e0d' : '#cf1322');

/**
 * One customer's reasons in words: "Days since last purchase 210 ↑ raises the churn risk", largest first.
 */
export function FactorList({
  factors,
  churn,
  labels,
  max = 3,
  testId,
  compact,
}: {
  factors: ScoreFactor[] | null | undefined;
  churn: boolean;
  labels?: Record<string, LocalizedText> | null;
  max?: number;
  testId?: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const label = useFeatureLabel();
  const value = useFeatureValue();
  const format = useFormatters();
  const list = (factors ?? []).slice(0, max);
  if (list.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={compact ? 0 : 2} className="factor-list" data-testid={testId}>
      {list.map((f) => {
        const name = label(f.feature, labels);
        const effect = t(churn ? `propensity.factor.short.${f.direction}Risk` : `propensity.factor.short.${f.direction}Probability`);
        const text = `${name} ${value(f.feature, f.value)} ${f.direction === 'raises' ? '↑' : '↓'} ${effect}`;
        return (
          <Tooltip key={f.feature} title={t('propensity.factor.contribution', { value: `${f.contribution > 0 ? '+' : ''}${format.fixed(f.contribution, 2)}` })} mouseEnterDelay={0.4}>
            <span className="factor-line" data-testid="propensity-factor" data-text={text}>
              <span className="factor-name">{name}</span> <b className="factor-value">{value(f.feature, f.value)}</b>{' '}
              <span className="factor-effect" style={{ color: directionColor(f.direction, churn) }}>
                {f.direction === 'raises' ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {effect}
              </span>
            </span>
          </Tooltip>
        );
      })}
    </Flex>
  );
}
