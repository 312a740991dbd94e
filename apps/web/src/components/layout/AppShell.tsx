import { Suspense, useState } from 'react';
import { Layout, Skeleton } from 'antd';
import { Outlet } from 'react-router-dom';
import { SideMenu } from './SideMenu';
import { HeaderBar } from './HeaderBar';
import { Brand } from './Brand';

const collapsedKey = 'relata.siderCollapsed';
const storedCollapsed = () => localStorage.getItem(collapsedKey) === '1';

/** The signed-in frame: collapsible sidebar, header with search, language and user menu, and the page. */
export function AppShell() {
  const [collapsed, setCollapsed] = useState(storedCollapsed);
  // The user's own choice is remembered; a narrow window collapses the menu without changing that choice.
  const onCollapse = (next: boolean, type: 'clickTrigger' | 'responsive') => {
    if (type === 'responsive') {
      setCollapsed(next || storedCollapsed());
      return;
    }
    setCollapsed(next);
    localStorage.setItem(collapsedKey, next ? '1' : '0');
  };
  return (
    <Layout className="app-shell">
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={onCollapse}
        width={216}
        breakpoint="lg"
        theme="dark"
        className="app-sider"
      >
        <Brand collapsed={collapsed} />
        <SideMenu />
      </Layout.Sider>
      <Layout>
        <HeaderBar />
        <Layout.Content className="app-content">
          <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
