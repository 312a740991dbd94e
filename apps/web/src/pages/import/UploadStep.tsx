import { useState } from 'react';
import { Alert, Flex, Form, Radio, Spin, Upload, Typography } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { importKinds, type ImportKind } from '../../api/enums';
import { useUploadImport, type ImportUpload } from '../../api/imports';
import { useEnumOptions } from '../../components/enums/useEnumOptions';

/** Step 1: what to import and the file. Choosing the file uploads it and reads its columns. */
export function UploadStep({ onUploaded }: { onUploaded: (kind: ImportKind, upload: ImportUpload) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKind>('accounts');
  const upload = useUploadImport();
  const kindOptions = useEnumOptions('importKind', importKinds);

  const send = (file: File) => {
    upload.mutate({ file, kind }, { onSuccess: (result) => onUploaded(kind, { fileName: file.name, ...result }) });
    return false; // we send it ourselves, with `kind`
  };

  const error = upload.error;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Form layout="vertical">
        <Form.Item label={t('import.kind')} extra={<span data-testid="import-kind-hint">{t(`import.kindHints.${kind}`)}</span>}>
          <Radio.Group
            value={kind}
            onChange={(e) => setKind(e.target.value as ImportKind)}
            options={kindOptions}
            optionType="button"
            buttonStyle="solid"
            data-testid="import-kind"
          />
        </Form.Item>
        <Form.Item label={t('import.file')}>
          <Spin spinning={upload.isPending}>
            <Upload.Dragger
              accept=".csv,.txt,.tsv,text/csv,text/plain"
              multiple={false}
              showUploadList={false}
              beforeUpload={send}
              disabled={upload.isPending}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <Typography.Paragraph strong style={{ marginBottom: 4 }}>
                {t('import.dropHint')}
              </Typography.Paragraph>
              <Typography.Text type="secondary">{t('import.dropSubHint')}</Typography.Text>
            </Upload.Dragger>
          </Spin>
        </Form.Item>
      </Form>
      {error ? (
        <Alert type="error" showIcon title={isApiError(error, 0) ? t('errors.network') : error.message} data-testid="import-upload-error" />
      ) : null}
    </Flex>
  );
}
