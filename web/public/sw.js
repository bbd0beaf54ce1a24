/* global self, caches, fetch, URL */
/*
 * Service worker of the offline survey (issue 4 §3). Plain JS, no build step.
 * - Built assets (/assets/*) have content hashes in their names, so they never change: cache-first.
 * - Navigations (the single-page app shell) and the survey's reads (household lists, one household, the logged-in
 *   user) are network-first, falling back to the last good copy, so a team member with no signal still sees
 *   their list.
 * - Logging in or out empties the API cache, so a shared phone never shows one member's data to the next.
 * Writes are never cached: the page queues them in IndexedDB and replays them itself.
 */
// v2: the visitors' pages became a page of their own (public.html), which must never be kept as the app shell.
const VERSION = 'kps-sw-v2';
const SHELL_CACHE = `${VERSION}-shell`;
const ASSET_CACHE = `${VERSION}-assets`;
const API_CACHE = `${VERSION}-api`;
const SHELL_URL = '/index.html';
const SHELL_FILES = [SHELL_URL, '/favicon.svg', '/manifest.webmanifest'];

const CACHED_API = [/^\/api\/hamlets\/\d+\/households$/, /^\/api\/households\/[^/]+$/, /^\/api\/auth\/me$/];

/** The entry script, styles and preloaded chunks named in index.html, so the shell starts offline. */
async function assetsOfShell(html) {
  const urls = new Set();
  for (const match of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) urls.add(match[1]);
  return [...urls];
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL_CACHE);
      await shell.addAll(SHELL_FILES);
      const html = await (await shell.match(SHELL_URL)).text();
      const assets = await caches.open(ASSET_CACHE);
      await assets.addAll(await assetsOfShell(html));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (!name.startsWith(VERSION)) await caches.delete(name);
      // Take over the page that registered us, so the list it loads next is cached without a reload.
      await self.clients.claim();
    })(),
  );
});

/** The page sends the assets and lists it loaded before this worker controlled it. */
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache-urls' || !Array.isArray(data.urls)) return;
  event.waitUntil(
    Promise.all(
      data.urls.map(async (raw) => {
        const url = new URL(raw, self.location.origin);
        if (url.origin !== self.location.origin) return;
        if (url.pathname.startsWith('/assets/')) {
          const cache = await caches.open(ASSET_CACHE);
          if (!(await cache.match(url.href))) await cache.add(url.href).catch(() => undefined);
        } else if (isCachedApi(url)) {
          const response = await fetch(url.href, { credentials: 'same-origin' }).catch(() => null);
          if (response && response.ok) await (await caches.open(API_CACHE)).put(url.href, response);
        }
      }),
    ),
  );
});

/** The visitors' pages ("/", /cong-khai/…) are public.html, not the app: left to the network, never cached as the shell. */
function isPublicPage(url) {
  return url.pathname === '/' || url.pathname === '/cong-khai' || url.pathname.startsWith('/cong-khai/');
}

function isCachedApi(url) {
  return CACHED_API.some((pattern) => pattern.test(url.pathname));
}

async function cacheFirst(request) {
  const cache = await caches.open(ASSET_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request, cacheName, cacheKey, isKeepable = () => true) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok && isKeepable(response)) await cache.put(cacheKey, response.clone());
    return response;
  } catch (error) {
    const hit = await cache.match(cacheKey);
    if (hit) return hit;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.method !== 'GET') {
    if (url.pathname === '/api/auth/login' || url.pathname === '/api/auth/logout')
      event.waitUntil(caches.delete(API_CACHE));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (SHELL_FILES.includes(url.pathname) && url.pathname !== SHELL_URL) {
    event.respondWith(networkFirst(request, SHELL_CACHE, url.pathname));
  } else if (request.mode === 'navigate' && !url.pathname.startsWith('/api/') && !isPublicPage(url)) {
    // Every page of the app is the same index.html; keep the newest one as the offline shell. Only HTML: a file
    // download opened by a link is a navigation too, and must never replace the shell.
    const isHtml = (response) => (response.headers.get('content-type') || '').includes('text/html');
    event.respondWith(networkFirst(request, SHELL_CACHE, SHELL_URL, isHtml));
  } else if (isCachedApi(url)) {
    event.respondWith(networkFirst(request, API_CACHE, request.url));
  }
});
