import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { PageLoading } from './ui/PageLoading';
import { NotFoundPage } from './ui/NotFoundPage';

// Each page is its own chunk: a visitor on the landing page never downloads the tree, tables or forms.
const LandingPage = lazy(() => import('./features/landing/LandingPage'));
const LoginPage = lazy(() => import('./features/auth/LoginPage'));
const AppLayout = lazy(() => import('./features/shell/AppLayout'));
const HomePage = lazy(() => import('./features/shell/HomePage'));
const UnitsPage = lazy(() => import('./features/units/UnitsPage'));
const UsersPage = lazy(() => import('./features/users/UsersPage'));
const AuditPage = lazy(() => import('./features/audit/AuditPage'));
const PasswordPage = lazy(() => import('./features/auth/PasswordPage'));
const HamletsPage = lazy(() => import('./features/teams/HamletsPage'));
const TeamPage = lazy(() => import('./features/teams/TeamPage'));
const PlacesPage = lazy(() => import('./features/places/PlacesPage'));
const ImportPage = lazy(() => import('./features/imports/ImportPage'));
const SurveyPage = lazy(() => import('./features/survey/SurveyPage'));
const HouseholdSurveyPage = lazy(() => import('./features/survey/HouseholdSurveyPage'));
// Action lists, their print view and the criteria-set editor (issue 5 §4–5).
const ActionsPage = lazy(() => import('./features/actions/ActionsPage'));
const ActionsPrintPage = lazy(() => import('./features/actions/ActionsPrintPage'));
const CriteriaSetsPage = lazy(() => import('./features/criteria-sets/CriteriaSetsPage'));
const CriteriaSetEditorPage = lazy(() => import('./features/criteria-sets/CriteriaSetEditorPage'));
// Dashboards and the hamlet scorecard (issue 5 §1–3).
const CityDashboardPage = lazy(() => import('./features/dashboard/CityDashboardPage'));
const WardDashboardPage = lazy(() => import('./features/dashboard/WardDashboardPage'));
const HamletScorecardPage = lazy(() => import('./features/dashboard/HamletScorecardPage'));
const RoundsPage = lazy(() => import('./features/rounds/RoundsPage'));
const RoundDetailPage = lazy(() => import('./features/rounds/RoundDetailPage'));

function page(element: ReactNode) {
  return <Suspense fallback={<PageLoading />}>{element}</Suspense>;
}

export const router = createBrowserRouter([
  { path: '/', element: page(<LandingPage />) },
  { path: '/login', element: page(<LoginPage />) },
  // The print view stands outside the app shell, so only the checklist prints.
  { path: '/app/hamlets/:id/actions/print', element: page(<ActionsPrintPage />) },
  {
    path: '/app',
    element: page(<AppLayout />),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'units', element: <UnitsPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'password', element: <PasswordPage /> },
      { path: 'hamlets', element: <HamletsPage /> },
      { path: 'hamlets/:id/team', element: <TeamPage /> },
      { path: 'hamlets/:id/places', element: <PlacesPage /> },
      { path: 'hamlets/:id/import', element: <ImportPage /> },
      { path: 'survey', element: <SurveyPage /> },
      { path: 'survey/new', element: <HouseholdSurveyPage /> },
      { path: 'survey/households/:uid', element: <HouseholdSurveyPage /> },
      { path: 'hamlets/:id/actions', element: <ActionsPage /> },
      { path: 'criteria-sets', element: <CriteriaSetsPage /> },
      { path: 'criteria-sets/:id', element: <CriteriaSetEditorPage /> },
      { path: 'dashboard', element: <CityDashboardPage /> },
      { path: 'dashboard/ward/:id', element: <WardDashboardPage /> },
      { path: 'hamlets/:id/scorecard', element: <HamletScorecardPage /> },
      { path: 'rounds', element: <RoundsPage /> },
      { path: 'rounds/:id', element: <RoundDetailPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);
