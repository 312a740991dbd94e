import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExitStage } from '../../api/relationship';

export interface MoveValues {
  note?: string;
  whatWentWrong?: string;
  lessons?: string;
}

interface Props {
  to: ExitStage | null;
  accountName: string;
  submitting: boolean;
  onCancel: () => void;
  onSubmit: (values: MoveValues) => void;
}

/** Moving a case: a note for the decision log; the retrospective asks what went wrong and the lessons. */
export function MoveModal({ to, accountName, submitting, onCancel, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MoveValues>();
  useEffect(() => {
    if (to) form.resetFields();
  }, [to, form]);
  return (
    <Modal
      open={to !== null}
      title={to ? t('relationship.case.moveTitle', { stage: t(`relationship.case.moves.${to}`), name: accountName }) : ''}
      okText={t('relationship.case.confirm')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={submitting}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'exit-move-confirm' } as never}
      width={560}
    >
      {to === 'transition' ? <Alert type="info" showIcon title={t('relationship.case.transitionNote')} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onFinish={(values) => onSubmit(values)} data-testid="exit-move-form">
        {to === 'retrospective' ? (
          <>
            <Typography.Paragraph type="secondary">{t('relationship.case.whatWentWrongHint')}</Typography.Paragraph>
            <Form.Item
              name="whatWentWrong"
              label={t('relationship.case.whatWentWrong')}
              rules={[{ required: true, whitespace: true, message: t('relationship.case.whatWentWrongRequired') }]}
            >
              <Input.TextArea rows={4} maxLength={10000} data-testid="exit-move-wrong" />
            </Form.Item>
            <Form.Item name="lessons" label={t('relationship.case.lessons')}>
              <Input.TextArea rows={3} maxLength={10000} data-testid="exit-move-lessons" />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="note" label={t('relationship.case.note')}>
          <Input.TextArea rows={3} maxLength={5000} placeholder={t('relationship.case.notePlaceholder')} data-testid="exit-move-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
