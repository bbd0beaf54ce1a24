import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { ApiError, isUnauthenticated } from './api/client';
import { ME_QUERY_KEY } from './features/auth/auth-api';
import './i18n';
import { router } from './routes';
import './styles.css';

function onUnauthenticated(error: unknown) {
  // A session that expires mid-use: forget the user, and the app layout sends them to the login page.
  // Mutations are left out: a wrong current password must not look like a logout.
  if (isUnauthenticated(error)) queryClient.setQueryData(ME_QUERY_KEY, null);
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onUnauthenticated }),
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      staleTime: 30_000,
      // Client errors (4xx) will not change on retry; network and server errors get one more try.
      retry: (count, error) =>
        count < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

function LocalisedConfig({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : viVN}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 8 } }}
    >
      {children}
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LocalisedConfig>
        <RouterProvider router={router} />
      </LocalisedConfig>
    </QueryClientProvider>
  </StrictMode>,
);
