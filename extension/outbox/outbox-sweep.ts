/**
 * Retries every clip waiting in the outbox (not those held for the user's decision). Triggered by
 * the popup opening, the `online` event, a one-minute alarm and browser start; one sweep at a
 * time, the next caller shares it.
 */
import type { DeliveryProblem } from '../../shared/protocol/extension-messages';
import type { AppSettings } from '../settings/app-settings';
import type { Delivery } from './delivery';
import { normalizeServerUrl, type Outbox } from './outbox';
import { latestProblem } from './outbox-state';

export interface SweepResult {
  delivered: number;
  pending: number;
  /** The problem of the most recently attempted clip still waiting, if any. */
  problem: DeliveryProblem | null;
}

export interface OutboxSweepDeps {
  outbox: () => Promise<Outbox>;
  delivery: Delivery;
  loadSettings: () => Promise<AppSettings>;
}

export function createOutboxSweep(deps: OutboxSweepDeps): () => Promise<SweepResult> {
  let running: Promise<SweepResult> | null = null;

  async function sweep(): Promise<SweepResult> {
    const outbox = await deps.outbox();
    const [entries, settings] = await Promise.all([outbox.list(), deps.loadSettings()]);
    const serverUrl = normalizeServerUrl(settings.serverUrl);
    const outcomes = await Promise.all(
      entries.map(async (entry) => {
        if (entry.serverUrl !== serverUrl) {
          await outbox.update(entry.clipId, (current) => ({ ...current, problem: 'other-server' }));
          return { delivered: false, problem: 'other-server' as const };
        }
        return deps.delivery.deliver(entry, settings.token);
      }),
    );
    const stillWaiting = await outbox.list();
    return {
      delivered: outcomes.filter((outcome) => outcome.delivered).length,
      pending: stillWaiting.length,
      problem: latestProblem(stillWaiting),
    };
  }

  return () => {
    running ??= sweep().finally(() => {
      running = null;
    });
    return running;
  };
}
