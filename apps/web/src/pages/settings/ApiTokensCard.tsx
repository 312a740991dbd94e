import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Modal, Popconfirm, Table, Typography } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useApiTokens, useCreateApiToken, useRevokeApiToken, type ApiToken } from '../../api/auth';
import { ErrorResult } from '../../components/feedback/ErrorResult';
import { useNotifyError } from '../../components/feedback/useNotifyError';
import { useFormatters } from '../../components/format/useFormatters';

/** Personal API tokens: list, create (the secret is shown once, in a dialog), revoke. */
export function ApiTokensCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormatters();
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<{ name: string }>();
  const [secret, setSecret] = useState<string | null>(null);

  const submit = ({ name }: { name: string }) =>
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: (created) => {
          form.resetFields();
          setSecret(created.token);
        },
        onError: notifyError,
      },
    );

  const columns: ColumnsType<ApiToken> = [
    { key: 'name', dataIndex: 'name', title: t('settings.tokens.name'), ellipsis: true },
    { key: 'prefix', dataIndex: 'prefix', title: t('settings.tokens.prefix'), width: 130, render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
    { key: 'createdAt', dataIndex: 'createdAt', title: t('settings.tokens.createdAt'), width: 150, render: (v: string) => format.dateTime(v) },
    {
      key: 'lastUsedAt',
      dataIndex: 'lastUsedAt',
      title: t('settings.tokens.lastUsedAt'),
      width: 150,
      render: (v: string | null) => (v ? format.dateTime(v) : t('settings.tokens.never')),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      render: (_v, token) => (
        <Popconfirm
          title={t('settings.tokens.revokeConfirm')}
          onConfirm={() => revoke.mutate(token.id, { onSuccess: () => void message.success(t('settings.tokens.revoked')), onError: notifyError })}
        >
          <Button size="small" danger>
            {t('settings.tokens.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  const active = (tokens.data ?? []).filter((token) => !token.revokedAt);
  return (
    <Card title={t('settings.tokens.title')} id="tokens">
      <Typography.Paragraph type="secondary">{t('settings.tokens.intro')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={submit} style={{ marginBottom: 16 }}>
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('settings.tokens.name') }) }]} style={{ flex: 1 }}>
          <Input placeholder={t('settings.tokens.namePlaceholder')} maxLength={100} data-testid="token-name" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<KeyOutlined />} loading={create.isPending} data-testid="token-create">
          {t('settings.tokens.create')}
        </Button>
      </Form>
      {tokens.isError ? (
        <ErrorResult error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : (
        <Table<ApiToken>
          rowKey="id"
          size="small"
          tableLayout="fixed"
          columns={columns}
          dataSource={active}
          loading={tokens.isFetching}
          pagination={false}
          locale={{ emptyText: tokens.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settings.tokens.empty')} /> }}
        />
      )}
      <Modal
        open={secret !== null}
        title={t('settings.tokens.newTitle')}
        onCancel={() => setSecret(null)}
        footer={
          <Button type="primary" onClick={() => setSecret(null)}>
            {t('common.close')}
          </Button>
        }
        mask={{ closable: false }}
      >
        <Flex vertical gap={12}>
          <Alert type="warning" showIcon title={t('settings.tokens.newWarning')} />
          <Typography.Paragraph
            copyable={{ text: secret ?? '', tooltips: [t('common.copy'), t('common.copied')] }}
            className="token-secret"
            data-testid="token-secret"
            style={{ marginBottom: 0 }}
          >
            {secret}
          </Typography.Paragraph>
        </Flex>
      </Modal>
    </Card>
  );
}
