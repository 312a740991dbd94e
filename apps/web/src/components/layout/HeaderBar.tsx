import { Flex, Layout } from 'antd';
import { GlobalSearch } from '../search/GlobalSearch';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';

export function HeaderBar() {
  return (
    <Layout.Header className="app-header">
      <Flex align="center" justify="space-between" gap={16} style={{ height: '100%' }}>
        <GlobalSearch />
        <Flex align="center" gap={16} wrap={false}>
          <LanguageSwitch />
          <UserMenu />
        </Flex>
      </Flex>
    </Layout.Header>
  );
}
