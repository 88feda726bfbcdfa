/**
 * The background's side of "Hubungkan ekstensi": a pairing code forwarded by the bridge in the
 * server's page becomes the extension's own token (POST /api/extension/pair), kept in its settings.
 * Only a content script of this extension, in a page of the configured server, is heard.
 */
import type { WxtBrowser } from 'wxt/browser';
import { type PairingOutcome, PairWithCodeRequestSchema } from '../../shared/protocol/pairing-messages';
import type { ClipPreferences } from '../clip/clip-preferences';
import { pairWithCode, storeConnection } from '../pairing/connect-extension';
import type { AppSettingsStore } from '../settings/app-settings';

export interface PairingDeps {
  settings: AppSettingsStore;
  preferences: ClipPreferences;
  pair?: typeof pairWithCode;
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export async function pairFromPage(
  message: unknown,
  senderOrigin: string | null,
  deps: PairingDeps,
): Promise<PairingOutcome> {
  const parsed = PairWithCodeRequestSchema.safeParse(message);
  if (!parsed.success) return { ok: false, reason: 'bad-message' };
  const { serverUrl } = await deps.settings.load();
  if (senderOrigin === null || senderOrigin !== originOf(serverUrl)) return { ok: false, reason: 'other-server' };
  const result = await (deps.pair ?? pairWithCode)(serverUrl, parsed.data.code);
  if (!result.ok) return result;
  await storeConnection(deps.settings, deps.preferences, result);
  return { ok: true, name: result.name ?? '' };
}

type Runtime = Pick<WxtBrowser['runtime'], 'onMessage' | 'id'>;

export function listenForPairing(runtime: Runtime, deps: PairingDeps): void {
  runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
    if (type !== 'pair-with-code') return undefined;
    // Our own content script, in a tab (a page script cannot send here without externally_connectable).
    if (sender.id !== runtime.id || sender.tab === undefined) {
      console.warn('background: pairing request from outside a tab ignored', sender.url);
      return undefined;
    }
    pairFromPage(message, sender.origin ?? originOf(sender.url), deps).then(sendResponse, (error: unknown) => {
      console.error('background: pairing failed', error);
      sendResponse({ ok: false, reason: 'server-error' });
    });
    return true; // answered asynchronously
  });
}
