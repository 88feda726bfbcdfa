/**
 * Where the app keeps who the user is and which server they use. In the extension that is
 * `browser.storage.local` (set on the options page); on the web editor served by the server it
 * is localStorage, and the server is the page's own origin.
 */
import { z } from 'zod';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../shared/i18n/languages';

export const DEFAULT_SERVER_URL = 'http://localhost:8787';

export const AppSettingsSchema = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }),
  token: z.string().max(512).nullable(),
  language: z.enum(['id', 'en']),
});
export type AppSettings = z.infer<typeof AppSettingsSchema>;

export interface AppSettingsStore {
  /** True in the extension: the server URL is the user's choice, not the page origin. */
  readonly serverIsConfigurable: boolean;
  load(): Promise<AppSettings>;
  save(patch: Partial<AppSettings>): Promise<AppSettings>;
}

const STORAGE_KEY = 'dampingi.settings';

// Bahasa Indonesia first, whatever the browser's language; English is one click away and remembered.
function defaults(serverUrl: string): AppSettings {
  return { serverUrl, token: null, language: DEFAULT_LANGUAGE };
}

function merge(base: AppSettings, stored: unknown): AppSettings {
  const parsed = AppSettingsSchema.partial().safeParse(stored);
  return parsed.success ? { ...base, ...parsed.data } : base;
}

/** Settings for pages of the extension (popup, options, side panel, editor, background). */
/** The part of `browser.storage.local` this needs; lets tests pass a plain object. */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export function extensionSettingsStore(area: KeyValueArea): AppSettingsStore {
  const base = () => defaults(DEFAULT_SERVER_URL);
  return {
    serverIsConfigurable: true,
    async load() {
      const stored = (await area.get(STORAGE_KEY))[STORAGE_KEY];
      return merge(base(), stored);
    },
    async save(patch) {
      const next = AppSettingsSchema.parse({ ...(await this.load()), ...patch });
      await area.set({ [STORAGE_KEY]: next });
      return next;
    },
  };
}

/**
 * Settings for the web editor served by the server itself. Its session lives in an HttpOnly
 * cookie, so `token` is always null here; a token an older version kept in localStorage is moved
 * into the cookie once at start (see `legacyWebToken`).
 */
export function webSettingsStore(win: Window): AppSettingsStore {
  const base = () => defaults(win.location.origin);
  return {
    serverIsConfigurable: false,
    async load() {
      let stored: unknown = null;
      try {
        stored = JSON.parse(win.localStorage.getItem(STORAGE_KEY) ?? 'null');
      } catch {
        stored = null;
      }
      // The server is always this page's origin on the web.
      return { ...merge(base(), stored), serverUrl: win.location.origin, token: null };
    },
    async save(patch) {
      const next = AppSettingsSchema.parse({ ...(await this.load()), ...patch, token: null });
      win.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      return next;
    },
  };
}

export function languageOrDefault(value: unknown): Language {
  return isLanguage(value) ? value : 'id';
}

/** The token an older web editor kept in localStorage, if any (moved into the cookie at start). */
export function legacyWebToken(win: Pick<Window, 'localStorage'>): string | null {
  try {
    const stored = AppSettingsSchema.partial().safeParse(JSON.parse(win.localStorage.getItem(STORAGE_KEY) ?? 'null'));
    return stored.success ? (stored.data.token ?? null) : null;
  } catch {
    return null;
  }
}

export function forgetLegacyWebToken(win: Pick<Window, 'localStorage'>): void {
  try {
    const stored = JSON.parse(win.localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (stored && typeof stored === 'object') {
      win.localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...stored, token: null }));
    }
  } catch {
    win.localStorage.removeItem(STORAGE_KEY);
  }
}
