/**
 * The share page's view of what is kept on this phone: the shares (share store) and the clips in
 * the outbox, and the actions on them. Waiting shares are sent on start, on `online`, and again a
 * little later while the phone is online and something still waits (a reconnecting draft).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SourceDecision } from '../../../shared/protocol/extension-messages';
import { createClipInboxClient } from '../../api/clip-inbox-client';
import type { OutboxEntry } from '../../outbox/outbox';
import { browserPictureCanvas } from '../../pictures/browser-canvas';
import { pictureFromFile } from '../../pictures/downscale-picture';
import {
  chooseDestination,
  needsPerson,
  type ShareSendingDeps,
  type ShareSendOutcome,
  sendShare,
  sendWaiting,
} from './share-sending';
import { openShareStore, type ShareDestination, type SharedEntry } from './share-store';
import { webClipFiling } from './web-clip-filing';

export interface ShareQueue {
  /** Null while loading. */
  entries: SharedEntry[] | null;
  /** Clips in the outbox not yet on the server (not those held for a decision). */
  outboxWaiting: number;
  held: OutboxEntry[];
  send(shareId: string, destination: ShareDestination, asLink?: boolean): Promise<ShareSendOutcome>;
  remove(shareId: string): Promise<void>;
  decide(clipId: string, decision: SourceDecision): Promise<void>;
}

/** While online and something still waits, look again after this long. */
const RETRY_MS = 5_000;

export function useShareQueue(serverUrl: string, token: string | null, win: Window, untitled: string): ShareQueue {
  const [entries, setEntries] = useState<SharedEntry[] | null>(null);
  const [outboxWaiting, setOutboxWaiting] = useState(0);
  const [held, setHeld] = useState<OutboxEntry[]>([]);

  const parts = useMemo(() => {
    const inbox = createClipInboxClient(serverUrl, token, (input, init) => win.fetch(input, init));
    const canvas = browserPictureCanvas(win as Window & typeof globalThis);
    return { store: openShareStore(win.indexedDB), filing: webClipFiling(serverUrl, token), inbox, canvas };
  }, [serverUrl, token, win]);
  useEffect(() => () => parts.filing.close(), [parts]);

  const deps = useCallback(
    async (): Promise<ShareSendingDeps> => ({
      store: await parts.store,
      putInInbox: parts.inbox.put,
      fromUrl: parts.inbox.fromUrl,
      filing: parts.filing,
      preparePicture: (blob) => pictureFromFile(blob, parts.canvas),
      appUrl: new URL('/editor.html', serverUrl).href,
      untitled,
    }),
    [parts, serverUrl, untitled],
  );

  const refresh = useCallback(async () => {
    const [store, outbox] = await Promise.all([parts.store, parts.filing.outbox()]);
    const [kept, waiting, heldNow] = await Promise.all([store.list(), outbox.list(), outbox.held()]);
    setEntries(kept);
    setOutboxWaiting(waiting.length);
    setHeld(heldNow);
    return kept.some((entry) => entry.destination !== null && !needsPerson(entry.problem)) || waiting.length > 0;
  }, [parts]);

  useEffect(() => {
    let running: Promise<void> | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    const sendAll = () => {
      // One sending at a time; a call meanwhile is covered by the one running.
      if (running) return;
      running = (async () => {
        try {
          await sendWaiting(await deps());
          await parts.filing.sweep();
        } catch (error) {
          console.error('share: sending waiting shares failed; they stay on the phone', error);
        }
        const stillWaiting = await refresh();
        if (retry) clearTimeout(retry);
        if (!stopped && stillWaiting && win.navigator.onLine) retry = setTimeout(sendAll, RETRY_MS);
      })().finally(() => {
        running = null;
      });
    };
    sendAll();
    win.addEventListener('online', sendAll);
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      win.removeEventListener('online', sendAll);
    };
  }, [deps, refresh, parts, win]);

  return {
    entries,
    outboxWaiting,
    held,
    async send(shareId, destination, asLink = false) {
      await chooseDestination(await parts.store, shareId, destination, asLink);
      const outcome = await sendShare(shareId, await deps());
      await refresh();
      return outcome;
    },
    async remove(shareId) {
      await (await parts.store).delete(shareId);
      await refresh();
    },
    async decide(clipId, decision) {
      await parts.filing.decide(clipId, decision);
      await refresh();
    },
  };
}
