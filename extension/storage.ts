/**
 * The extension's typed items in `browser.storage`, for the pages to read and watch (WXT storage).
 * Only runs in the extension: WXT's storage needs `browser.storage` from the moment an item is
 * defined. (The settings and the popup's remembered choices are kept by ./settings/app-settings.ts
 * and ./clip/clip-preferences.ts, shared with the web app and unit tests.)
 */
import { storage } from 'wxt/utils/storage';
import { EMPTY_OUTBOX_STATE, type OutboxState } from './outbox/outbox-state';

/** Written by the background after every outbox change; read as data (`OutboxStateSchema`). */
export const outboxStateItem = storage.defineItem<OutboxState>('local:dampingi.outbox.state', {
  fallback: EMPTY_OUTBOX_STATE,
});
