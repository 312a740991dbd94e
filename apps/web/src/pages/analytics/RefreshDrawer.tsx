import type { ReactNode } from 'react';
import { Alert, App, Button, Col, Divider, Drawer, Flex, Form, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import {
  useStartAnalyticsRun,
  type AnalyticsDefinitions,
  type CltvParameterDescription,
  type TierRuleBy,
  type ValueParams,
} from '../../api/analytics';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { useLocalizedText } from '../../components/format/useLocalizedText';

/** The form in display units: shares and rates as percentages. */
interface Values {
  contribution: ValueParams['contribution'];
  abcCutA: number;
  abcCutB: number;
  tierBy: TierRuleBy;
  tierVip: number | null;
  tierMajor: number | null;
  tierOrdinary: number | null;
  horizonMonths: number;
  monthlyDiscountRate: number;
  marketingCostPerMonth: number;
  priceLoyaltyElasticity: number;
  referralShare: number;
  valuePerEndorsement: number;
  holdoutWeeks: number;
}

const toPercent = (v: number) => Math.round(v * 100 * 1e6) / 1e6;
const fromPercent = (v: number) => Math.round((v / 100) * 1e9) / 1e9;
const isShare = (by: TierRuleBy) => by !== 'minimum-value';

/** Shares the two share rules start from when the analyst switches to them. */
const shareDefaults: Record<Exclude<TierRuleBy, 'minimum-value'>, [number, number, number]> = {
  'customer-share': [1, 5, 20],
  'value-share': [20, 50, 80],
};

function toValues(params: ValueParams): Values {
  const share = isShare(params.tierRule.by);
  const tier = (v: number) => (share ? toPercent(v) : v);
  return {
    contribution: params.contribution,
    abcCutA: toPercent(params.abcCutA),
    abcCutB: toPercent(params.abcCutB),
    tierBy: params.tierRule.by,
    tierVip: tier(params.tierRule.vip),
    tierMajor: tier(params.tierRule.major),
    tierOrdinary: tier(params.tierRule.ordinary),
    horizonMonths: params.horizonMonths,
    monthlyDiscountRate: toPercent(params.monthlyDiscountRate),
    marketingCostPerMonth: params.marketingCostPerMonth,
    priceLoyaltyElasticity: params.priceLoyaltyElasticity,
    referralShare: toPercent(params.referralShare),
    valuePerEndorsement: params.valuePerEndorsement,
    holdoutWeeks: params.holdoutWeeks,
  };
}

function toParams(v: Values): ValueParams {
  const share = isShare(v.tierBy);
  const tier = (x: number | null) => (share ? fromPercent(x ?? 0) : (x ?? 0));
  return {
    contribution: v.contribution,
    abcCutA: fromPercent(v.abcCutA),
    abcCutB: fromPercent(v.abcCutB),
    tierRule: { by: v.tierBy, vip: tier(v.tierVip), major: tier(v.tierMajor), ordinary: tier(v.tierOrdinary) },
    horizonMonths: v.horizonMonths,
    monthlyDiscountRate: fromPercent(v.monthlyDiscountRate),
    marketingCostPerMonth: v.marketingCostPerMonth,
    priceLoyaltyElasticity: v.priceLoyaltyElasticity,
    referralShare: fromPercent(v.referralShare),
    valuePerEndorsement: v.valuePerEndorsement,
    holdoutWeeks: v.holdoutWeeks,
  };
}

const same = (a: unknown, b: unknown): boolean => {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    return Object.keys(a).every((key) => same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
  }
  return a === b;
};

/** Which of the CLTV framework's parameters each refresh parameter is (definitions.cltv.parameters). */
type CltvField = 'horizonMonths' | 'monthlyDiscountRate' | 'marketingCostPerMonth' | 'priceLoyaltyElasticity' | 'referralShare' | 'valuePerEndorsement';
const cltvKeyOf: Record<CltvField, string> = {
  horizonMonths: 'periods',
  monthlyDiscountRate: 'discountRate',
  marketingCostPerMonth: 'marketingCostPerPeriod',
  priceLoyaltyElasticity: 'priceLoyaltyElasticity',
  referralShare: 'referralShare',
  valuePerEndorsement: 'valuePerEndorsement',
};

function Help({ children }: { children: ReactNode }) {
  return <span className="form-help">{children}</span>;
}

interface Props {
  open: boolean;
  onClose: () => void;
  /** The last finished run's parameters over the defaults. */
  initial: ValueParams;
  definitions: AnalyticsDefinitions | undefined;
  /** A run started, or one already running (409) that the page should follow. */
  onStarted: (runId: number) => void;
}

/** The refresh parameters, each explained, prefilled from the last run; submitting starts a run. */
export function RefreshDrawer({ open, onClose, initial, definitions, onStarted }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const localized = useLocalizedText();
  const [form] = Form.useForm<Values>();
  const start = useStartAnalyticsRun();
  const tierBy = Form.useWatch('tierBy', form) ?? initial.tierRule.by;
  const share = isShare(tierBy);

  const cltvParam = (name: CltvField): CltvParameterDescription | undefined =>
    definitions?.cltv.parameters.find((p) => p.key === cltvKeyOf[name]);
  const cltvLabel = (name: CltvField) => {
    const p = cltvParam(name);
    return p ? (
      <span>
        {localized(p.name)} <span className="param-symbol">{p.symbol}</span>
      </span>
    ) : (
      t(`analytics.drawer.paramNames.${name}`)
    );
  };
  const cltvHelp = (name: CltvField) => {
    const p = cltvParam(name);
    return p ? <Help>{localized(p.description)}</Help> : undefined;
  };

  const labelOf = (key: keyof ValueParams): string => {
    if (key in cltvKeyOf) {
      const p = cltvParam(key as CltvField);
      return p ? `${localized(p.name)} (${p.symbol})` : t(`analytics.drawer.paramNames.${key as CltvField}`);
    }
    return t(`analytics.drawer.${key as 'contribution' | 'abcCutA' | 'abcCutB' | 'tierRule' | 'holdoutWeeks'}`);
  };

  const onTierByChange = (by: TierRuleBy) => {
    if (by === initial.tierRule.by) {
      const v = toValues(initial);
      form.setFieldsValue({ tierVip: v.tierVip, tierMajor: v.tierMajor, tierOrdinary: v.tierOrdinary });
    } else if (by === 'minimum-value') {
      form.setFieldsValue({ tierVip: null, tierMajor: null, tierOrdinary: null });
    } else {
      const [vip, major, ordinary] = shareDefaults[by];
      form.setFieldsValue({ tierVip: vip, tierMajor: major, tierOrdinary: ordinary });
    }
  };

  const submit = (values: Values) => {
    const params = toParams(values);
    start.mutate(
      { params },
      {
        onSuccess: (run) => {
          // Parameters the server does not accept are dropped silently: say so rather than pretend.
          const ignored = (Object.keys(params) as (keyof ValueParams)[]).filter((key) => !same(params[key], run.params?.[key]));
          if (ignored.length) {
            void message.warning({ content: t('analytics.run.ignoredParams', { params: ignored.map(labelOf).join(t('common.listSeparator')) }), duration: 10 });
          } else {
            void message.success(t('analytics.run.started'));
          }
          onStarted(run.id);
          onClose();
        },
        onError: (error) => {
          const runId = isApiError(error, 409) ? (error.details as { runId?: number } | undefined)?.runId : undefined;
          if (runId) {
            void message.info(t('analytics.run.alreadyRunning'));
            onStarted(runId);
            onClose();
          } else {
            notifyError(error);
          }
        },
      },
    );
  };

  const percent = { suffix: '%', style: { width: '100%' } } as const;
  const cltv = definitions?.cltv;

  return (
    <Drawer
      title={t('analytics.drawer.title')}
      open={open}
      onClose={onClose}
      size={600}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={start.isPending} onClick={() => form.submit()} data-testid="analytics-refresh-submit">
            {t('analytics.drawer.submit')}
          </Button>
        </Flex>
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={toValues(initial)} onFinish={submit} data-testid="analytics-refresh-form">
        <Typography.Paragraph type="secondary">{t('analytics.drawer.intro')}</Typography.Paragraph>

        <Divider titlePlacement="start">{t('analytics.drawer.classes')}</Divider>
        <Form.Item name="contribution" label={t('analytics.drawer.contribution')} extra={<Help>{t('analytics.drawer.contributionHelp')}</Help>}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'revenue', label: t('analytics.drawer.revenue') },
              { value: 'margin', label: t('analytics.drawer.margin') },
            ]}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="abcCutA"
              label={t('analytics.drawer.abcCutA')}
              extra={<Help>{t('analytics.drawer.abcCutAHelp')}</Help>}
              rules={[{ required: true, message: t('common.required', { field: t('analytics.drawer.abcCutA') }) }]}
            >
              <InputNumber min={0.1} max={100} step={1} {...percent} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="abcCutB"
              label={t('analytics.drawer.abcCutB')}
              extra={<Help>{t('analytics.drawer.abcCutBHelp')}</Help>}
              dependencies={['abcCutA']}
              rules={[
                { required: true, message: t('common.required', { field: t('analytics.drawer.abcCutB') }) },
                ({ getFieldValue }) => ({
                  validator: (_rule, value: number | null) =>
                    value === null || value === undefined || value >= (getFieldValue('abcCutA') as number)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('analytics.drawer.abcOrder'))),
                }),
              ]}
            >
              <InputNumber min={0.1} max={100} step={1} {...percent} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="tierBy" label={t('analytics.drawer.tierRule')} extra={<Help>{t(`analytics.drawer.tierRuleHelp.${tierBy}`)}</Help>}>
          <Select<TierRuleBy>
            onChange={onTierByChange}
            options={(['customer-share', 'value-share', 'minimum-value'] as const).map((by) => ({ value: by, label: t(`analytics.drawer.tierBy.${by}`) }))}
          />
        </Form.Item>
        <Row gutter={16}>
          {(['tierVip', 'tierMajor', 'tierOrdinary'] as const).map((name, index) => (
            <Col span={8} key={name}>
              <Form.Item
                name={name}
                label={t(`analytics.drawer.${name}`)}
                dependencies={index === 0 ? [] : ['tierVip', 'tierMajor', 'tierOrdinary']}
                rules={[
                  { required: true, message: t('common.required', { field: t(`analytics.drawer.${name}`) }) },
                  ({ getFieldValue }) => ({
                    validator: () => {
                      if (index === 0) return Promise.resolve();
                      const previous = getFieldValue(index === 1 ? 'tierVip' : 'tierMajor') as number | null;
                      const current = getFieldValue(name) as number | null;
                      if (previous === null || previous === undefined || current === null || current === undefined) return Promise.resolve();
                      const ok = share ? current >= previous : current <= previous;
                      return ok ? Promise.resolve() : Promise.reject(new Error(t(share ? 'analytics.drawer.tierShareOrder' : 'analytics.drawer.tierValueOrder')));
                    },
                  }),
                ]}
              >
                {share ? <InputNumber min={0} max={100} step={1} {...percent} /> : <InputNumber min={0} step={1000} style={{ width: '100%' }} />}
              </Form.Item>
            </Col>
          ))}
        </Row>

        <Divider titlePlacement="start">{t('analytics.drawer.cltv')}</Divider>
        {cltv ? (
          <Alert
            type="info"
            className="cltv-formula"
            title={<code className="formula">{cltv.formula}</code>}
            description={localized(cltv.summary)}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="horizonMonths"
              label={cltvLabel('horizonMonths')}
              extra={
                <Help>
                  {cltvParam('horizonMonths') ? `${localized(cltvParam('horizonMonths')!.description)} ` : ''}
                  {t('analytics.drawer.perMonth')}
                </Help>
              }
              rules={[{ required: true, message: t('common.required', { field: labelOf('horizonMonths') }) }]}
            >
              <InputNumber min={1} max={120} precision={0} suffix={t('analytics.drawer.months')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="monthlyDiscountRate"
              label={cltvLabel('monthlyDiscountRate')}
              extra={cltvHelp('monthlyDiscountRate')}
              rules={[{ required: true, message: t('common.required', { field: labelOf('monthlyDiscountRate') }) }]}
            >
              <InputNumber min={0} max={100} step={0.1} {...percent} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="marketingCostPerMonth"
              label={cltvLabel('marketingCostPerMonth')}
              extra={cltvHelp('marketingCostPerMonth')}
              rules={[{ required: true, message: t('common.required', { field: labelOf('marketingCostPerMonth') }) }]}
            >
              <InputNumber min={0} step={10} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="priceLoyaltyElasticity"
              label={cltvLabel('priceLoyaltyElasticity')}
              extra={cltvHelp('priceLoyaltyElasticity')}
              rules={[{ required: true, message: t('common.required', { field: labelOf('priceLoyaltyElasticity') }) }]}
            >
              <InputNumber min={0} max={10} step={0.1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="referralShare"
              label={cltvLabel('referralShare')}
              extra={cltvHelp('referralShare')}
              rules={[{ required: true, message: t('common.required', { field: labelOf('referralShare') }) }]}
            >
              <InputNumber min={0} max={100} step={5} {...percent} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="valuePerEndorsement"
              label={cltvLabel('valuePerEndorsement')}
              extra={cltvHelp('valuePerEndorsement')}
              rules={[{ required: true, message: t('common.required', { field: labelOf('valuePerEndorsement') }) }]}
            >
              <InputNumber min={0} step={10} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('analytics.drawer.check')}</Divider>
        <Form.Item
          name="holdoutWeeks"
          label={t('analytics.drawer.holdoutWeeks')}
          extra={<Help>{t('analytics.drawer.holdoutWeeksHelp')}</Help>}
          rules={[{ required: true, message: t('common.required', { field: t('analytics.drawer.holdoutWeeks') }) }]}
        >
          <InputNumber min={1} max={104} precision={0} suffix={t('analytics.drawer.weeks')} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
