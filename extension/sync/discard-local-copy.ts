/**
 * After the server refused our changes, the local copy still holds them: IndexedDB would load them
 * again and the provider would send them on every reconnect, to be refused every time. This keeps
 * their text for the user, closes the document and deletes its local copy, so the next connection
 * starts from what the server has.
 */
import { clearDocument } from 'y-indexeddb';
import type * as Y from 'yjs';
import type { DraftConnection } from './draft-connection';
import { contentCopyText } from './local-copy-text';

/** Resolves with the text of the discarded local version (`readText` of it), once its database is gone. */
export async function discardLocalCopy(
  connection: DraftConnection,
  readText: (doc: Y.Doc) => string = contentCopyText.read,
): Promise<string> {
  const text = readText(connection.doc);
  const databaseName = connection.persistence.name;
  connection.destroy();
  // The closed database may still be open in another tab: lib0 closes it there on `versionchange`.
  await clearDocument(databaseName);
  return text;
}
