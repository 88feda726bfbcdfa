/**
 * Whether an update would change a document: a reconnecting client's step 2 often carries only
 * what the server already has (its whole delete set, no new items), and storing it again would
 * grow the log on every reconnect. Deleting an item not yet deleted is a change.
 */
import * as Y from 'yjs';
import type { DecodedUpdate } from './sync-messages';

/** Reads what decoding the message found: decoding a 200 MB backlog again here would cost its size in memory once more. */
export function addsNothing(doc: Y.Doc, update: Pick<DecodedUpdate, 'ends' | 'deletes'>): boolean {
  for (const [client, clock] of update.ends) {
    if (clock > Y.getState(doc.store, client)) return false;
  }
  const ds = update.deletes;
  if (ds.clients.size === 0) return true;
  const deleted = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, ranges] of ds.clients) {
    const known = deleted.clients.get(client) ?? [];
    for (const range of ranges) {
      if (!covered(known, range.clock, range.clock + range.len)) return false;
    }
  }
  return true;
}

/** `known` is sorted and merged (as Yjs builds it from the struct store). */
function covered(known: { clock: number; len: number }[], start: number, end: number): boolean {
  let position = start;
  for (const range of known) {
    if (range.clock > position) return false;
    if (range.clock + range.len > position) position = range.clock + range.len;
    if (position >= end) return true;
  }
  return position >= end;
}
