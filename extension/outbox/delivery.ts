/**
 * The background's delivery: outbox entries into drafts carried by the stock y-websocket provider
 * (./y-websocket-draft.ts), through the provider-free steps of ./draft-delivery.ts.
 */
import type { DraftConnection, DraftConnectionOptions } from '../sync/draft-connection';
import {
  DEFAULT_DRAFT_DELIVERY_TIMING,
  type Delivery,
  type DraftDeliveryTiming,
  deliverIntoDrafts,
} from './draft-delivery';
import type { Outbox } from './outbox';
import { YWebsocketDraft, type YWebsocketDraftTiming } from './y-websocket-draft';

export type { Delivery, DeliveryOutcome } from './draft-delivery';

export type DeliveryTiming = DraftDeliveryTiming & YWebsocketDraftTiming;

export const DEFAULT_DELIVERY_TIMING: DeliveryTiming = { ...DEFAULT_DRAFT_DELIVERY_TIMING, probeEveryMs: 2_000 };

export interface DeliveryDeps {
  outbox: () => Promise<Outbox>;
  openConnection: (options: DraftConnectionOptions) => DraftConnection;
  timing?: Partial<DeliveryTiming>;
  now?: () => Date;
  /** The web app: the session is the page's cookie, not a token. */
  cookieSession?: boolean;
}

export function createDelivery(deps: DeliveryDeps): Delivery {
  const timing = { ...DEFAULT_DELIVERY_TIMING, ...deps.timing };
  return deliverIntoDrafts({
    outbox: deps.outbox,
    openDraft: (address, onConfirmed) => new YWebsocketDraft(deps.openConnection(address), onConfirmed, timing),
    timing,
    now: deps.now,
    cookieSession: deps.cookieSession,
  });
}
