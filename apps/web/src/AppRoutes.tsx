import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { RequireAuth } from './auth/RequireAuth';
import { RequireRole } from './auth/RequireRole';
import { AppShell } from './components/layout/AppShell';
import { LoginPage } from './pages/login/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';

// Pages load on first visit: the dashboard's charts and the import wizard stay out of the first download.
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage'));
const AccountsPage = lazy(() => import('./pages/accounts/AccountsPage'));
const AccountPage = lazy(() => import('./pages/account/AccountPage'));
const ContactsPage = lazy(() => import('./pages/contacts/ContactsPage'));
const ProductsPage = lazy(() => import('./pages/products/ProductsPage'));
const OrdersPage = lazy(() => import('./pages/orders/OrdersPage'));
const OrderPage = lazy(() => import('./pages/orders/OrderPage'));
const ActivitiesPage = lazy(() => import('./pages/activities/ActivitiesPage'));
const AnalyticsPage = lazy(() => import('./pages/analytics/AnalyticsPage'));
const GroupsPage = lazy(() => import('./pages/segments/GroupsPage'));
const ProductsTogetherPage = lazy(() => import('./pages/segments/ProductsTogetherPage'));
const PriorityPage = lazy(() => import('./pages/segments/PriorityPage'));
const ImportPage = lazy(() => import('./pages/import/ImportPage'));
const UsersPage = lazy(() => import('./pages/users/UsersPage'));
const MyAccountPage = lazy(() => import('./pages/settings/MyAccountPage'));

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        }
      >
        <Route index element={<DashboardPage />} />
        <Route path="accounts" element={<AccountsPage />} />
        <Route path="accounts/:id" element={<AccountPage />} />
        <Route path="contacts" element={<ContactsPage />} />
        <Route path="products" element={<ProductsPage />} />
        <Route path="orders" element={<OrdersPage />} />
        <Route path="orders/:id" element={<OrderPage />} />
        <Route path="activities" element={<ActivitiesPage />} />
        <Route path="analytics" element={<AnalyticsPage />} />
        <Route path="groups" element={<GroupsPage />} />
        <Route path="products-together" element={<ProductsTogetherPage />} />
        <Route path="priority" element={<PriorityPage />} />
        <Route path="import" element={<ImportPage />} />
        <Route
          path="users"
          element={
            <RequireRole roles={['admin']}>
              <UsersPage />
            </RequireRole>
          }
        />
        <Route path="settings" element={<MyAccountPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
