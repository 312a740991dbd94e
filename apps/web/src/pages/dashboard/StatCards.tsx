import type { ReactNode } from 'react';
import { Card, Col, Row, Statistic } from 'antd';
import { AppstoreOutlined, ContactsOutlined, MoneyCollectOutlined, ShopOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Dashboard } from '../../api/dashboard';
import { useFormatters } from '../../components/format/useFormatters';

interface Stat {
  key: string;
  title: string;
  value: string;
  icon: ReactNode;
  to?: string;
}

/** Counts of the main records and the total revenue, each linking to its list. */
export function StatCards({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const stats: Stat[] = [
    { key: 'revenue', title: t('dashboard.revenue'), value: format.money(data.revenue), icon: <MoneyCollectOutlined />, to: '/orders' },
    { key: 'accounts', title: t('dashboard.accounts'), value: format.number(data.accounts), icon: <ShopOutlined />, to: '/accounts' },
    { key: 'orders', title: t('dashboard.orders'), value: format.number(data.orders), icon: <ShoppingCartOutlined />, to: '/orders' },
    { key: 'contacts', title: t('dashboard.contacts'), value: format.number(data.contacts), icon: <ContactsOutlined />, to: '/contacts' },
    { key: 'products', title: t('dashboard.products'), value: format.number(data.products), icon: <AppstoreOutlined />, to: '/products' },
  ];
  return (
    <Row gutter={[16, 16]}>
      {stats.map((stat) => (
        <Col key={stat.key} xs={24} sm={12} lg={8} xl={stat.key === 'revenue' ? 8 : 4} flex="auto">
          <Link to={stat.to ?? '/'}>
            <Card hoverable className="stat-card" data-testid={`stat-${stat.key}`}>
              <Statistic title={stat.title} value={stat.value} prefix={stat.icon} />
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
