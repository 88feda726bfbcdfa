/**
 * Applies an update and says whether the document changed — what decides relaying the received bytes
 * as they are, instead of listening to `doc.on('update')`, which makes Yjs encode every applied
 * transaction anew (for a 200 MB backlog, 200 MB more, plus the encoder's grown buffers).
 */
import * as Y from 'yjs';

/**
 * True when applying `update` added items, deleted any, or left structs pending (waiting for an
 * update they depend on): other peers need those bytes too, and the missing update, once it
 * arrives, is relayed as well. False for an update the document already held entirely.
 */
export function applyUpdateTellingChange(doc: Y.Doc, update: Uint8Array, origin: unknown): boolean {
  const pendingBefore = pendingOf(doc);
  let changed = false;
  const observe = (transaction: Y.Transaction) => {
    changed =
      transaction.deleteSet.clients.size > 0 ||
      [...transaction.afterState].some(([client, clock]) => transaction.beforeState.get(client) !== clock);
  };
  doc.on('afterTransaction', observe);
  try {
    Y.applyUpdate(doc, update, origin);
  } finally {
    doc.off('afterTransaction', observe);
  }
  const pendingAfter = pendingOf(doc);
  // Yjs replaces these by new merged bytes whenever something is added to them.
  const pendingGrew =
    (pendingAfter.structs !== null && pendingAfter.structs !== pendingBefore.structs) ||
    (pendingAfter.deletes !== null && pendingAfter.deletes !== pendingBefore.deletes);
  return changed || pendingGrew;
}

function pendingOf(doc: Y.Doc): { structs: Uint8Array | null; deletes: Uint8Array | null } {
  return { structs: doc.store.pendingStructs?.update ?? null, deletes: doc.store.pendingDs };
}
