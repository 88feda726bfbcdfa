// Dampingi web editor service worker: network first, cache as fallback, so a draft opened once
// opens again without a network (its content comes from IndexedDB). Only the editor's own files
// are cached; the JSON API and the sync socket never are. Registered only outside the extension.
// It also takes what a phone's share sheet sends (Web Share Target): kept in IndexedDB before
// anything else, then the share page sends it (extension/app/share/).
const CACHE = 'dampingi-web-v1';
const ASSET_PATHS = /^\/(chunks|assets|icons)\/|^\/editor\.html$|^\/manifest\.webmanifest$/;
const INSTALL_FILES = ['/manifest.webmanifest', '/icons/dampingi-192.png', '/icons/dampingi-512.png'];

// The same names as shared/protocol/share-target.ts (this file is not bundled).
const SHARE_TARGET_PATH = '/share-target';
const SHARE_DATABASE = 'dampingi-shares';
const SHARE_STORE = 'shares';
const SHARE_PAGE = '/editor.html?view=share';
/** At most this many pictures per share, each at most this large (the downscaler refuses more). */
const MAX_SHARED_FILES = 4;
const MAX_SHARED_FILE_BYTES = 25 * 1024 * 1024;
const MAX_SHARED_TEXT = 100_000;

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
  await cache.addAll([...new Set([...assets, ...(await lazyAssets())])]);
  // The manifest and icons only dress the installed app: their absence must not cost the offline start.
  await cache.addAll(INSTALL_FILES).catch((error) => console.warn('dampingi sw: app icons not cached', error));
}

/** Views load on demand; the build lists every file (web-assets.json) so each opens offline too. */
async function lazyAssets() {
  try {
    const response = await fetch('/web-assets.json', { cache: 'no-cache' });
    if (!response.ok) return [];
    const { files } = await response.json();
    return Array.isArray(files) ? files.filter((file) => typeof file === 'string' && ASSET_PATHS.test(file)) : [];
  } catch (error) {
    console.warn('dampingi sw: the list of views was not read', error);
    return [];
  }
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
  if (isShare(event.request)) {
    event.respondWith(keepShare(event.request));
    return;
  }
  const key = cacheKey(event.request);
  if (!key) return;
  event.respondWith(BUILT_FILE.test(key) ? cacheFirst(event, key) : networkFirst(event, key));
});

// The build names its scripts and stylesheets after their content's hash (`/chunks/editor-BSVQVPi4.js`):
// a kept copy is always the right one, so it is served without asking the network (a second open
// no longer waits for a round trip per file).
const BUILT_FILE = /^\/(chunks|assets)\/[^/]+-[\w-]{8}\.(js|css)$/;

async function cacheFirst(event, key) {
  const cached = await (await caches.open(CACHE)).match(key);
  return cached ?? networkFirst(event, key);
}

async function networkFirst(event, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(event.request);
    // Kept while the page already gets the answer (the worker stays alive until it is written).
    if (response.ok && response.type === 'basic') event.waitUntil(cache.put(key, response.clone()));
    return response;
  } catch (error) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw error;
  }
}

function isShare(request) {
  const url = new URL(request.url);
  return request.method === 'POST' && url.origin === self.location.origin && url.pathname === SHARE_TARGET_PATH;
}

/**
 * Keeps the share on the phone, with its clipId chosen here once (so it is never sent twice), and
 * sends the person to the share page (303: the page is then loaded with GET, and a reload does not
 * post again). What the form holds is read as text and blobs only; the page validates it.
 */
async function keepShare(request) {
  try {
    const form = await request.formData();
    const field = (name) => {
      const value = form.get(name);
      return typeof value === 'string' ? value.slice(0, MAX_SHARED_TEXT) : '';
    };
    const files = [];
    for (const value of form.getAll('files').slice(0, MAX_SHARED_FILES)) {
      if (typeof value === 'string' || value.size === 0) continue;
      const fits = value.size <= MAX_SHARED_FILE_BYTES;
      // A plain Blob (not the File) is what IndexedDB keeps best across browsers.
      const blob = fits ? new Blob([await value.arrayBuffer()], { type: value.type }) : null;
      files.push({
        name: String(value.name).slice(0, 300),
        type: String(value.type).slice(0, 100),
        size: value.size,
        blob,
      });
    }
    const shareId = crypto.randomUUID();
    await putShare({
      shareId,
      clipId: crypto.randomUUID(),
      receivedAt: new Date().toISOString(),
      title: field('title'),
      text: field('text'),
      url: field('url'),
      files,
      destination: null,
      asLink: false,
      problem: null,
    });
    return Response.redirect(new URL(`${SHARE_PAGE}&share=${shareId}`, self.location.origin).href, 303);
  } catch (error) {
    console.error('dampingi sw: share not kept', error);
    return Response.redirect(new URL(`${SHARE_PAGE}&share-problem=not-kept`, self.location.origin).href, 303);
  }
}

function putShare(record) {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(SHARE_DATABASE, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(SHARE_STORE, { keyPath: 'shareId' });
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const db = opening.result;
      // 'strict': the share is on disk before the page is told it is kept.
      const transaction = db.transaction(SHARE_STORE, 'readwrite', { durability: 'strict' });
      transaction.objectStore(SHARE_STORE).put(record);
      transaction.oncomplete = () => {
        db.close();
        resolve();
      };
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error ?? new Error('share transaction aborted'));
    };
  });
}
