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
const PropensityModelsPage = lazy(() => import('./pages/propensity/ModelsPage'));
const ChurnPage = lazy(() => import('./pages/propensity/ChurnPage'));
const AccuracyPage = lazy(() => import('./pages/propensity/AccuracyPage'));
const TrainerPage = lazy(() => import('./pages/propensity/TrainerPage'));
const TicketsPage = lazy(() => import('./pages/tickets/TicketsPage'));
const CampaignsPage = lazy(() => import('./pages/campaigns/CampaignsPage'));
const CampaignPage = lazy(() => import('./pages/campaigns/CampaignPage'));
const SuggestionsPage = lazy(() => import('./pages/products/SuggestionsPage'));
const RelationshipPage = lazy(() => import('./pages/relationship/RelationshipPage'));
const ExitBoardPage = lazy(() => import('./pages/relationship/ExitBoardPage'));
const ExitCasePage = lazy(() => import('./pages/relationship/ExitCasePage'));
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
        <Route path="tickets" element={<TicketsPage />} />
        <Route path="campaigns" element={<CampaignsPage />} />
        <Route path="campaigns/:id" element={<CampaignPage />} />
        <Route path="suggestions" element={<SuggestionsPage />} />
        <Route path="analytics" element={<AnalyticsPage />} />
        <Route path="groups" element={<GroupsPage />} />
        <Route path="products-together" element={<ProductsTogetherPage />} />
        <Route path="priority" element={<PriorityPage />} />
        <Route path="propensity" element={<PropensityModelsPage />} />
        <Route path="propensity/accuracy" element={<AccuracyPage />} />
        <Route path="propensity/trainer" element={<TrainerPage />} />
        <Route path="churn" element={<ChurnPage />} />
        <Route path="relationship" element={<RelationshipPage />} />
        <Route path="exits" element={<ExitBoardPage />} />
        <Route path="exits/:id" element={<ExitCasePage />} />
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
