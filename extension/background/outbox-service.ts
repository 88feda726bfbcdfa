/**
 * The background's outbox: opened once (again after a failure), every change published for the
 * pages to watch (the outbox state item, ../storage.ts) and counted on the toolbar badge, its
 * delivery, and the sweep that retries what waits.
 */
import { browser } from 'wxt/browser';
import type { Translate } from '../../shared/i18n';
import { createDelivery, type Delivery } from '../outbox/delivery';
import { type Outbox, openOutbox } from '../outbox/outbox';
import { outboxStateOf, withChangeNotice } from '../outbox/outbox-state';
import { createOutboxSweep, type SweepResult } from '../outbox/outbox-sweep';
import type { AppSettingsStore } from '../settings/app-settings';
import { outboxStateItem } from '../storage';
import { openDraftConnection } from '../sync/draft-connection';
import { showWaitingCount } from './badge';

export interface OutboxService {
  outbox: () => Promise<Outbox>;
  delivery: Delivery;
  /** Retries every clip waiting for delivery. */
  retry: () => Promise<SweepResult>;
  /** Publishes the outbox state and badge again (it is also done after every outbox write). */
  publish: () => void;
}

export function startOutboxService(settings: AppSettingsStore, translator: () => Promise<Translate>): OutboxService {
  let opening: Promise<Outbox> | null = null;
  const outbox = () => {
    opening ??= openOutbox()
      .then((opened) => withChangeNotice(opened, publish))
      .catch((error: unknown) => {
        opening = null;
        throw error;
      });
    return opening;
  };
  const publish = coalesced(
    async () => {
      const state = await outboxStateOf(await outbox());
      await outboxStateItem.setValue(state);
      await showWaitingCount(browser.action, state.pending, await translator());
    },
    (error) => console.error('background: outbox state not published', error),
  );
  const delivery = createDelivery({ outbox, openConnection: openDraftConnection });
  const sweep = createOutboxSweep({ outbox, delivery, loadSettings: () => settings.load() });
  const retry = async () => {
    try {
      return await sweep();
    } finally {
      publish(); // attempts on entries that failed again are writes too, but a sweep may change nothing
    }
  };
  return { outbox, delivery, retry, publish };
}

/** Runs `task` after a burst of calls: never two runs at once; calls during a run make one more. */
function coalesced(task: () => Promise<void>, onError: (error: unknown) => void): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    running = true;
    do {
      again = false;
      await task().catch(onError);
    } while (again);
    running = false;
  };
  return () => {
    if (running) again = true;
    else void run();
  };
}
