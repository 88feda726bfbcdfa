/** The one way a stored document becomes a Y.Doc: its snapshot, then its updates in order (rooms and readers alike). */
import * as Y from 'yjs';
import type { Logger } from '../logger';
import type { DocumentStore, StoredDocument } from '../storage/storage';
import type { BackgroundCompaction } from './background-compaction';

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

/**
 * A room's document as it opens: applied, and a long log folded into one snapshot while nobody is
 * answered yet (in a cluster, only by the process that holds the compaction lease).
 */
export async function applyAndCompact(
  target: { name: string; doc: Y.Doc; documents: DocumentStore; compaction: BackgroundCompaction; log: Logger },
  stored: StoredDocument,
  origin: unknown,
  compactAfterUpdates: number,
): Promise<void> {
  const { name, doc, documents, compaction, log } = target;
  applyStoredDocument(doc, stored, origin, log);
  const lastSeq = stored.updates.at(-1)?.seq;
  if (lastSeq === undefined) return;
  compaction.loaded(stored.updates.length, lastSeq);
  if (stored.updates.length < compactAfterUpdates) return;
  try {
    const compacted = await compaction.leased(() =>
      documents.replaceWithSnapshot(name, Y.encodeStateAsUpdate(doc), lastSeq),
    );
    if (!compacted) return; // another process of the cluster is compacting it
    compaction.loaded(0, lastSeq);
    log.info({ updates: stored.updates.length }, 'compacted the update log into a snapshot');
  } catch (error) {
    // The log is still complete; compaction is retried on the next load.
    log.warn({ err: error }, 'compacting the document failed');
  }
}
