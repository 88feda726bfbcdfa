import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'wxt';
import { inlinePageStylesheets } from './scripts/inline-page-stylesheets';

/**
 * The web app's every script and stylesheet, for its service worker to keep at install: views load
 * on demand (export, import, versions, observation…), and one never opened while online must still
 * open offline. Written beside the build as `web-assets.json`.
 */
function writeWebAssetList(outDir: string): void {
  const files = ['chunks', 'assets'].flatMap((folder) => {
    try {
      return readdirSync(join(outDir, folder))
        .filter((name) => /\.(js|css)$/.test(name))
        .map((name) => `/${folder}/${name}`);
    } catch {
      return [];
    }
  });
  writeFileSync(join(outDir, 'web-assets.json'), `${JSON.stringify({ files: files.sort() })}\n`);
}

/**
 * The pages' build puts zod and `app/shell/zod-without-eval.ts` in one chunk, so `z.config({ jitless:
 * true })` runs before any other chunk builds a schema: zod decides at `z.object()` whether to
 * probe `new Function`, and the web editor's CSP (like an extension page's) reports that probe.
 */
function zodChunk(id: string): string | undefined {
  return id.includes('/node_modules/zod/') || id.endsWith('/app/shell/zod-without-eval.ts') ? 'zod' : undefined;
}

/**
 * Firefox: a stable add-on ID (storage and permissions follow it across updates) and the data
 * collection declaration Firefox asks of new add-ons — Dampingi sends clips only to the school's own
 * server the person chose, and collects nothing for us.
 */
const FIREFOX_SETTINGS = {
  gecko: {
    id: 'dampingi@dampingi.id',
    // 140 (the ESR line schools get): the first to read data_collection_permissions.
    strict_min_version: '140.0',
    data_collection_permissions: { required: ['none'] },
  },
  gecko_android: { strict_min_version: '142.0' },
};

export default defineConfig({
  // Every module imports what it uses (GUIDE.md): no auto-imports, which also warned at every build
  // that components/i18n.tsx re-exports i18n-context.tsx's hooks.
  imports: false,
  hooks: {
    'build:done': (wxt) => {
      writeWebAssetList(wxt.config.outDir);
      inlinePageStylesheets(wxt.config.outDir);
    },
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      // Only the multi-page build of the HTML pages splits chunks (scripts are single IIFE files).
      if (!entrypoints.some((entrypoint) => entrypoint.name === 'editor')) return;
      const output = viteConfig.build?.rollupOptions?.output;
      if (output && !Array.isArray(output)) output.manualChunks = zodChunk;
    },
  },
  srcDir: 'extension',
  outDir: '.output',
  // Static files (the web editor's offline service worker) live beside the rest of the extension.
  publicDir: 'extension/public',
  manifest: ({ browser }) => ({
    ...(browser === 'firefox' ? { browser_specific_settings: FIREFOX_SETTINGS } : {}),
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '116' }),
    name: 'Dampingi',
    description:
      'Klip sumber belajar dari web ke draf bersama, juga saat offline. Clip web resources into a shared draft.',
    // Chrome 116: runtime.getContexts (offscreen document check) and WebSocket activity keeping the
    // worker alive (set above). Firefox has no offscreen API: its background page has a DOM.
    permissions: [
      'storage',
      'scripting',
      'activeTab',
      'contextMenus',
      'tabs',
      'alarms',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    // The selection is read by a function injected on demand, also from the context menu and the
    // popup opened as a tab, where activeTab alone does not grant access.
    host_permissions: ['<all_urls>'],
    action: { default_title: 'Dampingi' },
    commands: {
      'clip-selection': {
        suggested_key: { default: 'Alt+Shift+D' },
        description: 'Klip pilihan ke draf terakhir / Clip the selection into the last draft',
      },
    },
  }),
});
