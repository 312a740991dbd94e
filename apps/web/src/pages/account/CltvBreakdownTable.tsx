import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnalyticsDefinitions, CltvBreakdown } from '../../api/analytics';
import { useFormatters } from '../../components/format/useFormatters';
import { useLocalizedText } from '../../components/format/useLocalizedText';

type Component = AnalyticsDefinitions['cltv']['components'][number];
type InputKey = AnalyticsDefinitions['cltv']['inputs'][number]['key'];
type Derived =
  | 'marginPerPurchase'
  | 'marketingCostValue'
  | 'pAlive'
  | 'expectedPurchases'
  | 'discountedPurchasesIfAlive'
  | 'discountedPurchases'
  | 'priceLoyaltyFactor'
  | 'loyalty'
  | 'purchaseMarginValue'
  | 'relationshipValue'
  | 'referralValue'
  | 'endorsementValue'
  | 'influence'
  | 'cltv';

interface Row {
  key: string;
  group?: Component | { key: string; name: null; formula: string; definition: null };
  symbol?: string;
  name?: string;
  value?: string;
  meaning?: string;
  strong?: boolean;
}

/**
 * CLTV = F(R, L, I) for one customer, component by component: each line its symbol, value and meaning.
 * Inputs and components are defined by the server (definitions.cltv, in the UI language); the derived
 * quantities in between by their formulas.
 */
export function CltvBreakdownTable({
  cltv,
  marginRate,
  definitions,
}: {
  cltv: CltvBreakdown;
  marginRate: number | undefined;
  definitions: AnalyticsDefinitions['cltv'] | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const localized = useLocalizedText();

  const input = (key: InputKey) => definitions?.inputs.find((i) => i.key === key);
  const component = (key: Component['key']) => definitions?.components.find((c) => c.key === key);
  const inputRow = (key: string, inputKey: InputKey, symbol: string, value: string, extra = ''): Row => ({
    key,
    symbol,
    name: localized(input(inputKey)?.name) || inputKey,
    value,
    meaning: [localized(input(inputKey)?.definition), extra].filter(Boolean).join(' '),
  });
  const derivedRow = (key: Derived, symbol: string, value: string, strong = false): Row => ({
    key,
    symbol,
    name: t(`account.value.names.${key}`),
    value,
    meaning: t(`account.value.derived.${key}`),
    strong,
  });
  const groupRow = (key: Component['key']): Row => ({
    key: `group-${key}`,
    group: component(key) ?? { key, name: null, formula: '', definition: null },
  });
  const count = (v: number) => format.fixed(v, 2);
  // The server keeps a score's parts to six significant digits.
  const money = (v: number) => format.significant(v);

  const rows: Row[] = [
    groupRow('R'),
    inputRow('pgs', 'PGS', 'PGS', money(cltv.pgs), t('account.value.pgsFrom', { source: t(`account.value.pgsSource.${cltv.pgsSource}`) })),
    inputRow(
      'costOfSales',
      'CS',
      'CS',
      money(cltv.costOfSales),
      marginRate !== undefined ? t('account.value.costRate', { rate: format.percent(1 - marginRate) }) : '',
    ),
    derivedRow('marginPerPurchase', 'm', money(cltv.marginPerPurchase)),
    inputRow('marketingCostPerPeriod', 'CM', 'CM', t('account.value.perMonth', { value: money(cltv.marketingCostPerPeriod) })),
    derivedRow('marketingCostValue', 'C', money(cltv.marketingCostValue)),
    groupRow('L'),
    derivedRow('pAlive', 'P(alive)', format.percent(cltv.pAlive)),
    derivedRow('expectedPurchases', 'E[Y(T)]', count(cltv.expectedPurchases)),
    derivedRow('discountedPurchasesIfAlive', 'Σ ΔE·v^i | alive', count(cltv.discountedPurchasesIfAlive)),
    derivedRow('discountedPurchases', 'Σ ΔE[Y_i]·v^i', count(cltv.discountedPurchases)),
    inputRow('matchingPriceRatio', 'MPA', 'ρ', format.fixed(cltv.matchingPriceRatio, 3)),
    derivedRow('priceLoyaltyFactor', 'φ = ρ^ε', format.fixed(cltv.priceLoyaltyFactor, 3)),
    derivedRow('loyalty', 'L', count(cltv.loyalty), true),
    groupRow('I'),
    inputRow('referrals', 'NCA', 'NCA', format.number(cltv.referrals)),
    derivedRow('referralValue', 's·ΣV_j', money(cltv.referralValue)),
    inputRow('endorsements', 'PE', 'PE', format.number(cltv.endorsements)),
    derivedRow('endorsementValue', 'e·PE', money(cltv.endorsementValue)),
    derivedRow('influence', 'I', money(cltv.influence), true),
    groupRow('F'),
    derivedRow('purchaseMarginValue', 'm·L', money(cltv.purchaseMarginValue)),
    derivedRow('relationshipValue', 'V = m·L − C', money(cltv.relationshipValue), true),
    derivedRow('cltv', 'CLTV = V + I', money(cltv.cltv), true),
  ];

  const groupSpan = (row: Row) => (row.group ? { colSpan: 0 } : {});
  return (
    <>
      <Table<Row>
        rowKey="key"
        size="small"
        tableLayout="fixed"
        pagination={false}
        dataSource={rows}
        data-testid="account-value-cltv"
        rowClassName={(row) => (row.group ? 'cltv-group-row' : '')}
        columns={[
          {
            key: 'symbol',
            title: t('account.value.item'),
            width: 140,
            onCell: (row) => (row.group ? { colSpan: 4 } : {}),
            render: (_v, row) =>
              row.group ? (
                <div className="cltv-group" data-testid={`account-value-cltv-${row.group.key}`}>
                  <Typography.Text strong>
                    {row.group.key}
                    {row.group.name ? ` — ${localized(row.group.name)}` : ''}
                  </Typography.Text>
                  {row.group.formula ? <code className="formula">{row.group.formula}</code> : null}
                  {row.group.definition ? (
                    <Typography.Text type="secondary" className="cltv-group-definition">
                      {localized(row.group.definition)}
                    </Typography.Text>
                  ) : null}
                </div>
              ) : (
                <code className="formula-symbol">{row.symbol}</code>
              ),
          },
          {
            key: 'name',
            title: '',
            width: 190,
            onCell: groupSpan,
            render: (_v, row) => (row.strong ? <Typography.Text strong>{row.name}</Typography.Text> : row.name),
          },
          {
            key: 'value',
            title: t('account.value.amount'),
            width: 150,
            align: 'right',
            onCell: groupSpan,
            render: (_v, row) => (
              <span className="cltv-value" data-testid={`account-value-cltv-${row.key}`}>
                {row.strong ? <Typography.Text strong>{row.value}</Typography.Text> : row.value}
              </span>
            ),
          },
          {
            key: 'meaning',
            title: t('account.value.meaning'),
            onCell: groupSpan,
            render: (_v, row) => <Typography.Text type="secondary">{row.meaning}</Typography.Text>,
          },
        ]}
      />
      <Typography.Text type="secondary" className="value-stat-note" style={{ marginTop: 8 }}>
        {t('account.value.precision')}
      </Typography.Text>
    </>
  );
}
