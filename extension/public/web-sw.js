// Dampingi web editor service worker: network first, cache as fallback, so a draft opened once
// opens again without a network (its content comes from IndexedDB). Only the editor's own files
// are cached; the JSON API and the sync socket never are. Registered only outside the extension.
const CACHE = 'dampingi-web-v1';
const ASSET_PATHS = /^\/(chunks|assets)\/|^\/editor\.html$/;

function cacheKey(request) {
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return null;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/sync')) return null;
  // One entry per page whatever its query (?draft=…, ?token=…): the page reads those itself.
  if (request.mode === 'navigate') return url.pathname;
  return ASSET_PATHS.test(url.pathname) ? url.pathname : null;
}

// The first visit loads its files before this worker exists, so fetch them once now.
async function precache() {
  const cache = await caches.open(CACHE);
  const response = await fetch('/editor.html', { cache: 'no-cache' });
  if (!response.ok) return;
  const html = await response.clone().text();
  const assets = [...html.matchAll(/(?:src|href)="(\/(?:chunks|assets)\/[^"]+)"/g)].map((match) => match[1]);
  await cache.put('/editor.html', response);
  await cache.addAll([...new Set(assets)]);
}

self.addEventListener('install', (event) => {
  self.skipWaiting();
  event.waitUntil(precache().catch((error) => console.warn('dampingi sw: precache failed', error)));
});

self.addEventListener('activate', (event) => {
  const old = caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))));
  event.waitUntil(old.then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const key = cacheKey(event.request);
  if (key) event.respondWith(networkFirst(event.request, key));
});

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw error;
  }
}
