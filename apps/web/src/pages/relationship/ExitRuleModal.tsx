import { Form, InputNumber, Modal, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { exitSnapshotsRange } from '../../api/relationship';

interface Props {
  open: boolean;
  onClose: () => void;
  /** The rule the latest refresh applied. */
  current: number;
  submitting: boolean;
  /** Starts a refresh with the new rule (kept for the refreshes after it). */
  onSubmit: (exitSnapshots: number) => void;
}

/**
 * The exit rule: after how many consecutive snapshots classed "bad" a customer becomes an exit candidate — never
 * after one. Saving starts a refresh with it; the server keeps it for later refreshes.
 */
export function ExitRuleModal({ open, onClose, current, submitting, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ exitSnapshots: number }>();
  const label = t('relationship.page.exitRule.label');
  return (
    <Modal
      title={t('relationship.page.exitRule.title')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('relationship.page.exitRule.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: submitting, 'data-testid': 'relationship-exit-rule-submit' } as ButtonProps}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph data-testid="relationship-exit-rule-why">
        {t('relationship.page.exitRule.why')}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ exitSnapshots: current }} onFinish={(values) => onSubmit(values.exitSnapshots)} data-testid="relationship-exit-rule-form">
        <Form.Item
          name="exitSnapshots"
          label={label}
          extra={t('relationship.page.exitRule.current', { n: current })}
          rules={[
            { required: true, message: t('common.required', { field: label }) },
            { type: 'number', min: exitSnapshotsRange.min, max: exitSnapshotsRange.max, message: t('relationship.page.exitRule.range', exitSnapshotsRange) },
          ]}
        >
          <InputNumber
            min={exitSnapshotsRange.min}
            max={exitSnapshotsRange.max}
            precision={0}
            suffix={t('relationship.page.exitRule.unit')}
            style={{ width: 240 }}
            data-testid="relationship-exit-snapshots"
          />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">{t('relationship.page.exitRule.applies')}</Typography.Text>
    </Modal>
  );
}
