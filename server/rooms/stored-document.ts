/**
 * A document as it is now without joining its room: read from the loaded room when there is one,
 * else rebuilt from storage the way a room loads it (updates Yjs refuses are skipped and logged).
 */
import * as Y from 'yjs';
import type { Logger } from '../logger';
import type { DocumentStore } from '../storage/storage';
import type { DocumentRoom } from './document-room';
import { applyStoredDocument } from './room-load';

export interface StoredDocumentReader {
  documents: Pick<DocumentStore, 'loadDocument'>;
  /** The loaded room of that name, if any (RoomRegistry.room). */
  openRoom(name: string): Pick<DocumentRoom, 'readSettledDocument'> | null;
  logger: Logger;
}

/**
 * Runs `read` on the document rebuilt from storage, with the sequence number of its last stored
 * update (0 when none is left in the log); `read` must not keep the document, which is destroyed after.
 */
export async function readStoredDocument<T>(
  reader: Pick<StoredDocumentReader, 'documents' | 'logger'>,
  name: string,
  read: (doc: Y.Doc, lastSeq: number) => T,
): Promise<T> {
  const doc = new Y.Doc();
  try {
    const stored = await reader.documents.loadDocument(name);
    if (stored) applyStoredDocument(doc, stored, null, reader.logger.child({ room: name }));
    return read(doc, stored?.updates.at(-1)?.seq ?? 0);
  } finally {
    doc.destroy();
  }
}

/**
 * `read` on the live document if its room is loaded, read between two of its tasks so that it holds
 * every update stored so far (a version saved just after an edit was stored has that edit); else on
 * storage's.
 */
export async function readCurrentDocument<T>(
  reader: StoredDocumentReader,
  name: string,
  read: (doc: Y.Doc) => T,
): Promise<T> {
  const live = await reader.openRoom(name)?.readSettledDocument((doc) => ({ value: read(doc) }));
  if (live) return live.value;
  return readStoredDocument(reader, name, (doc) => read(doc));
}
