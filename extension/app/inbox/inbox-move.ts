/**
 * "Pindahkan ke draf": an inbox clip becomes a draft clip with the same clipId, filed the way every
 * clip is (outbox first, then delivery with the duplicate check), and leaves the inbox only once
 * the draft on the server holds it. Moving twice never doubles it: delivery is idempotent by clipId.
 * The person chose the draft for this clip just now, so a page already in it gets the clip added
 * to its source card rather than a question.
 */
import type { InboxItem } from '../../../shared/protocol/clip-inbox-api';
import type { DeliveryProblem } from '../../../shared/protocol/extension-messages';
import type { ClipInboxClient } from '../../api/clip-inbox-client';
import type { WebClipFiling } from '../share/web-clip-filing';

export type MoveOutcome =
  | { moved: true }
  /** In the outbox of this phone, not yet in the draft: it stays in the inbox too until it is. */
  | { moved: false; problem: DeliveryProblem | 'invalid-content' | 'outbox-failed' };

export async function moveToDraft(
  item: InboxItem,
  draftId: string,
  deps: { filing: Pick<WebClipFiling, 'file'>; inbox: Pick<ClipInboxClient, 'remove'> },
): Promise<MoveOutcome> {
  const { clipId, kind, source, content } = item;
  const filed = await deps.filing.file({ clipId, draftId, kind, source, content }, 'add-to-existing');
  if (!filed.filed) return { moved: false, problem: filed.reason };
  const { outcome } = filed;
  if (!outcome.delivered) return { moved: false, problem: 'problem' in outcome ? outcome.problem : 'server-error' };
  const removed = await deps.inbox.remove(clipId);
  if (!removed.ok) console.warn('inbox: clip placed but not removed from the inbox yet', clipId, removed.reason);
  return { moved: true };
}
