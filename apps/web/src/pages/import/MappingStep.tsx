import { useState } from 'react';
import { Alert, AutoComplete, Button, Col, Flex, Form, Row, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportKind } from '../../api/enums';
import { useValidateImport, type ImportField, type ImportOptions, type ImportUpload, type ImportValidation } from '../../api/imports';
import { dateFormats, delimiters, guessDelimiter, toDelimiter } from './importFormats';
import { ServerIssues } from './ServerIssues';
import { SampleTable } from './SampleTable';
import { useFieldHint, useFieldLabel } from './useFieldLabel';

interface Props {
  kind: ImportKind;
  upload: ImportUpload;
  /** Options chosen earlier, when coming back from the validation step. */
  initial?: ImportOptions;
  onBack: () => void;
  onValidated: (options: ImportOptions, validation: ImportValidation) => void;
}

function initialMapping(upload: ImportUpload): Record<string, string | undefined> {
  const mapping: Record<string, string | undefined> = {};
  for (const field of upload.fields) {
    const suggested = upload.suggestedMapping?.[field.name];
    mapping[field.name] = suggested && upload.headers.includes(suggested) ? suggested : undefined;
  }
  return mapping;
}

/** Step 2: a file column for each target field (pre-filled from the server's suggestion), delimiter, date format. */
export function MappingStep({ kind, upload, initial, onBack, onValidated }: Props) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel(kind);
  const fieldHint = useFieldHint(kind);
  const validate = useValidateImport();
  const [mapping, setMapping] = useState<Record<string, string | undefined>>(() => ({ ...initialMapping(upload), ...initial?.mapping }));
  const [delimiter, setDelimiter] = useState<string>(
    initial?.delimiter ?? toDelimiter(upload.delimiter) ?? guessDelimiter(upload.fileName ?? ''),
  );
  const [dateFormat, setDateFormat] = useState<string>(initial?.dateFormat ?? upload.suggestedDateFormat ?? 'ISO');
  const [missing, setMissing] = useState<string[]>([]);

  const headerOptions = upload.headers.map((header) => ({ value: header, label: header }));

  const submit = () => {
    const unmapped = upload.fields.filter((field) => field.required && !mapping[field.name]);
    setMissing(unmapped.map((field) => field.name));
    if (unmapped.length) return;
    const chosen = Object.fromEntries(Object.entries(mapping).filter((entry): entry is [string, string] => Boolean(entry[1])));
    const options: ImportOptions = { mapping: chosen, delimiter, dateFormat: dateFormat.trim() || undefined };
    validate.mutate({ id: upload.id, ...options }, { onSuccess: (validation) => onValidated(options, validation) });
  };

  const columns = [
    {
      key: 'field',
      title: t('import.targetField'),
      width: 300,
      render: (_v: unknown, field: ImportField) => {
        const hint = fieldHint(field);
        return (
          <>
            <Typography.Text strong={field.required}>
              {fieldLabel(field)}
              {field.required ? <Typography.Text type="danger"> *</Typography.Text> : null}
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                {field.name}
              </Typography.Text>
            </Typography.Text>
            {hint ? (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid={`import-hint-${field.name}`}>
                {hint}
              </Typography.Text>
            ) : null}
          </>
        );
      },
    },
    {
      key: 'column',
      title: t('import.sourceColumn'),
      render: (_v: unknown, field: ImportField) => (
        <Select
          allowClear
          showSearch
          value={mapping[field.name]}
          placeholder={t('import.notMapped')}
          options={headerOptions}
          status={missing.includes(field.name) && !mapping[field.name] ? 'error' : undefined}
          onChange={(value?: string) => setMapping((previous) => ({ ...previous, [field.name]: value }))}
          style={{ width: '100%', maxWidth: 360 }}
          data-testid={`import-map-${field.name}`}
        />
      ),
    },
  ];

  const missingLabels = upload.fields.filter((f) => missing.includes(f.name) && !mapping[f.name]).map(fieldLabel);
  const error = validate.error;
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('import.mappingIntro')}
      </Typography.Paragraph>
      <Row gutter={24}>
        <Col xs={24} xl={14}>
          <Table<ImportField> rowKey="name" size="small" pagination={false} columns={columns} dataSource={upload.fields} />
        </Col>
        <Col xs={24} xl={10}>
          <Form layout="vertical">
            <Form.Item label={t('import.delimiter')}>
              <Select
                value={delimiter}
                onChange={setDelimiter}
                options={delimiters.map((d) => ({ value: d, label: t(`import.delimiters.${d}`) }))}
                data-testid="import-delimiter"
              />
            </Form.Item>
            <Form.Item label={t('import.dateFormat')}>
              <AutoComplete
                value={dateFormat}
                onChange={setDateFormat}
                options={dateFormats.map((format) => ({ value: format, label: format === 'ISO' ? t('import.dateFormatIso') : format }))}
                data-testid="import-date-format"
              />
            </Form.Item>
          </Form>
        </Col>
      </Row>
      <div>
        <Typography.Title level={5}>{t('import.sample')}</Typography.Title>
        <SampleTable headers={upload.headers} rows={upload.sample} />
      </div>
      {missingLabels.length ? <Alert type="error" showIcon title={t('import.missingRequired', { fields: missingLabels.join('、') })} /> : null}
      {error ? <ServerIssues error={error} fieldLabel={(name) => fieldLabel({ name, label: name, required: false })} /> : null}
      <Flex gap={8} justify="end">
        <Button onClick={onBack}>{t('common.previous')}</Button>
        <Button type="primary" loading={validate.isPending} onClick={submit} data-testid="import-validate">
          {t('import.validate')}
        </Button>
      </Flex>
    </Flex>
  );
}
