import { Menu, type MenuProps } from 'antd';
import {
  BulbOutlined,
  CalendarOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  ImportOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  TeamOutlined,
  ContactsOutlined,
  SettingOutlined,
  AppstoreOutlined,
  FundOutlined,
  ClusterOutlined,
  ShareAltOutlined,
  OrderedListOutlined,
  RiseOutlined,
  UserDeleteOutlined,
  ApartmentOutlined,
  DisconnectOutlined,
  NotificationOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { analyticsRoles } from '../../api/analytics';
import { hasRole, segmentRoles } from '../../api/segments';
import { useCurrentUser } from '../../api/auth';
import type { Role } from '../../api/enums';

/** The main navigation; "Users" only for administrators, customer value and the predictive model for the roles that may see them. */
export function SideMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useCurrentUser();

  const items: MenuProps['items'] = [
    { key: '/', icon: <DashboardOutlined />, label: t('nav.dashboard') },
    { key: '/accounts', icon: <ShopOutlined />, label: t('nav.accounts') },
    { key: '/contacts', icon: <ContactsOutlined />, label: t('nav.contacts') },
    { key: '/products', icon: <AppstoreOutlined />, label: t('nav.products') },
    { key: '/orders', icon: <ShoppingCartOutlined />, label: t('nav.orders') },
    { key: '/activities', icon: <CalendarOutlined />, label: t('nav.activities') },
    { key: '/tickets', icon: <CustomerServiceOutlined />, label: t('service.nav.tickets') },
    { key: '/suggestions', icon: <BulbOutlined />, label: t('service.nav.suggestions') },
    { key: '/campaigns', icon: <NotificationOutlined />, label: t('campaigns.nav.campaigns') },
    ...(me.data && (analyticsRoles as readonly Role[]).includes(me.data.role)
      ? [{ key: '/analytics', icon: <FundOutlined />, label: t('nav.analytics') }]
      : []),
    ...(hasRole(me.data?.role, segmentRoles)
      ? [
          { key: '/groups', icon: <ClusterOutlined />, label: t('segments.nav.groups') },
          { key: '/products-together', icon: <ShareAltOutlined />, label: t('segments.nav.productsTogether') },
          { key: '/priority', icon: <OrderedListOutlined />, label: t('segments.nav.priority') },
          { key: '/propensity', icon: <RiseOutlined />, label: t('propensity.nav.propensity') },
          { key: '/churn', icon: <UserDeleteOutlined />, label: t('propensity.nav.churn') },
          { key: '/relationship', icon: <ApartmentOutlined />, label: t('relationship.nav.relationship') },
        ]
      : []),
    ...(me.data ? [{ key: '/exits', icon: <DisconnectOutlined />, label: t('relationship.nav.exits') }] : []),
    { key: '/import', icon: <ImportOutlined />, label: t('nav.import') },
    ...(me.data?.role === 'admin' ? [{ key: '/users', icon: <TeamOutlined />, label: t('nav.users') }] : []),
    { key: '/settings', icon: <SettingOutlined />, label: t('nav.settings') },
  ];

  const firstSegment = `/${location.pathname.split('/')[1] ?? ''}`;
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[firstSegment]}
      items={items}
      onClick={({ key }) => navigate(key)}
    />
  );
}
