/** The one way a stored document becomes a Y.Doc: its snapshot, then its updates in order (rooms and readers alike). */
import * as Y from 'yjs';
import type { Logger } from '../logger';
import type { StoredDocument } from '../storage/storage';

/**
 * Applies `stored` to `doc` with `origin`. An update Yjs cannot apply is skipped and logged, never
 * fatal: the rest of the document still opens.
 */
export function applyStoredDocument(doc: Y.Doc, stored: StoredDocument, origin: unknown, log: Logger): void {
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot, origin);
  for (const { seq, update } of stored.updates) {
    try {
      Y.applyUpdate(doc, update, origin);
    } catch (error) {
      log.error({ err: error, seq }, 'skipping a stored update that cannot be applied');
    }
  }
}
