/**
 * Registers web/public/sw.js, which keeps the app shell, the built assets and the household lists for offline
 * use. Only in a production build: under the Vite dev server a cache-first worker would serve stale modules.
 * Whatever the page loaded before the worker took control (lazy chunks, the first household list) is handed to
 * it once it is ready, so that first visit is enough to work offline afterwards.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => handOverLoadedUrls(registration.active))
    .catch(() => {
      // Without a worker the survey still works online, and the queue still lives in IndexedDB.
    });
}

/** Asks the worker to cache everything this page has fetched so far (it caches only what it knows). */
export function handOverLoadedUrls(worker?: ServiceWorker | null): void {
  const target = worker ?? navigator.serviceWorker?.controller;
  if (!target) return;
  const urls = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(location.origin));
  target.postMessage({ type: 'cache-urls', urls });
}
