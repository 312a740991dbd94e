import type { ReactNode } from 'react';
import { Alert, Card, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ValueSummary } from '../../api/analytics';
import { useFormatters } from '../../components/format/useFormatters';

function Param({ symbol, value, meaning, testId }: { symbol: string; value: string; meaning: string; testId: string }) {
  return (
    <Flex vertical gap={0}>
      <Flex gap={8} align="baseline">
        <span className="model-symbol">{symbol}</span>
        <Typography.Text strong className="model-value" data-testid={testId}>
          {value}
        </Typography.Text>
      </Flex>
      <Typography.Text type="secondary" className="model-meaning">
        {meaning}
      </Typography.Text>
    </Flex>
  );
}

function Section({ title, help, children }: { title: string; help: string; children: ReactNode }) {
  return (
    <div className="model-section">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" className="panel-help">
        {help}
      </Typography.Paragraph>
      {children}
    </div>
  );
}

/** The fitted BG/NBD and Gamma-Gamma parameters with their log-likelihoods, each parameter explained in words. */
export function ModelFitCard({ summary }: { summary: ValueSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { bgnbd, gammaGamma } = summary;
  const fit = (converged: boolean | undefined) =>
    converged === undefined ? null : converged ? <Tag color="success">{t('analytics.model.converged')}</Tag> : <Tag color="warning">{t('analytics.model.notConverged')}</Tag>;
  // Parameters span several orders of magnitude (γ in currency units, r below 1): four significant digits.
  const param = (v: number) => (Math.abs(v) >= 1000 ? format.number(Math.round(v)) : format.fixed(v, Math.abs(v) >= 100 ? 2 : 4));

  return (
    <Card title={t('analytics.model.title')} data-testid="analytics-model-fit" className="panel-card">
      {!bgnbd ? (
        <Empty description={t('analytics.model.noModel')} />
      ) : (
        <Flex vertical gap={16}>
          <Section title={t('analytics.model.bgnbd')} help={t('analytics.model.bgnbdHelp')}>
            <Descriptions
              size="small"
              column={2}
              colon={false}
              items={[
                { key: 'r', children: <Param symbol="r" value={param(bgnbd.params.r)} meaning={t('analytics.model.r')} testId="analytics-param-r" /> },
                { key: 'alpha', children: <Param symbol="α" value={param(bgnbd.params.alpha)} meaning={t('analytics.model.alpha')} testId="analytics-param-alpha" /> },
                { key: 'a', children: <Param symbol="a" value={param(bgnbd.params.a)} meaning={t('analytics.model.a')} testId="analytics-param-a" /> },
                { key: 'b', children: <Param symbol="b" value={param(bgnbd.params.b)} meaning={t('analytics.model.b')} testId="analytics-param-b" /> },
              ]}
            />
            <Descriptions
              size="small"
              column={2}
              className="model-fit-stats"
              items={[
                {
                  key: 'll',
                  label: t('analytics.model.logLikelihood'),
                  children: (
                    <span data-testid="analytics-bgnbd-ll">
                      {format.fixed(bgnbd.logLikelihood, 2)} {fit(bgnbd.converged)}
                    </span>
                  ),
                },
                { key: 'customers', label: t('analytics.model.fittedOn'), children: format.number(summary.customers) },
              ]}
            />
          </Section>
          {gammaGamma ? (
            <Section title={t('analytics.model.gammaGamma')} help={t('analytics.model.gammaGammaHelp')}>
              <Descriptions
                size="small"
                column={3}
                colon={false}
                items={[
                  { key: 'p', children: <Param symbol="p" value={param(gammaGamma.params.p)} meaning={t('analytics.model.p')} testId="analytics-param-p" /> },
                  { key: 'q', children: <Param symbol="q" value={param(gammaGamma.params.q)} meaning={t('analytics.model.q')} testId="analytics-param-q" /> },
                  { key: 'gamma', children: <Param symbol="γ" value={param(gammaGamma.params.gamma)} meaning={t('analytics.model.gamma')} testId="analytics-param-gamma" /> },
                ]}
              />
              <Descriptions
                size="small"
                column={2}
                className="model-fit-stats"
                items={[
                  {
                    key: 'll',
                    label: t('analytics.model.logLikelihood'),
                    children: (
                      <span data-testid="analytics-gg-ll">
                        {format.fixed(gammaGamma.logLikelihood, 2)} {fit(gammaGamma.converged)}
                      </span>
                    ),
                  },
                  { key: 'customers', label: t('analytics.model.repeatBuyers'), children: format.number(gammaGamma.customers) },
                ]}
              />
              {gammaGamma.usable === false ? <Alert type="warning" showIcon title={t('analytics.model.unusable')} /> : null}
            </Section>
          ) : null}
        </Flex>
      )}
    </Card>
  );
}
