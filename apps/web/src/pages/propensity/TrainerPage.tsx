import { useEffect, useState } from 'react';
import { Alert, AutoComplete, Button, Card, Checkbox, Col, Empty, Flex, Form, Row, Select, Spin, Typography, Upload } from 'antd';
import { ExperimentOutlined, FileTextOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth';
import { isApiError } from '../../api/client';
import { useTrainModel, type TrainingSummary } from '../../api/propensity';
import { useFormatters } from '../../components/format/useFormatters';
import { PageHeader } from '../../components/layout/PageHeader';
import { columnValues, guessId, guessTarget, readTablePreview, type TablePreview } from './readTablePreview';
import { PropensityForbidden, PropensityNav, useMayTrain } from './shared';
import { TrainerResult } from './TrainerResult';

/**
 * The general trainer: an analyst's own table of customers with a yes/no outcome (CSV, or .csv.gz) in, a model
 * out — cross-validated AUC and accuracy of each candidate, the chosen one, top factors, calibration, the
 * outliers left out and how every column was used. The header is read in the browser to pick the columns.
 */
export default function TrainerPage() {
  const { t } = useTranslation();
  const mayTrain = useMayTrain();
  const me = useCurrentUser();
  if (me.isPending) return null;
  if (!mayTrain) return <PropensityForbidden title={t('propensity.trainer.title')} trainer />;
  return <Content />;
}

type Field = 'file' | 'target' | 'positive' | 'id';
interface Values {
  target?: string;
  positive?: string;
  id?: string;
  network?: boolean;
}

/** "--target: No column …" (the CLI's wording) → "No column …". */
const withoutOption = (message: string) => message.replace(/^--\w+:\s*/, '').replace(/^file:\s*/, '');

function Content() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [form] = Form.useForm<Values>();
  const train = useTrainModel();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<TablePreview | null>(null);
  const [reading, setReading] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [result, setResult] = useState<TrainingSummary | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const target = Form.useWatch('target', form);

  // seconds since the training started, so a slow network candidate does not look stuck
  useEffect(() => {
    if (!train.isPending) return;
    const started = Date.now();
    setElapsed(0);
    const timer = setInterval(() => setElapsed(Math.round((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [train.isPending]);

  const choose = (chosen: File) => {
    setFile(chosen);
    setErrors({});
    setPreview(null);
    setReading(true);
    readTablePreview(chosen)
      .then((p) => {
        setPreview(p);
        if (p.header.length < 2) setErrors({ file: t('propensity.trainer.errors.noHeader') });
        const current = form.getFieldsValue();
        form.setFieldsValue({
          target: current.target && p.header.includes(current.target) ? current.target : guessTarget(p),
          id: current.id && p.header.includes(current.id) ? current.id : guessId(p),
          positive: undefined,
        });
      })
      .catch((e: unknown) => setErrors({ file: e instanceof Error && e.message === 'gzip' ? t('propensity.trainer.errors.gzip') : t('propensity.trainer.errors.unreadable') }))
      .finally(() => setReading(false));
    return false; // sent with the form, not on its own
  };

  const submit = (values: Values) => {
    if (!file) {
      setErrors({ file: t('propensity.trainer.errors.noFile') });
      return;
    }
    setErrors({});
    train.mutate(
      { file, target: values.target!, positive: values.positive?.trim() || undefined, id: values.id || undefined, network: Boolean(values.network) },
      {
        onSuccess: (summary) => setResult(summary),
        onError: (error) => {
          if (isApiError(error, 400) && Array.isArray(error.details)) {
            const next: Partial<Record<Field, string>> = {};
            for (const d of error.details as { path?: string; message?: string }[]) {
              const field = (['file', 'target', 'positive', 'id'] as const).find((f) => f === d.path) ?? 'file';
              next[field] = withoutOption(d.message ?? error.message);
            }
            setErrors(next);
          }
        },
      },
    );
  };

  const fieldError = (field: Field) => (errors[field] ? { validateStatus: 'error' as const, help: <span data-testid={`propensity-trainer-error-${field}`}>{errors[field]}</span> } : {});
  const clear = (field: Field) => errors[field] && setErrors((e) => ({ ...e, [field]: undefined }));
  const columns = (preview?.header ?? []).map((h) => ({ value: h, label: h }));
  const labels = preview && target ? columnValues(preview, target) : [];
  const otherError = train.error && !(isApiError(train.error, 400) && Array.isArray(train.error.details)) ? train.error : null;

  return (
    <>
      <PageHeader title={t('propensity.trainer.title')} testId="propensity-trainer-title" />
      <PropensityNav />
      <Card data-testid="propensity-trainer-form-card">
        <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="propensity-trainer-form" initialValues={{ network: false }}>
          <Row gutter={[24, 0]}>
            <Col xs={24} xl={9}>
              <Form.Item label={t('propensity.trainer.file')} required {...fieldError('file')}>
                <Spin spinning={reading}>
                  <Upload.Dragger
                    accept=".csv,.gz,.txt,text/csv,application/gzip"
                    multiple={false}
                    showUploadList={false}
                    beforeUpload={choose}
                    disabled={train.isPending}
                    className="trainer-dragger"
                    data-testid="propensity-trainer-file"
                  >
                    {file ? (
                      <Flex vertical align="center" gap={2} className="trainer-file">
                        <FileTextOutlined className="trainer-file-icon" />
                        <Typography.Text strong ellipsis={{ tooltip: file.name }} style={{ maxWidth: '100%' }} data-testid="propensity-trainer-file-name">
                          {file.name}
                        </Typography.Text>
                        <Typography.Text type="secondary">
                          {t('propensity.trainer.fileInfo', { size: formatBytes(file.size), columns: preview?.header.length ?? 0 })}
                        </Typography.Text>
                        <Typography.Link>{t('propensity.trainer.changeFile')}</Typography.Link>
                      </Flex>
                    ) : (
                      <>
                        <p className="ant-upload-drag-icon">
                          <InboxOutlined />
                        </p>
                        <Typography.Paragraph strong style={{ marginBottom: 4 }}>
                          {t('propensity.trainer.drop')}
                        </Typography.Paragraph>
                        <Typography.Text type="secondary">{t('propensity.trainer.dropHint')}</Typography.Text>
                      </>
                    )}
                  </Upload.Dragger>
                </Spin>
              </Form.Item>
            </Col>
            <Col xs={24} xl={15}>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="target"
                    label={t('propensity.trainer.target')}
                    rules={[{ required: true, message: t('propensity.trainer.errors.noTarget') }]}
                    extra={errors.target ? undefined : t('propensity.trainer.targetHelp')}
                    {...fieldError('target')}
                  >
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      options={columns}
                      disabled={!preview}
                      placeholder={preview ? t('propensity.trainer.targetPlaceholder') : t('propensity.trainer.fileFirst')}
                      onChange={() => {
                        clear('target');
                        form.setFieldValue('positive', undefined);
                      }}
                      data-testid="propensity-trainer-target"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="positive"
                    label={t('propensity.trainer.positive')}
                    extra={errors.positive ? undefined : t('propensity.trainer.positiveHelp')}
                    {...fieldError('positive')}
                  >
                    <AutoComplete
                      options={labels.map((l) => ({ value: l.value, label: `${l.value} (${format.number(l.count)})` }))}
                      disabled={!preview}
                      placeholder={t('propensity.trainer.positivePlaceholder')}
                      onChange={() => clear('positive')}
                      allowClear
                      data-testid="propensity-trainer-positive"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="id" label={t('propensity.trainer.id')} extra={errors.id ? undefined : t('propensity.trainer.idHelp')} {...fieldError('id')}>
                    <Select
                      allowClear
                      showSearch={{ optionFilterProp: 'label' }}
                      options={columns}
                      disabled={!preview}
                      placeholder={t('propensity.trainer.idPlaceholder')}
                      onChange={() => clear('id')}
                      data-testid="propensity-trainer-id"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="network" valuePropName="checked" label={t('propensity.trainer.models')} extra={t('propensity.trainer.networkHelp')}>
                    <Checkbox data-testid="propensity-trainer-network">{t('propensity.trainer.network')}</Checkbox>
                  </Form.Item>
                </Col>
              </Row>
              <Flex align="center" gap={12} wrap>
                <Button
                  type="primary"
                  htmlType="submit"
                  icon={<ExperimentOutlined />}
                  loading={train.isPending}
                  disabled={!file || reading}
                  data-testid="propensity-trainer-submit"
                >
                  {t('propensity.trainer.submit')}
                </Button>
                <Typography.Text type="secondary">{t('propensity.trainer.how')}</Typography.Text>
              </Flex>
            </Col>
          </Row>
        </Form>
      </Card>
      <div className="trainer-result">
        {otherError ? (
          <Alert type="error" showIcon title={isApiError(otherError, 0) ? t('errors.network') : otherError.message} data-testid="propensity-trainer-error" style={{ marginBottom: 16 }} />
        ) : null}
        {train.isPending ? (
          <Card data-testid="propensity-trainer-running">
            <Flex vertical align="center" gap={12} style={{ padding: '32px 0' }}>
              <Spin size="large" />
              <Typography.Text>{t('propensity.trainer.running', { seconds: elapsed })}</Typography.Text>
              <Typography.Text type="secondary">{t(form.getFieldValue('network') ? 'propensity.trainer.runningNetwork' : 'propensity.trainer.runningLogistic')}</Typography.Text>
            </Flex>
          </Card>
        ) : result ? (
          <TrainerResult result={result} fileName={file?.name} />
        ) : (
          <Card>
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<span style={{ maxWidth: 640, display: 'inline-block' }}>{t('propensity.trainer.intro')}</span>} />
          </Card>
        )}
      </div>
    </>
  );
}

function formatBytes(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
