/**
 * Sends kept shares where the person chose, once: the share stays in the share store until it is
 * in the inbox on the server, or in the outbox (which then delivers it into the draft and keeps it
 * until the server has it). Offline, nothing is lost: the share waits and `sendWaiting` (on start
 * and on `online`) tries again. The clipId the service worker chose travels with the clip, so
 * a share sent twice is kept once (inbox PUT and draft delivery are both idempotent by clipId).
 */

import type { ClipInboxClient } from '../../api/clip-inbox-client';
import type { SourceInDraft } from '../../outbox/outbox';
import { type ClipParts, clipPartsOf, type ShareClipDeps } from './share-clip';
import type { ShareDestination, SharedEntry, ShareProblem, ShareStore } from './share-store';
import type { WebClipFiling } from './web-clip-filing';

export type ShareSendOutcome =
  /** In the inbox, or delivered into the draft. */
  | { state: 'sent' }
  /** Kept on the phone (share store or outbox), sent by itself when online again. */
  | { state: 'waiting'; problem: ShareProblem | null }
  /** The page is already a source card in the draft: the person decides (the clip waits in the outbox). */
  | { state: 'held'; clipId: string; existing: SourceInDraft }
  /** The person must act (a refused page, a picture that cannot be read). */
  | { state: 'stopped'; problem: ShareProblem }
  /** Not in the store any more (sent from another tab), or no destination chosen yet. */
  | { state: 'gone' };

export interface ShareSendingDeps extends ShareClipDeps {
  store: ShareStore;
  putInInbox: ClipInboxClient['put'];
  filing: Pick<WebClipFiling, 'file'>;
}

/** Problems only the person can resolve: the share is not retried until she does. */
export function needsPerson(problem: ShareProblem | null): boolean {
  return problem !== null && (problem.kind === 'refused' || problem.kind === 'picture' || problem.kind === 'empty');
}

export async function sendShare(shareId: string, deps: ShareSendingDeps): Promise<ShareSendOutcome> {
  const entry = await deps.store.get(shareId);
  if (!entry?.destination) return { state: 'gone' };
  const built = await clipPartsOf(entry, deps);
  if (!built.ok) return noteProblem(entry, built.problem, deps.store);
  return deliverTo(entry, entry.destination, built.parts, deps);
}

async function deliverTo(
  entry: SharedEntry,
  destination: ShareDestination,
  parts: ClipParts,
  deps: ShareSendingDeps,
): Promise<ShareSendOutcome> {
  if (destination.kind === 'inbox') {
    const put = await deps.putInInbox({ clipId: entry.clipId, ...parts, origin: 'phone' });
    if (put.ok) {
      await deps.store.delete(entry.shareId);
      return { state: 'sent' };
    }
    const problem: ShareProblem =
      put.reason === 'network' ? { kind: 'offline' } : { kind: 'server', reason: put.reason };
    return noteProblem(entry, problem, deps.store);
  }
  // A share without a link names no page (its source is the app itself): no page to find twice.
  const ifSourceExists = parts.source.url === deps.appUrl ? 'new-source' : 'ask';
  const filed = await deps.filing.file(
    { clipId: entry.clipId, draftId: destination.draftId, ...parts },
    ifSourceExists,
  );
  if (!filed.filed) return noteProblem(entry, { kind: 'server', reason: filed.reason }, deps.store);
  // The outbox holds the clip now, and delivers it until the server has it.
  await deps.store.delete(entry.shareId);
  const { outcome } = filed;
  if (outcome.delivered) return { state: 'sent' };
  if ('sourceInDraft' in outcome) return { state: 'held', clipId: entry.clipId, existing: outcome.sourceInDraft };
  return { state: 'waiting', problem: outcome.problem === 'offline' ? { kind: 'offline' } : null };
}

async function noteProblem(entry: SharedEntry, problem: ShareProblem, store: ShareStore): Promise<ShareSendOutcome> {
  await store.update(entry.shareId, (current) => ({ ...current, problem }));
  return needsPerson(problem) ? { state: 'stopped', problem } : { state: 'waiting', problem };
}

/**
 * Every share with a destination that is not waiting for the person, oldest first, one at a time
 * (a phone's connection is better used for one page at a time). Returns how many were sent.
 */
export async function sendWaiting(deps: ShareSendingDeps): Promise<number> {
  let sent = 0;
  for (const entry of await deps.store.list()) {
    if (!entry.destination || needsPerson(entry.problem)) continue;
    const outcome = await sendShare(entry.shareId, deps);
    if (outcome.state === 'sent') sent++;
    // No connection: the next ones would fail the same way.
    if (outcome.state === 'waiting' && outcome.problem?.kind === 'offline') break;
  }
  return sent;
}

/** The person's choice: where the share goes. A refused page may be kept as a link card instead. */
export async function chooseDestination(
  store: ShareStore,
  shareId: string,
  destination: ShareDestination,
  asLink = false,
): Promise<void> {
  await store.update(shareId, (current) => ({
    ...current,
    destination,
    asLink: current.asLink || asLink,
    problem: null,
  }));
}
