import { useEffect } from 'react';
import { Navigate } from 'react-router';
import { PageLoading } from '../../ui/PageLoading';

/** The path this document was loaded at, which may differ from the current one after in-app navigation. */
function documentPath(): string {
  const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  try {
    return new URL(entry?.name ?? window.location.href).pathname;
  } catch {
    return window.location.pathname;
  }
}

/**
 * The visitors' landing page is now a page of its own (public.html, web/src/public), without the app shell. When
 * the app navigates to "/" (logo, logout), a full load fetches it. Should the app itself have been served for "/"
 * (the dev server, or an offline copy), reloading would loop, so the login page is shown instead.
 */
export default function LandingPage() {
  const canLeave = documentPath() !== '/';
  useEffect(() => {
    if (canLeave) window.location.replace(import.meta.env.DEV ? '/public.html' : '/');
  }, [canLeave]);
  return canLeave ? <PageLoading /> : <Navigate to="/login" replace />;
}
