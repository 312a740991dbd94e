import { useState } from 'react';
import { Alert, Button, Checkbox, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { ImportKind } from '../../api/enums';
import { useRunImport, type ImportOptions, type ImportRowError, type ImportValidation } from '../../api/imports';
import { useFormatters } from '../../components/format/useFormatters';
import { SampleTable } from './SampleTable';
import { useFieldLabel } from './useFieldLabel';
import { useProblemText } from './useProblemText';

interface Props {
  kind: ImportKind;
  uploadId: number;
  options: ImportOptions;
  validation: ImportValidation;
  /** Back to the mapping, optionally with changed options (a suggested date format). */
  onBack: (options?: ImportOptions) => void;
  onStarted: () => void;
}

/** Step 3: the validation report (counts and every invalid row) and the decision to import. */
export function ValidationStep({ kind, uploadId, options, validation, onBack, onStarted }: Props) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const fieldLabel = useFieldLabel(kind);
  // Preview rows are keyed by target field, plus the spreadsheet row number.
  const previewLabel = (key: string) => (key === 'row' ? t('import.errorRow') : fieldLabel({ name: key, label: key, required: false }));
  const format = useFormatters();
  const run = useRunImport();
  const [skipInvalid, setSkipInvalid] = useState(false);
  const hasInvalid = validation.invalidRows > 0;
  const canRun = validation.validRows > 0 && (!hasInvalid || skipInvalid);
  const previewHeaders = validation.preview?.length ? Object.keys(validation.preview[0] ?? {}) : [];
  const errorCount = validation.errorCount ?? validation.errors.length;
  const suggested = validation.suggestedDateFormat;
  const suggestDate = hasInvalid && suggested && suggested !== options.dateFormat;

  const confirm = () => run.mutate({ id: uploadId, ...options, skipInvalid }, { onSuccess: onStarted });

  return (
    <Flex vertical gap={16}>
      <Row gutter={16}>
        <Col span={8}>
          <Statistic title={t('import.totalRows')} value={format.number(validation.totalRows)} />
        </Col>
        <Col span={8}>
          <Statistic title={t('import.validRows')} value={format.number(validation.validRows)} styles={{ content: { color: '#3f8600' } }} />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('import.invalidRows')}
            value={format.number(validation.invalidRows)}
            styles={{ content: { color: hasInvalid ? '#cf1322' : undefined } }}
            data-testid="import-invalid-count"
          />
        </Col>
      </Row>

      {validation.fatal ? (
        <Alert type="error" showIcon title={t('import.atRow', { row: validation.fatal.row, reason: problemText(validation.fatal) })} data-testid="import-fatal" />
      ) : null}

      {suggestDate ? (
        <Alert
          type="info"
          showIcon
          title={t('import.dateSuggestion', { format: suggested })}
          action={
            <Button size="small" onClick={() => onBack({ ...options, dateFormat: suggested })} data-testid="import-use-date-format">
              {t('import.useDateFormat')}
            </Button>
          }
        />
      ) : null}

      {hasInvalid ? (
        <>
          <Alert type="warning" showIcon title={t('import.mustFixOrSkip')} />
          <div>
            <Typography.Title level={5}>{t('import.errorsTitle')}</Typography.Title>
            {errorCount > validation.errors.length ? (
              <Typography.Paragraph type="secondary">
                {t('import.errorsTruncated', { count: errorCount, shown: validation.errors.length })}
              </Typography.Paragraph>
            ) : null}
            <Table<ImportRowError & { key: number }>
              size="small"
              data-testid="import-errors"
              dataSource={validation.errors.map((e, i) => ({ ...e, key: i }))}
              pagination={{ pageSize: 10, showSizeChanger: true, showTotal: (total) => t('common.total', { total }) }}
              columns={[
                { key: 'row', dataIndex: 'row', title: t('import.errorRow'), width: 90 },
                { key: 'column', dataIndex: 'column', title: t('import.errorColumn'), width: 200, ellipsis: true, render: (v: string | null) => v || '—' },
                { key: 'message', dataIndex: 'message', title: t('import.errorReason'), render: (_: string, e: ImportRowError) => problemText(e) },
              ]}
            />
          </div>
        </>
      ) : (
        <Alert type="success" showIcon title={t('import.allValid')} />
      )}

      {previewHeaders.length ? (
        <div>
          <Typography.Title level={5}>{t('import.preview')}</Typography.Title>
          <SampleTable headers={previewHeaders} rows={validation.preview} label={previewLabel} />
        </div>
      ) : null}

      {run.error ? <Alert type="error" showIcon title={isApiError(run.error, 0) ? t('errors.network') : run.error.message} /> : null}

      <Flex gap={16} justify="space-between" align="center" wrap>
        <div>
          {hasInvalid ? (
            <Checkbox checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} data-testid="import-skip-invalid">
              {t('import.skipInvalid')}
            </Checkbox>
          ) : null}
        </div>
        <Flex gap={8}>
          <Button onClick={() => onBack()}>{t('common.previous')}</Button>
          <Button type="primary" disabled={!canRun} loading={run.isPending} onClick={confirm} data-testid="import-confirm">
            {t('import.confirm')}
          </Button>
        </Flex>
      </Flex>
    </Flex>
  );
}
