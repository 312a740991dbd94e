import { Avatar, Dropdown, Flex, Typography, type MenuProps } from 'antd';
import { KeyOutlined, LockOutlined, LogoutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser, useLogout } from '../../api/auth';
import { useEnumLabel } from '../enums/EnumTag';

/** The signed-in user's name and role, with password, API tokens and sign out. */
export function UserMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const logout = useLogout();
  const label = useEnumLabel();
  const user = me.data;
  if (!user) return null;

  const items: MenuProps['items'] = [
    { key: 'password', icon: <LockOutlined />, label: t('header.changePassword') },
    { key: 'tokens', icon: <KeyOutlined />, label: t('header.apiTokens') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('header.signOut'), danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'logout') {
      logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
    } else {
      navigate(`/settings#${key}`);
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} placement="bottomRight" trigger={['click']}>
      <Flex align="center" gap={8} className="user-menu" data-testid="user-menu" role="button" tabIndex={0}>
        <Avatar size="small" style={{ backgroundColor: '#1677ff' }}>
          {user.name.slice(0, 1).toUpperCase()}
        </Avatar>
        <Flex vertical className="user-menu-text">
          <Typography.Text strong ellipsis className="user-menu-name">
            {user.name}
          </Typography.Text>
          <Typography.Text type="secondary" className="user-menu-role">
            {label('role', user.role)}
          </Typography.Text>
        </Flex>
      </Flex>
    </Dropdown>
  );
}
