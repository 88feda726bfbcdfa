/**
 * Delivery of a clip aimed at Kotak klip (shared/model/inbox-destination.ts): one idempotent PUT of
 * the clip to the account's inbox. The server keeps a clipId once, so a retry after a lost answer
 * never doubles it; the entry leaves the outbox only on the server's yes. The duplicate check
 * against a draft's sources happens later, when the clip is moved into a draft.
 */
import { clipInboxPaths, type InboxClip } from '../../shared/protocol/clip-inbox-api';
import type { DeliveryProblem } from '../../shared/protocol/extension-messages';
import type { DeliveryOutcome } from './draft-delivery';
import type { OutboxEntry } from './outbox';

export type InboxFetch = (url: string, init: RequestInit) => Promise<Response>;

export async function deliverIntoInbox(
  entry: OutboxEntry,
  token: string,
  removeDelivered: (clipId: string) => Promise<void>,
  send: InboxFetch = (url, init) => fetch(url, init),
): Promise<DeliveryOutcome> {
  const { clip } = entry;
  const body: InboxClip = {
    clipId: clip.clipId,
    kind: clip.kind,
    source: clip.source,
    content: clip.content,
    origin: 'extension',
  };
  let response: Response;
  try {
    response = await send(new URL(clipInboxPaths.inboxItem(clip.clipId), entry.serverUrl).href, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { delivered: false, problem: 'offline' };
  }
  if (response.ok) {
    await removeDelivered(clip.clipId);
    return { delivered: true };
  }
  return { delivered: false, problem: problemOf(response.status) };
}

function problemOf(status: number): DeliveryProblem {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  // 400 (not a clip the draft schema takes), 409 (inbox full, or another clip under this id), 413 (too large).
  if (status === 400 || status === 409 || status === 413) return 'invalid-content';
  return 'server-error';
}
