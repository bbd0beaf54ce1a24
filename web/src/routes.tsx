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

function page(element: ReactNode) {
  return <Suspense fallback={<PageLoading />}>{element}</Suspense>;
}

export const router = createBrowserRouter([
  { path: '/', element: page(<LandingPage />) },
  { path: '/login', element: page(<LoginPage />) },
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
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);
