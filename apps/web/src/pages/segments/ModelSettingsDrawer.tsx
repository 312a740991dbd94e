import { Button, Checkbox, Col, Divider, Drawer, Flex, Form, InputNumber, Radio, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { defaultSegmentParams, type SegmentParams, type SegmentSummary } from '../../api/segments';
import { useLocalizedText } from '../../components/format/useLocalizedText';

/** The form in display units: support and confidence as percentages. */
interface Values {
  featureMode: 'auto' | 'chosen';
  features: string[];
  groupsMode: 'auto' | 'fixed';
  groups: number;
  fuzziness: number;
  minSupport: number;
  minConfidence: number;
  offersPerCustomer: number;
}

const percent = (v: number) => Math.round(v * 100 * 1e6) / 1e6;
const share = (v: number) => Math.round((v / 100) * 1e9) / 1e9;

function toValues(summary: SegmentSummary): Values {
  const params: SegmentParams = { ...defaultSegmentParams, ...summary.params };
  return {
    featureMode: params.features ? 'chosen' : 'auto',
    features: params.features ?? summary.features ?? [],
    groupsMode: params.groups === 'auto' ? 'auto' : 'fixed',
    groups: params.groups === 'auto' ? summary.k || 4 : params.groups,
    fuzziness: params.fuzziness,
    minSupport: percent(params.minSupport),
    minConfidence: percent(params.minConfidence),
    offersPerCustomer: params.offersPerCustomer,
  };
}

function toParams(v: Values): SegmentParams {
  return {
    features: v.featureMode === 'auto' ? null : v.features,
    groups: v.groupsMode === 'auto' ? 'auto' : v.groups,
    fuzziness: v.fuzziness,
    minSupport: share(v.minSupport),
    minConfidence: share(v.minConfidence),
    offersPerCustomer: v.offersPerCustomer,
  };
}

function Help({ children }: { children: string }) {
  return <span className="form-help">{children}</span>;
}

interface Props {
  open: boolean;
  onClose: () => void;
  summary: SegmentSummary;
  submitting: boolean;
  onSubmit: (params: SegmentParams) => void;
}

/** Which features to cluster on, how many groups, how fuzzy; and the rules' thresholds. Saving starts a refresh. */
export function ModelSettingsDrawer({ open, onClose, summary, submitting, onSubmit }: Props) {
  const { t } = useTranslation();
  const localized = useLocalizedText();
  const [form] = Form.useForm<Values>();
  const featureMode = Form.useWatch('featureMode', form);
  const groupsMode = Form.useWatch('groupsMode', form);
  const available = summary.available ?? [];

  return (
    <Drawer
      title={t('segments.settings.title')}
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()} data-testid="segments-settings-submit">
            {t('segments.settings.submit')}
          </Button>
        </Flex>
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={toValues(summary)} onFinish={(v) => onSubmit(toParams(v))} data-testid="segments-settings-form">
        <Typography.Paragraph type="secondary">{t('segments.settings.intro')}</Typography.Paragraph>

        <Divider titlePlacement="start">{t('segments.settings.groupsSection')}</Divider>
        <Form.Item name="featureMode" label={t('segments.settings.features')} extra={<Help>{t('segments.settings.featuresHelp')}</Help>}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'auto', label: t('segments.settings.featuresAuto') },
              { value: 'chosen', label: t('segments.settings.featuresChosen') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="features"
          dependencies={['featureMode']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, value: string[] | undefined) =>
                getFieldValue('featureMode') === 'auto' || (value?.length ?? 0) >= 2
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('segments.settings.minFeatures'))),
            }),
          ]}
        >
          <Checkbox.Group style={{ width: '100%' }} disabled={featureMode !== 'chosen'} data-testid="segments-settings-features">
            <Row gutter={[8, 6]} style={{ width: '100%' }}>
              {available.map((feature) => (
                <Col span={12} key={feature.name}>
                  <Checkbox value={feature.name} className="feature-checkbox">
                    <span title={feature.name}>{localized(feature.label) || feature.name}</span>
                  </Checkbox>
                </Col>
              ))}
            </Row>
          </Checkbox.Group>
        </Form.Item>

        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="groupsMode" label={t('segments.settings.groups')} extra={<Help>{t('segments.settings.groupsHelp')}</Help>}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'auto', label: t('segments.settings.groupsAuto') },
                  { value: 'fixed', label: t('segments.settings.groupsFixed') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name="groups"
              label={t('segments.settings.k')}
              rules={[{ required: groupsMode === 'fixed', message: t('common.required', { field: t('segments.settings.k') }) }]}
            >
              <InputNumber min={2} max={12} precision={0} disabled={groupsMode !== 'fixed'} style={{ width: '100%' }} data-testid="segments-settings-k" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="fuzziness"
          label={t('segments.settings.fuzziness')}
          extra={<Help>{t('segments.settings.fuzzinessHelp')}</Help>}
          rules={[{ required: true, message: t('common.required', { field: t('segments.settings.fuzziness') }) }]}
        >
          <InputNumber min={1.1} max={5} step={0.1} precision={1} style={{ width: 200 }} />
        </Form.Item>

        <Divider titlePlacement="start">{t('segments.settings.rulesSection')}</Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="minSupport"
              label={t('segments.settings.minSupport')}
              extra={<Help>{t('segments.settings.minSupportHelp')}</Help>}
              rules={[{ required: true, message: t('common.required', { field: t('segments.settings.minSupport') }) }]}
            >
              <InputNumber min={0.01} max={100} step={0.5} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="minConfidence"
              label={t('segments.settings.minConfidence')}
              extra={<Help>{t('segments.settings.minConfidenceHelp')}</Help>}
              rules={[{ required: true, message: t('common.required', { field: t('segments.settings.minConfidence') }) }]}
            >
              <InputNumber min={1} max={100} step={5} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="offersPerCustomer"
          label={t('segments.settings.offersPerCustomer')}
          extra={<Help>{t('segments.settings.offersPerCustomerHelp')}</Help>}
          rules={[{ required: true, message: t('common.required', { field: t('segments.settings.offersPerCustomer') }) }]}
        >
          <InputNumber min={1} max={20} precision={0} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
