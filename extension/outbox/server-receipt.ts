/**
 * Knowing that the server has stored a clip: all that delivery asks of the network, behind one
 * small interface. The y-websocket implementation is ./y-websocket-draft.ts.
 */
import type { DeliveryProblem } from '../../shared/protocol/extension-messages';

/** Confirmed, or why the server is not known (yet) to hold the clip. */
export type Receipt = { confirmed: true } | { confirmed: false; problem: DeliveryProblem };

export interface ServerReceipt {
  /**
   * The server's answer for a clip appended to this draft, within `waitMs`; sooner when waiting
   * cannot help (offline, refused). A confirmation that comes later still reaches the
   * `onConfirmed` given when the draft was opened (./draft-target.ts).
   */
  confirmed(clipId: string, waitMs: number): Promise<Receipt>;
}
