/**
 * The outbox as the background last published it (../storage.ts), kept live by watching storage:
 * the panel never polls. Opening the panel also asks the background to retry what waits.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { askBackground } from '../clip/background-client';
import { EMPTY_OUTBOX_STATE, type OutboxState, OutboxStateSchema } from '../outbox/outbox-state';
import { outboxStateItem } from '../storage';

export function useOutboxState(): OutboxState {
  const [state, setState] = useState<OutboxState>(EMPTY_OUTBOX_STATE);

  useEffect(() => {
    let changedMeanwhile = false;
    const show = (value: unknown) => {
      // Storage is data at rest: read it, don't trust it.
      const parsed = OutboxStateSchema.safeParse(value);
      if (parsed.success) setState(parsed.data);
      else console.error('panel: outbox state unreadable', parsed.error.issues);
    };
    const unwatch = outboxStateItem.watch((value) => {
      changedMeanwhile = true;
      show(value);
    });
    outboxStateItem.getValue().then(
      (value) => {
        if (!changedMeanwhile) show(value);
      },
      (error: unknown) => console.error('panel: outbox state not read', error),
    );
    // Opening the panel is a good moment to retry what waits; the state above follows by itself.
    void askBackground(browser.runtime, { type: 'retry-outbox' });
    return unwatch;
  }, []);

  return state;
}
