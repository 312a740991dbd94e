import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDashboard } from '../../api/dashboard';
import { OverviewSkeleton } from '../../components/feedback/OverviewSkeleton';
import { QueryState } from '../../components/feedback/QueryState';
import { PageHeader } from '../../components/layout/PageHeader';
import { StatCards } from './StatCards';
import { RevenueChart } from './RevenueChart';
import { TopProductsTable } from './TopProductsTable';
import { RecentActivities } from './RecentActivities';

export default function DashboardPage() {
  const { t } = useTranslation();
  const dashboard = useDashboard();
  return (
    <>
      <PageHeader title={t('dashboard.title')} />
      <QueryState query={dashboard} loading={<OverviewSkeleton bodyRows={8} />}>
        {(data) => (
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <StatCards data={data} />
            </Col>
            <Col span={24}>
              <Card title={t('dashboard.revenueByMonth')}>
                <RevenueChart months={data.revenueByMonth} />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card title={t('dashboard.topProducts')} styles={{ body: { padding: 0 } }}>
                <TopProductsTable products={data.topProducts} />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title={t('dashboard.recentActivities')}>
                <RecentActivities activities={data.recentActivities} />
              </Card>
            </Col>
          </Row>
        )}
      </QueryState>
    </>
  );
}
